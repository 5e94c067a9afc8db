// Validation cases about instances in one process: many at once, many created and destroyed, and
// a host that installed its own SIGSEGV handler before the plugin's JVM. See
// native/tests/VALIDATION.md.

#include "ValidateCases.h"

#include <sys/mman.h>
#include <mutex>
#include <csignal>
#include <iostream>
#include <thread>

using namespace juce;
using namespace Validate;

namespace
{
    constexpr float sineAmplitude = 0.5f;

    //== The host's SIGSEGV handler =============================================================
    // A fault on our guard page (mapped without access) is ours: the handler opens the page and
    // returns, and the faulting write runs again and succeeds. Any other fault restores the
    // default action and re-raises, so a real crash still crashes. Returning normally (rather
    // than jumping out) leaves the JVM's handler, which called ours, in a clean state.
    constexpr size_t guardSize = 4096;
    void* guardPage = nullptr;
    volatile sig_atomic_t faultsCaught = 0;
    struct sigaction defaultAction {};

    void hostFaultHandler (int, siginfo_t* info, void*)
    {
        auto* address = static_cast<char*> (info->si_addr);
        auto* guard = static_cast<char*> (guardPage);

        if (guard != nullptr && address >= guard && address < guard + guardSize)
        {
            ++faultsCaught;
            mprotect (guardPage, guardSize, PROT_READ | PROT_WRITE);
            return;
        }

        sigaction (SIGSEGV, &defaultAction, nullptr);
        raise (SIGSEGV);
    }

    bool hostHandlerIsInstalled()
    {
        struct sigaction current {};
        sigaction (SIGSEGV, nullptr, &current);
        return (current.sa_flags & SA_SIGINFO) != 0 && current.sa_sigaction == hostFaultHandler;
    }

    /** Writes to the guard page while it has no access; true if our handler got the fault. */
    bool faultReachesHost()
    {
        static std::mutex one;
        const std::lock_guard<std::mutex> lock (one);
        mprotect (guardPage, guardSize, PROT_NONE);
        const auto before = faultsCaught;
        *static_cast<volatile int*> (guardPage) = 1;
        return faultsCaught == before + 1;
    }

    double lastTenth (const AudioBuffer<float>& cue)
    {
        return rms (cue, cue.getNumSamples() - 4800, cue.getNumSamples());
    }
}

