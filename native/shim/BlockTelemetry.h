#pragma once

#include <algorithm>
#include <cmath>
#include <atomic>
#include <cstdint>
#include <initializer_list>
#include <ctime>

namespace foldback
{
/**
 * Block-time telemetry of one instance: per block, the whole processBlock and the Java call,
 * summed, the worst of each, and the late blocks (processBlock over half the block's period).
 *
 * The audio thread is the only writer; it does relaxed atomic loads and stores (no read-modify-
 * write, no lock, no allocation), so recording costs two clock reads and a few stores. Any
 * thread reads a Snapshot; "DSP %" is the processBlock time over the audio time between two
 * snapshots (or since prepare).
 *
 * Each block's two times also land in a histogram (BlockHistogram), so the log gives the median
 * and the 99th percentile beside the mean: a mean alone hides whether every block is slower or a
 * few are very slow (PERFORMANCE.md, "Session 8").
 *
 * The last `lateLogSize` late blocks are also kept, in a ring, with their wall-clock start
 * (CLOCK_REALTIME, read only when a block is late) and durations, so the log can be lined up with
 * the JVM's own (`-Xlog:safepoint,gc,jit+compilation=debug:file=...:time`) or the host's.
 */
/**
 * Block times counted in fixed buckets: 0.25 us wide below 128 us, 8 us wide up to 4.2 ms, then
 * one bucket for the rest. One writer (the audio thread: a relaxed load and store per block, no
 * allocation); any thread reads a percentile, which may straddle a block: fine for a log.
 */
class BlockHistogram
{
public:
    static constexpr int fineBuckets = 512, coarseBuckets = 512;
    static constexpr uint64_t fineNanos = 250, coarseNanos = 8000;
    static constexpr uint64_t fineLimitNanos = fineBuckets * fineNanos;   // 128 us

    void clear() noexcept
    {
        for (auto& b : buckets)
            b.store (0, std::memory_order_relaxed);
    }

    void add (uint64_t nanos) noexcept
    {
        auto& b = buckets[bucketOf (nanos)];
        b.store (b.load (std::memory_order_relaxed) + 1, std::memory_order_relaxed);
    }

    /** The time under which a share `q` (0..1) of the blocks fell, in microseconds (the upper
        edge of its bucket); 0 when no block was counted, and `longest` (the worst block, which
        the caller knows) when that share reaches into the last bucket, which has no upper edge. */
    double percentileMicros (double q, double longest) const noexcept
    {
        uint64_t total = 0;
        for (const auto& b : buckets)
            total += b.load (std::memory_order_relaxed);
        if (total == 0)
            return 0.0;
        const auto rank = (uint64_t) std::max (1.0, std::ceil (q * (double) total));
        uint64_t seen = 0;
        for (int i = 0; i < size; ++i)
        {
            seen += buckets[i].load (std::memory_order_relaxed);
            if (seen >= rank)
                return i == size - 1 ? longest : (double) upperEdgeNanos (i) / 1e3;
        }
        return longest;
    }

    static int bucketOf (uint64_t nanos) noexcept
    {
        if (nanos < fineLimitNanos)
            return (int) (nanos / fineNanos);
        return (int) std::min<uint64_t> (fineBuckets + (nanos - fineLimitNanos) / coarseNanos, size - 1);
    }

    static uint64_t upperEdgeNanos (int bucket) noexcept
    {
        return bucket < fineBuckets ? (uint64_t) (bucket + 1) * fineNanos
                                    : fineLimitNanos + (uint64_t) (bucket - fineBuckets + 1) * coarseNanos;
    }

    static constexpr int size = fineBuckets + coarseBuckets + 1;   // the last: everything longer

private:
    std::atomic<uint32_t> buckets[size] {};
};

class BlockTelemetry
{
public:
    /** Figures since prepare. Nanoseconds. */
    struct Snapshot
    {
        uint64_t blocks = 0, lateBlocks = 0;
        uint64_t processNanos = 0, javaNanos = 0, audioNanos = 0;
        uint64_t worstProcessNanos = 0, worstJavaNanos = 0;
        uint64_t lastProcessNanos = 0, lastJavaNanos = 0;

        /** processBlock time as a share of the audio's duration, in percent. */
        double dspPercent() const { return audioNanos == 0 ? 0.0 : 100.0 * (double) processNanos / (double) audioNanos; }
        double meanProcessMicros() const { return blocks == 0 ? 0.0 : (double) processNanos / (double) blocks / 1e3; }
        double meanJavaMicros() const { return blocks == 0 ? 0.0 : (double) javaNanos / (double) blocks / 1e3; }
    };

    static constexpr int fields = 9;   // foldback_shim_block_telemetry's order: as in Snapshot

    /** One late block: when it started (Unix time, ns), how long processBlock and Java took, and
        how much of that the thread spent on a CPU (the rest it was waiting: preempted or paged). */
    struct LateBlock
    {
        uint64_t startUnixNanos = 0, processNanos = 0, javaNanos = 0, cpuNanos = 0;
    };

    static constexpr int lateLogSize = 64;

    static uint64_t now() noexcept { return read (CLOCK_MONOTONIC); }

    /** The calling thread's CPU time (a system call, ~0.5 us here: at every block's start, and
        at its end only when it was late). */
    static uint64_t threadCpuNow() noexcept { return read (CLOCK_THREAD_CPUTIME_ID); }

