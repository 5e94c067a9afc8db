#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <mutex>

namespace foldback::clap
{
/**
 * Edits made by Java (the editor, the web remote, OSC) on their way to the host. CLAP lets a plugin
 * tell the host of a gesture only from process() or params.flush(), so the Java threads push here
 * and the audio thread (or the host's flush) pops into the host's output event list.
 *
 * Any number of Java threads push (they take a lock among themselves); one consumer pops, with
 * atomics only, so the audio thread never waits. A full queue drops the edit and counts it: the
 * value still reaches the engine, only the host misses that one automation point.
 */
class EditQueue
{
public:
    enum class Kind : uint8_t { begin, value, end };
    struct Edit
    {
        Kind kind;
        int index;
        float normalized;
    };

    /** Any thread but the consumer's. False when the queue is full. */
    bool push (const Edit& edit)
    {
        const std::lock_guard<std::mutex> lock (producers);
        const auto t = tail.load (std::memory_order_relaxed);
        if (t - head.load (std::memory_order_acquire) == slots.size())
        {
            dropped.fetch_add (1, std::memory_order_relaxed);
            return false;
        }
        slots[t % slots.size()] = edit;
        tail.store (t + 1, std::memory_order_release);
        return true;
    }

    /** The consumer (process or flush): never blocks. */
    bool pop (Edit& edit) noexcept
    {
        const auto h = head.load (std::memory_order_relaxed);
        if (h == tail.load (std::memory_order_acquire))
            return false;
        edit = slots[h % slots.size()];
        head.store (h + 1, std::memory_order_release);
        return true;
    }

    /** Edits dropped since the last call (for the log, off the audio thread). */
    uint32_t takeDropped() noexcept { return dropped.exchange (0, std::memory_order_relaxed); }

private:
    std::array<Edit, 4096> slots {};
    std::atomic<uint64_t> head { 0 }, tail { 0 };
    std::atomic<uint32_t> dropped { 0 };
    std::mutex producers;
};
} // namespace foldback::clap
