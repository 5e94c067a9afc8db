// foldback-host bench: times the plugin's processBlock through the real plugin binary (VST3 or
// LV2 wrapper, shim, JNI, Java), on a thread of its own as a DAW's audio thread would be.
//
//   --mode offline    blocks back to back, as fast as they go: per-block times and the real-time
//                     factor (audio seconds rendered per second spent in processBlock; the host's
//                     own work between blocks, filling the inputs, is not the plugin's: the factor
//                     over the loop's wall-clock time, fill included, is realtime_factor_wall).
//   --mode realtime   one block per period (block / sample rate): the thread sleeps to the next
//                     absolute deadline, then processes. Per-block processing times give the tail
//                     (p99.99, max); blocks that end after their deadline are counted as late.
//
// With --instances N every period processes all N instances one after the other (as a DAW with N
// tracks on one audio thread); the recorded time is the sum, and per-instance medians follow.

#include "BenchStats.h"
#include "BusSetup.h"
#include "Commands.h"
#include "HostError.h"
#include "Output.h"
#include "PluginLoader.h"
#include "PluginStateFormat.h"

#include <chrono>
#include <pthread.h>
#include <random>
#include <sched.h>
#include <thread>
#include <time.h>

#include <atomic>

using namespace juce;

namespace
{
    using Clock = std::chrono::steady_clock;

    double microsecondsBetween (Clock::time_point a, Clock::time_point b)
    {
        return std::chrono::duration<double, std::micro> (b - a).count();
    }

    /** One instance with its own buffer and the signal it is fed. */
    struct BenchInstance
    {
        std::unique_ptr<AudioPluginInstance> plugin;
        AudioBuffer<float> buffer;
        int inputChannels = 0;
    };

    /** Gaussian noise at -12 dBFS RMS, one second per channel, looped: a busy, full-band signal. */
    struct NoiseTable
    {
        NoiseTable (int channels, int frames) : samples (channels, frames)
        {
            std::mt19937 random (1);
            std::normal_distribution<float> normal (0.0f, 0.25f);

            for (int ch = 0; ch < channels; ++ch)
                for (int i = 0; i < frames; ++i)
                    samples.setSample (ch, i, jlimit (-1.0f, 1.0f, normal (random)));
        }

        void fill (AudioBuffer<float>& buffer, int channels, int offset, int n) const
        {
            for (int ch = 0; ch < channels; ++ch)
                buffer.copyFrom (ch, 0, samples, ch % samples.getNumChannels(), offset, n);
        }

        AudioBuffer<float> samples;
    };

    /** Asks for SCHED_FIFO as audio threads get from JACK or a DAW; says whether it was granted. */
    bool raiseToRealtimePriority (int priority)
    {
        if (priority <= 0)
            return false;

        sched_param param {};
        param.sched_priority = priority;
        return pthread_setschedparam (pthread_self(), SCHED_FIFO, &param) == 0;
    }

    void sleepUntil (const timespec& deadline)
    {
        while (clock_nanosleep (CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, nullptr) == EINTR) {}
    }

    void advance (timespec& t, long nanoseconds)
    {
        t.tv_nsec += nanoseconds;

        while (t.tv_nsec >= 1000000000L)
        {
            t.tv_nsec -= 1000000000L;
            ++t.tv_sec;
        }
    }

    struct RunResult
    {
        std::vector<double> blockMicros;                  // all instances, per period
        std::vector<std::vector<double>> instanceMicros;  // per instance, per period
        int lateBlocks = 0;
        double wallSeconds = 0;
        bool realtimePriority = false;
    };

    RunResult run (std::vector<BenchInstance>& instances, const NoiseTable& noise, int block, double sampleRate,
                   int warmupBlocks, int measuredBlocks, bool realtime, int priority)
    {
        RunResult result;
        result.blockMicros.reserve ((size_t) measuredBlocks);
        result.instanceMicros.assign (instances.size(), {});

        for (auto& v : result.instanceMicros)
            v.reserve ((size_t) measuredBlocks);

        std::atomic<bool> finished { false };
        std::thread audio ([&]
        {
            result.realtimePriority = realtime && raiseToRealtimePriority (priority);
            MidiBuffer midi;
            const long periodNanos = (long) std::llround (1.0e9 * block / sampleRate);
            const int tableFrames = noise.samples.getNumSamples();
            timespec deadline {};
            clock_gettime (CLOCK_MONOTONIC, &deadline);
            int offset = 0;
            const auto started = Clock::now();
            auto measuredFrom = started;

            for (int b = 0; b < warmupBlocks + measuredBlocks; ++b)
            {
                if (b == warmupBlocks)
                    measuredFrom = Clock::now();

                // Filling the inputs is the host's work, not the plugin's: not timed.
                for (auto& instance : instances)
                    noise.fill (instance.buffer, instance.inputChannels, offset, block);
                offset = (offset + block) % (tableFrames - block);

                if (realtime)
                {
                    advance (deadline, periodNanos);
                    sleepUntil (deadline);
                }

                const auto periodStart = Clock::now();
                auto t = periodStart;

                for (size_t i = 0; i < instances.size(); ++i)
                {
                    instances[i].plugin->processBlock (instances[i].buffer, midi);
                    const auto now = Clock::now();

                    if (b >= warmupBlocks)
                        result.instanceMicros[i].push_back (microsecondsBetween (t, now));
                    t = now;
                }

                if (b >= warmupBlocks)
                {
                    result.blockMicros.push_back (microsecondsBetween (periodStart, t));

                    if (realtime && microsecondsBetween (periodStart, t) > periodNanos / 1000.0)
                        ++result.lateBlocks;
                }
            }

            result.wallSeconds = std::chrono::duration<double> (Clock::now() - measuredFrom).count();
            finished = true;
        });

        // The message loop runs meanwhile, as a DAW's does: what a surface (the web remote) hands
        // the message thread (gestures) reaches the host and the plugin while the audio plays.
        while (! finished)
            pumpMessages (20);

        audio.join();
        return result;
    }
}

