#include "Watchdog.h"
#include "HostError.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>

Watchdog::Watchdog (double timeoutSeconds)
{
    thread = std::thread ([this, timeoutSeconds]
    {
        std::unique_lock<std::mutex> lock (mutex);
        const auto deadline = std::chrono::steady_clock::now()
                            + std::chrono::duration_cast<std::chrono::steady_clock::duration> (
                                  std::chrono::duration<double> (timeoutSeconds));

        if (wake.wait_until (lock, deadline, [this] { return finished; }))
            return;

        std::fprintf (stderr, "foldback-host: error: timed out after %g s (watchdog; raise it with --timeout)\n",
                      timeoutSeconds);
        std::fflush (stderr);
        std::fflush (stdout);
        std::_Exit (ExitCode::timedOut);
    });
}

Watchdog::~Watchdog()
{
    {
        const std::lock_guard<std::mutex> lock (mutex);
        finished = true;
    }

    wake.notify_all();
    thread.join();
}