namespace ValidateCases
{
void installHostSignalHandler()
{
    guardPage = mmap (nullptr, guardSize, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    struct sigaction action {};
    action.sa_sigaction = hostFaultHandler;
    action.sa_flags = SA_SIGINFO;
    sigemptyset (&action.sa_mask);
    sigaction (SIGSEGV, &action, &defaultAction);
}

void instances (ValidateContext& ctx)
{
    // 16 instances alive together, each with its own cue 1 level (0, -1, ... -15 dB), rendered
    // block by block in turn as a host's audio thread would; each must come out at its own level.
    constexpr int count = 16;
    std::vector<std::unique_ptr<AudioPluginInstance>> plugins;
    const int threadsBefore = threadCount();
    const auto rssBefore = residentBytes();

    for (int i = 0; i < count; ++i)
    {
        plugins.push_back (ctx.create());
        setByText (*plugins.back(), "Cue 1 Level", String (-i));
        plugins.back()->prepareToPlay (48000.0, 512);
    }

    const int channels = jmax (plugins[0]->getTotalNumInputChannels(), plugins[0]->getTotalNumOutputChannels());
    std::vector<AudioBuffer<float>> cueOne ((size_t) count, AudioBuffer<float> (2, 14400));
    AudioBuffer<float> buffer (channels, 512);
    MidiBuffer midi;
    const auto sine = mainSine (1000.0, sineAmplitude, 48000.0);

    for (int position = 0; position < 14400; position += 512)
    {
        const int n = jmin (512, 14400 - position);

        for (int i = 0; i < count; ++i)
        {
            auto& plugin = *plugins[(size_t) i];
            buffer.setSize (channels, n, false, false, true);
            buffer.clear();
            auto main = plugin.getBusBuffer (buffer, true, 0);
            for (int ch = 0; ch < main.getNumChannels(); ++ch)
                for (int k = 0; k < n; ++k)
                    main.setSample (ch, k, sine (0, ch, position + k));
            plugin.processBlock (buffer, midi);
            const auto out = plugin.getBusBuffer (buffer, false, 0);
            for (int ch = 0; ch < 2; ++ch)
                cueOne[(size_t) i].copyFrom (ch, position, out, ch, 0, n);
        }
    }

    const double loudest = lastTenth (cueOne[0]);
    ctx.expect (loudest > 0.05, "instance 1 is silent");
    double worst = 0.0;

    for (int i = 0; i < count; ++i)
    {
        const double error = toDb (lastTenth (cueOne[(size_t) i]) / loudest) + i;
        worst = jmax (worst, std::abs (error));
        ctx.expect (std::abs (error) < 0.05, "instance " + String (i + 1) + " is " + String (error, 3) + " dB off its own level ("
                                                 + String (-i) + " dB)");
        ctx.expect (nonFinite (cueOne[(size_t) i]) == 0, "instance " + String (i + 1) + ": non-finite output");
    }

    ctx.fact ("instances", count);
    ctx.fact ("worst_level_error_db", String (worst, 4));
    ctx.fact ("threads_added", threadCount() - threadsBefore);
    ctx.fact ("rss_added_mb", String ((double) (residentBytes() - rssBefore) / 1048576.0, 1));

    for (auto& plugin : plugins)
    {
        plugin->releaseResources();
        plugin.reset();
    }
}

void cycles (ValidateContext& ctx)
{
    // create, prepare, render, release, destroy, over and over. A warm-up first: the JVM starts,
    // classes load, and C2 compiles the audio path, in bursts up to ~560 cycles in that leave
    // ~13 MB of compiler arenas in malloc's free lists (NMT "Compiler"; glibc does not hand them
    // back) and grow the code cache. 800 cycles clear them with a margin. Then the counted
    // cycles, whose growth must stay bounded.
    const int count = ctx.args.getInt ("cycles", ctx.quick ? 100 : 1000, 1, 1000000);
    const int warmUp = ctx.args.getInt ("warm-up", 800, 0, 1000000);
    const auto sine = mainSine (1000.0, sineAmplitude, 48000.0);
    int64 rssBefore = 0, privateBefore = 0;
    int threadsBefore = 0, threadsMax = 0;
    int64 silentCycles = 0;
    double started = 0.0;
    StringArray privateTrajectory;   // MB at every tenth of the counted cycles, for the soak's record

    for (int i = 0; i < warmUp + count; ++i)
    {
        if (i == warmUp)
        {
            pumpMessages (20);
            rssBefore = residentBytes();
            privateBefore = privateBytes();
            threadsBefore = threadsMax = threadCount();
            started = Time::getMillisecondCounterHiRes();
        }

        auto plugin = ctx.create();
        plugin->prepareToPlay (48000.0, 512);
        const auto out = render (*plugin, sine, 2048, fixedBlocks (512), 512);
        // Cue 2, not cue 1: without Java (none, or its heap full) the shim passes the main input
        // to cue 1 itself, and only Java's mix reaches cue 2.
        silentCycles += peak (out.cues[1], 1024) > 0.1f ? 0 : 1;
        plugin->releaseResources();
        plugin.reset();
        pumpMessages (0);   // deliver what the instance posted before it went

        if (i >= warmUp)
        {
            threadsMax = jmax (threadsMax, threadCount());
            const int done = i - warmUp + 1;
            if (done % jmax (1, count / 10) == 0)
                privateTrajectory.add (String ((double) privateBytes() / 1048576.0, 1));
        }
    }

    const double perCycle = (Time::getMillisecondCounterHiRes() - started) / count;
    pumpMessages (20);
    const auto rssGrowth = residentBytes() - rssBefore;
    const auto privateGrowth = privateBytes() - privateBefore;
    const int threadsAfter = threadCount();

    // JVM compiler and GC threads come and go on their own (JDK 17 sizes both dynamically), so a
    // few either way are no leak; a leak is one or more per cycle.
    constexpr int threadSlack = 4;
    // One bound however many cycles: measured growth is 0.02-0.34 MB over 100 or 1000 cycles. A
    // leaked instance's native side (JUCE's 502 parameters, buffers) or only its direct buffers
    // (100 kB) passes 8 MB within 100 cycles. A leaked Java side (~4.7 MB) fills the fixed 128 MB
    // heap within ~25 cycles, and the instances after that get no Java: cue 2 goes silent.
    const int64 privateBound = 8ll * 1048576;
    const int64 rssBound = 8ll * 1048576;

    ctx.expect (silentCycles == 0, String (silentCycles) + " cycles gave no Java output (cue 2 silent)");
    ctx.expect (threadsAfter <= threadsBefore + threadSlack, "threads " + String (threadsBefore) + " before, " + String (threadsAfter) + " after");
    ctx.expect (privateGrowth <= privateBound, "private memory grew by " + String ((double) privateGrowth / 1048576.0, 1) + " MB over " + String (count) + " cycles");
    ctx.expect (rssGrowth <= rssBound, "RSS grew by " + String ((double) rssGrowth / 1048576.0, 1) + " MB over " + String (count) + " cycles");

    ctx.fact ("cycles", count);
    ctx.fact ("warm_up", warmUp);
    ctx.fact ("ms_per_cycle", String (perCycle, 2));
    ctx.fact ("threads_before", threadsBefore);
    ctx.fact ("threads_after", threadsAfter);
    ctx.fact ("threads_max", threadsMax);
    ctx.fact ("rss_before_mb", String ((double) rssBefore / 1048576.0, 1));
    ctx.fact ("rss_growth_mb", String ((double) rssGrowth / 1048576.0, 2));
    ctx.fact ("private_before_mb", String ((double) privateBefore / 1048576.0, 1));
    ctx.fact ("private_growth_mb", String ((double) privateGrowth / 1048576.0, 2));
    ctx.fact ("private_mb_each_tenth", privateTrajectory.joinIntoString (","));
    ctx.fact ("bound_mb", String ((double) privateBound / 1048576.0, 0));
}

void sigsegv (ValidateContext& ctx)
{
    // runValidate installed our handler before the plugin loaded, as a host with its own crash
    // handler does. The JVM installs its handler over ours and must chain to it.
    // (By now the JVM runs: loading the VST3 to describe it created an instance.)
    ctx.fact ("host_handler_on_top_at_start", hostHandlerIsInstalled() ? "yes" : "no");
    ctx.expect (faultReachesHost(), "before the plugin loaded, our own handler did not catch a fault");

    auto plugin = ctx.create (48000.0, 1024);
    plugin->prepareToPlay (48000.0, 1024);
    // Enough work for the JIT to compile the audio path; compiled Java code uses SIGSEGV itself
    // (implicit null checks, safepoint polls), which the JVM must still handle as its own.
    const auto out = render (*plugin, mainSine (1000.0, sineAmplitude, 48000.0), 48000 * 4, randomBlocks (1024, 2), 1024);
    ctx.expect (nonFinite (out) == 0 && lastTenth (out.cues[0]) > 0.05, "no normal output with the host's handler installed");

    ctx.fact ("jvm_handler_over_host", hostHandlerIsInstalled() ? "no" : "yes");

    // A fault that is not the JVM's, on a thread the JVM knows (this one called into Java) and
    // on a thread it has never seen: both must reach the host's handler.
    const bool onMessageThread = faultReachesHost();
    std::cout << "sigsegv: message-thread fault reached the host handler: " << (onMessageThread ? "yes" : "no") << std::endl;
    ctx.expect (onMessageThread, "a host fault on the message thread did not reach the host's handler");
    bool otherThread = false;
    std::thread ([&] { otherThread = faultReachesHost(); }).join();
    std::cout << "sigsegv: new-thread fault reached the host handler: " << (otherThread ? "yes" : "no") << std::endl;
    ctx.expect (otherThread, "a host fault on a new thread did not reach the host's handler");

    // And the plugin still works after both.
    const auto after = render (*plugin, mainSine (1000.0, sineAmplitude, 48000.0), 14400, fixedBlocks (1024), 1024);
    ctx.expect (nonFinite (after) == 0 && lastTenth (after.cues[0]) > 0.05, "no normal output after the host's faults");
    plugin->releaseResources();
    ctx.fact ("faults_caught", (int) faultsCaught);
}
}