int runBench (const Args& args)
{
    const auto mode = args.getString ("mode", "offline");

    if (mode != "offline" && mode != "realtime")
        failArgs ("--mode is offline or realtime, got '" + mode + "'");

    const bool realtime = mode == "realtime";
    const double sampleRate = args.getDouble ("sample-rate", Defaults::sampleRate, 1000.0, 1536000.0);
    const int block = args.getInt ("block", 64, 1, 8192);
    const int count = args.getInt ("instances", 1, 1, 64);
    const double seconds = args.getDouble ("seconds", 10.0, 0.01, 86400.0);
    const double warmupSeconds = args.getDouble ("warmup-seconds", 2.0, 0.0, 3600.0);
    const int priority = args.getInt ("rt-priority", 70, 0, 99);

    MemoryBlock pluginState;

    if (args.has ("plugin-state"))
    {
        const File stateFile = File::getCurrentWorkingDirectory().getChildFile (args.getString ("plugin-state"));

        if (! stateFile.existsAsFile() || ! stateFile.loadFileAsData (pluginState))
            failArgs ("cannot read state file " + stateFile.getFullPathName());
    }

    PluginLoader loader (args.getRequired ("plugin"));
    std::vector<BenchInstance> instances ((size_t) count);
    int sources = 0, cues = 0;

    for (auto& instance : instances)
    {
        instance.plugin = loader.createInstance (sampleRate, block);
        auto& plugin = *instance.plugin;
        sources = args.getInt ("sources", plugin.getBusCount (true), 1, 1024);
        cues = args.getInt ("cues", plugin.getBusCount (false), 1, 1024);

        if (pluginState.getSize() > 0)
        {
            const auto wrapped = PluginStateFormat::wrap (plugin, pluginState);
            plugin.setStateInformation (wrapped.getData(), (int) wrapped.getSize());
        }

        applyBusLayout (plugin, sources, cues);
        plugin.setNonRealtime (! realtime);   // --mode offline is a bounce: no real-time warm-up
        plugin.prepareToPlay (sampleRate, block);
        instance.inputChannels = plugin.getTotalNumInputChannels();
        instance.buffer.setSize (jmax (plugin.getTotalNumInputChannels(), plugin.getTotalNumOutputChannels()), block);
        instance.buffer.clear();
    }

    pumpMessages (10);

    const NoiseTable noise (jmax (1, instances.front().inputChannels), (int) sampleRate);
    const int warmupBlocks = (int) std::ceil (warmupSeconds * sampleRate / block);
    const int measuredBlocks = jmax (1, (int) std::ceil (seconds * sampleRate / block));
    auto result = run (instances, noise, block, sampleRate, warmupBlocks, measuredBlocks, realtime, priority);

    const double periodMicros = 1.0e6 * block / sampleRate;
    const auto stats = BenchStats::of (result.blockMicros);

    printValue ("plugin", loader.getDescription().pluginFormatName + " " + loader.getDescription().name);
    printValue ("mode", mode);
    printValue ("instances", count);
    printValue ("sources", sources);
    printValue ("cues", cues);
    printValue ("sample_rate", sampleRate);
    printValue ("block", block);
    printValue ("period_us", periodMicros);
    printValue ("blocks", (int) result.blockMicros.size());
    printValue ("block_median_us", stats.median);
    printValue ("block_mean_us", stats.mean);
    printValue ("block_p99_us", stats.p99);
    printValue ("block_p999_us", stats.p999);
    printValue ("block_p9999_us", stats.p9999);
    printValue ("block_max_us", stats.max);
    double processingMicros = 0;
    for (auto micros : result.blockMicros)
        processingMicros += micros;
    const double audioMicros = (double) result.blockMicros.size() * periodMicros;
    printValue ("wall_seconds", result.wallSeconds);
    printValue ("processing_seconds", processingMicros / 1.0e6);
    printValue ("realtime_factor", audioMicros / processingMicros);
    printValue ("realtime_factor_wall", audioMicros / 1.0e6 / result.wallSeconds);

    for (size_t i = 0; i < result.instanceMicros.size(); ++i)
        printValue ("instance" + String ((int) i + 1) + "_median_us", BenchStats::of (result.instanceMicros[i]).median);

    if (realtime)
    {
        printValue ("late_blocks", result.lateBlocks);
        printValue ("realtime_priority", result.realtimePriority);
    }

    for (auto& instance : instances)
    {
        instance.plugin->releaseResources();
        instance.plugin.reset();
    }

    return ExitCode::ok;
}
