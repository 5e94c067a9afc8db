#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>

/** Ends the process with exit code 3 if it is still alive after a deadline.

    A plugin that deadlocks (in its constructor, in the JVM it starts, in processBlock or while
    being destroyed) would otherwise hang a test run forever. The watchdog lives for the whole of
    main(), so it also covers plugin teardown; it exits with std::_Exit because a hung process
    cannot be trusted to run destructors. */
class Watchdog
{
public:
    explicit Watchdog (double timeoutSeconds);
    ~Watchdog();

private:
    std::mutex mutex;
    std::condition_variable wake;
    bool finished = false;
    std::thread thread;
};
