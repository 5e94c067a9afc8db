// foldback-host time-instances: how long a new instance takes to become usable. The first
// instance in a process pays for starting the plugin's JVM; later ones should take
// milliseconds (DESIGN.md: "the second instance starts in milliseconds").

#include "Commands.h"
#include "BusSetup.h"
#include "HostError.h"
#include "Output.h"
#include "PluginLoader.h"

using namespace juce;

namespace
{
    double millisecondsSince (int64 startTicks)
    {
        return Time::highResolutionTicksToSeconds (Time::getHighResolutionTicks() - startTicks) * 1000.0;
    }
}

int runTimeInstances (const Args& args)
{
    const int count = args.getInt ("count", 2, 1, 64);
    const double sampleRate = args.getDouble ("sample-rate", Defaults::sampleRate, 1000.0, 1536000.0);
    const int blockSize = args.getInt ("block", Defaults::blockSize, 1, Defaults::maxBlockSize);

    // Finding the plugin (bundle scan) is not part of an instance's start-up, so it is not timed.
    PluginLoader loader (args.getRequired ("plugin"));
    std::vector<std::unique_ptr<AudioPluginInstance>> instances;
    MidiBuffer midi;

    for (int i = 0; i < count; ++i)
    {
        // Timed: create, prepare, and one block of silence in the plugin's default layout (all
        // buses for LV2), i.e. what a DAW does before the instance makes its first sound.
        const auto started = Time::getHighResolutionTicks();
        auto plugin = loader.createInstance (sampleRate, blockSize);

        if (needsAllBusesEnabled (*plugin))
            plugin->enableAllBuses();

        plugin->prepareToPlay (sampleRate, blockSize);

        AudioBuffer<float> buffer (jmax (plugin->getTotalNumInputChannels(), plugin->getTotalNumOutputChannels()),
                                   blockSize);
        buffer.clear();
        plugin->processBlock (buffer, midi);

        printValue ("instance" + String (i + 1) + "_ms", millisecondsSince (started));

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