    /** Message thread, before audio starts (prepareToPlay): clears the figures. */
    void prepare (double sampleRate) noexcept
    {
        nanosPerSample.store (sampleRate > 0 ? 1e9 / sampleRate : 0.0, std::memory_order_relaxed);
        for (auto* a : { &blocks, &lateBlocks, &processNanos, &javaNanos, &audioNanos, &worstProcessNanos,
                         &worstJavaNanos, &lastProcessNanos, &lastJavaNanos })
            a->store (0, std::memory_order_relaxed);
        processTimes.clear();
        javaTimes.clear();
    }

    /** Whether a block of numSamples that took processTime is late (over half its period): the
        blocks `record` logs, for which the caller reads the thread's CPU time. */
    bool isLate (int numSamples, uint64_t processTime) const noexcept
    {
        return 2 * processTime > periodOf (numSamples);
    }

    /** Audio thread, once per processBlock; cpuTime is the thread's CPU time during processTime,
        needed only for a late block (isLate). */
    void record (int numSamples, uint64_t processTime, uint64_t javaTime, uint64_t cpuTime) noexcept
    {
        const auto period = periodOf (numSamples);
        bump (blocks, 1);
        if (2 * processTime > period)
        {
            const auto n = lateBlocks.load (std::memory_order_relaxed);
            lateLog[n % lateLogSize] = { read (CLOCK_REALTIME) - processTime, processTime, javaTime, cpuTime };
            lateBlocks.store (n + 1, std::memory_order_release);   // publishes the entry
        }
        bump (processNanos, processTime);
        bump (javaNanos, javaTime);
        bump (audioNanos, period);
        if (processTime > worstProcessNanos.load (std::memory_order_relaxed))
            worstProcessNanos.store (processTime, std::memory_order_relaxed);
        if (javaTime > worstJavaNanos.load (std::memory_order_relaxed))
            worstJavaNanos.store (javaTime, std::memory_order_relaxed);
        lastProcessNanos.store (processTime, std::memory_order_relaxed);
        lastJavaNanos.store (javaTime, std::memory_order_relaxed);
        processTimes.add (processTime);
        javaTimes.add (javaTime);
    }

    /** Any thread: percentile `q` (0..1) of the processBlock times since prepare, in microseconds. */
    double processPercentileMicros (double q) const noexcept
    {
        return processTimes.percentileMicros (q, (double) worstProcessNanos.load (std::memory_order_relaxed) / 1e3);
    }
    /** Any thread: percentile `q` of the Java call times since prepare, in microseconds. */
    double javaPercentileMicros (double q) const noexcept
    {
        return javaTimes.percentileMicros (q, (double) worstJavaNanos.load (std::memory_order_relaxed) / 1e3);
    }

    /** Any thread. Fields are read one by one, so a snapshot may straddle a block: fine for display. */
    Snapshot snapshot() const noexcept
    {
        Snapshot s;
        s.blocks = blocks.load (std::memory_order_relaxed);
        s.lateBlocks = lateBlocks.load (std::memory_order_relaxed);
        s.processNanos = processNanos.load (std::memory_order_relaxed);
        s.javaNanos = javaNanos.load (std::memory_order_relaxed);
        s.audioNanos = audioNanos.load (std::memory_order_relaxed);
        s.worstProcessNanos = worstProcessNanos.load (std::memory_order_relaxed);
        s.worstJavaNanos = worstJavaNanos.load (std::memory_order_relaxed);
        s.lastProcessNanos = lastProcessNanos.load (std::memory_order_relaxed);
        s.lastJavaNanos = lastJavaNanos.load (std::memory_order_relaxed);
        return s;
    }

    /** Any thread: copies the late blocks numbered [from, late count) that the ring still holds
        (at most lateLogSize, the newest) into out[0..]; sets `first` to the number of out[0] and
        returns how many. An entry the audio thread overwrites while it is copied comes out mixed:
        fine for a log. */
    int lateBlockLog (uint64_t from, LateBlock (&out)[lateLogSize], uint64_t& first) const noexcept
    {
        const auto n = lateBlocks.load (std::memory_order_acquire);
        first = std::max (from, n > (uint64_t) lateLogSize ? n - (uint64_t) lateLogSize : (uint64_t) 0);
        int count = 0;
        for (auto i = first; i < n; ++i)
            out[count++] = lateLog[i % lateLogSize];
        return count;
    }

private:
    uint64_t periodOf (int numSamples) const noexcept
    {
        return (uint64_t) ((double) numSamples * nanosPerSample.load (std::memory_order_relaxed));
    }

    static uint64_t read (clockid_t clock) noexcept
    {
        timespec t {};
        clock_gettime (clock, &t);
        return (uint64_t) t.tv_sec * 1000000000u + (uint64_t) t.tv_nsec;
    }

    // Single writer: a load and a store, not a locked read-modify-write.
    static void bump (std::atomic<uint64_t>& a, uint64_t by) noexcept
    {
        a.store (a.load (std::memory_order_relaxed) + by, std::memory_order_relaxed);
    }

    std::atomic<double> nanosPerSample { 0.0 };
    std::atomic<uint64_t> blocks { 0 }, lateBlocks { 0 };
    std::atomic<uint64_t> processNanos { 0 }, javaNanos { 0 }, audioNanos { 0 };
    std::atomic<uint64_t> worstProcessNanos { 0 }, worstJavaNanos { 0 };
    std::atomic<uint64_t> lastProcessNanos { 0 }, lastJavaNanos { 0 };
    BlockHistogram processTimes, javaTimes;
    LateBlock lateLog[lateLogSize] {};   // late block i in entry i % lateLogSize, written before lateBlocks passes i
};
} // namespace foldback
