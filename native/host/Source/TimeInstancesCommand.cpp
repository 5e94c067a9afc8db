// foldback-host time-instances: how long a new instance takes to become usable. The first
// instance in a process pays for starting the plugin's JVM; later ones should take
// milliseconds (DESIGN.md: "the second instance starts in milliseconds").
//
// The plugin is scanned in a child process first, as DAWs do (Ardour, Bitwig, REAPER scan out of
// process and keep the description): JUCE's VST3 scan creates an instance, and in this process
// that instance would start the JVM before the clock runs, so "instance 1" would not be a first.

#include "Commands.h"
#include "BusSetup.h"
#include "HostError.h"
#include "Output.h"
#include "PluginLoader.h"

#include <ctime>

using namespace juce;

namespace
{
    double millisecondsSince (int64 startTicks)
    {
        return Time::highResolutionTicksToSeconds (Time::getHighResolutionTicks() - startTicks) * 1000.0;
    }

    /** CPU time of this thread (the host's message thread, where the plugin creates its instance
        and the JVM, loads classes and interprets), in ms: unlike the wall time, it does not grow
        when other processes take the cores, so it compares builds on a busy machine. */
    double threadCpuMilliseconds()
    {
        timespec t {};
        clock_gettime (CLOCK_THREAD_CPUTIME_ID, &t);
        return (double) t.tv_sec * 1000.0 + (double) t.tv_nsec / 1.0e6;
    }
}

int runTimeInstances (const Args& args)
{
    const int count = args.getInt ("count", 2, 1, 64);
    const double sampleRate = args.getDouble ("sample-rate", Defaults::sampleRate, 1000.0, 1536000.0);
    const int blockSize = args.getInt ("block", Defaults::blockSize, 1, Defaults::maxBlockSize);

    // Finding the plugin (bundle scan) is not part of an instance's start-up, so it is not timed.
    // --scan here: scan in this process (the JVM then starts during the scan, untimed).
    // --realtime yes: prepare as a DAW playing live does (Foldback's first real-time prepare in a
    // process runs its JIT warm-up; offline, the default, it does not).
    const bool realtime = args.getString ("realtime", "no") == "yes";
    const auto pluginPath = args.getRequired ("plugin");
    const auto scan = args.getString ("scan", "child");
    if (scan != "child" && scan != "here")
        failArgs ("--scan must be child or here, not " + scan);
    const bool scanHere = scan == "here" || pluginPath.trimCharactersAtEnd ("/").endsWith (".clap");   // a CLAP's scan loads no instance
    auto loader = scanHere ? std::make_unique<PluginLoader> (pluginPath)
                           : std::make_unique<PluginLoader> (pluginPath, PluginLoader::describeInChildProcess (pluginPath));
    std::vector<std::unique_ptr<AudioPluginInstance>> instances;
    MidiBuffer midi;

    for (int i = 0; i < count; ++i)
    {
        // Timed: create, prepare, and one block of silence in the plugin's default layout (all
        // buses for LV2), i.e. what a DAW does before the instance makes its first sound.
        const auto started = Time::getHighResolutionTicks();
        const auto cpuStarted = threadCpuMilliseconds();
        auto plugin = loader->createInstance (sampleRate, blockSize);
        plugin->setNonRealtime (! realtime);   // created offline; a DAW playing live prepares in real time
        const auto created = millisecondsSince (started);
        const auto createdCpu = threadCpuMilliseconds() - cpuStarted;

        if (needsAllBusesEnabled (*plugin))
            plugin->enableAllBuses();

        plugin->prepareToPlay (sampleRate, blockSize);
        const auto prepared = millisecondsSince (started);
        const auto preparedCpu = threadCpuMilliseconds() - cpuStarted;

        AudioBuffer<float> buffer (jmax (plugin->getTotalNumInputChannels(), plugin->getTotalNumOutputChannels()),
                                   blockSize);
        buffer.clear();
        plugin->processBlock (buffer, midi);

        const auto total = millisecondsSince (started);
        const auto cpu = threadCpuMilliseconds() - cpuStarted;
        const auto key = "instance" + String (i + 1);
        printValue (key + "_ms", total);
        // Where the time went: creating (the plugin's constructor, the wrapper's parameter and
        // bus set-up, the host's first state read), preparing, and the first block.
        printValue (key + "_create_ms", created);
        printValue (key + "_prepare_ms", prepared - created);
        printValue (key + "_block_ms", total - prepared);
        printValue (key + "_thread_cpu_ms", cpu);
        // The same split of this thread's CPU time: where the wall time is much longer, the thread
        // waited (for a core the JIT's compiler threads or the collector had, for a lock).
        printValue (key + "_create_cpu_ms", createdCpu);
        printValue (key + "_prepare_cpu_ms", preparedCpu - createdCpu);
        printValue (key + "_block_cpu_ms", cpu - preparedCpu);

        // All instances stay alive until the end, as in a session with several of them.
        instances.push_back (std::move (plugin));
    }

    const auto destroyStarted = Time::getHighResolutionTicks();

    for (auto& plugin : instances)
    {
        plugin->releaseResources();
        plugin.reset();
    }

    printValue ("destroy_all_ms", millisecondsSince (destroyStarted));
    return ExitCode::ok;
}
