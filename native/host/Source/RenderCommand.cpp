// foldback-host render: feeds WAV files to the plugin's input buses and writes one WAV per
// enabled output bus (DIR/cue-N.wav, 32-bit float).

#include "Commands.h"
#include "BlockLoop.h"
#include "BlockPattern.h"
#include "BusSetup.h"
#include "GestureReport.h"
#include "HostError.h"
#include "InputFeed.h"
#include "Output.h"
#include "ParameterEdits.h"
#include "PluginLoader.h"
#include "PluginStateFormat.h"
#include "WavIO.h"

using namespace juce;
using InputFeed::readInputs;
using InputFeed::resolve;

namespace
{
    /** What we track per output bus while rendering: the file, and figures tests and the
        benchmark script want without re-reading the WAVs. */
    struct CueOutput
    {
        File file;
        std::unique_ptr<AudioFormatWriter> writer;
        float peak = 0.0f;
        int64 nonFiniteSamples = 0;

        void write (const AudioBuffer<float>& bus)
        {
            for (int channel = 0; channel < bus.getNumChannels(); ++channel)
            {
                const auto* samples = bus.getReadPointer (channel);

                for (int i = 0; i < bus.getNumSamples(); ++i)
                {
                    if (std::isfinite (samples[i]))
                        peak = jmax (peak, std::abs (samples[i]));
                    else
                        ++nonFiniteSamples;
                }
            }

            if (! writer->writeFromAudioSampleBuffer (bus, 0, bus.getNumSamples()))
                failArgs ("error while writing " + file.getFullPathName());
        }
    };
}

int runRender (const Args& args)
{
    // Everything that can be wrong with the arguments is checked before the plugin loads: a
    // plugin that embeds a JVM takes a while to start.
    const auto inputPaths = args.getAll ("in");

    if (inputPaths.isEmpty())
        failArgs ("render needs at least one --in file");

    const auto pluginPath = args.getRequired ("plugin");
    const auto outDir = resolve (args.getRequired ("out"));
    const int maxBlock = args.getInt ("block", Defaults::blockSize, 1, Defaults::maxBlockSize);
    const auto patternSpec = args.getString ("block-pattern", "fixed");
    auto pattern = BlockPattern::parse (patternSpec, maxBlock);
    const double tailSeconds = args.getDouble ("tail", 0.0, 0.0, 3600.0);
    const auto edits = parseParameterEdits (args.getAll ("set"));
    const auto timedEdits = parseTimedParameterEdits (args.getAll ("set-at"));

    // --state is a blob this host saved (--save-state); --plugin-state is the plugin's own bytes.
    MemoryBlock state, pluginState;

    for (auto [option, block] : { std::pair<const char*, MemoryBlock*> { "state", &state }, { "plugin-state", &pluginState } })
    {
        if (! args.has (option))
            continue;
        const auto stateFile = resolve (args.getString (option));

        if (! stateFile.existsAsFile() || ! stateFile.loadFileAsData (*block))
            failArgs ("cannot read state file " + stateFile.getFullPathName());
    }

    const auto inputs = readInputs (inputPaths);
    const double fileRate = inputs.front().sampleRate;
    const double sampleRate = args.getDouble ("sample-rate", fileRate, 1000.0, 1536000.0);

    if (sampleRate != fileRate)
        std::cerr << "foldback-host: warning: rendering at " << sampleRate << " Hz; inputs at " << fileRate
                  << " Hz are not resampled" << std::endl;

    const int sources = args.getInt ("sources", (int) inputs.size(), 1, 1024);

    if ((int) inputs.size() > sources)
        failArgs (String ((int) inputs.size()) + " --in files but only " + String (sources) + " --sources");

    int longestInput = 0;

    for (const auto& input : inputs)
        longestInput = jmax (longestInput, input.samples.getNumSamples());

    const int64 totalFrames = longestInput + (int64) std::llround (tailSeconds * sampleRate);

    if (! outDir.createDirectory())
        failArgs ("cannot create output directory " + outDir.getFullPathName());

    // Load and configure: state first, then --set (so edits override the state), then the bus
    // layout, all before prepareToPlay as JUCE and VST3 require.
    PluginLoader loader (pluginPath);
    auto plugin = loader.createInstance (sampleRate, maxBlock);
    const int cues = args.getInt ("cues", plugin->getBusCount (false), 1, 1024);

    if (pluginState.getSize() > 0)
        state = PluginStateFormat::wrap (*plugin, pluginState);

    if (state.getSize() > 0)
        plugin->setStateInformation (state.getData(), (int) state.getSize());

    if (args.has ("program-name"))
    {
        // By name: an LV2 host lists presets in its own order, which can differ between processes.
        const auto wanted = args.getString ("program-name");
        int found = -1;
        for (int i = 0; i < plugin->getNumPrograms() && found < 0; ++i)
            if (plugin->getProgramName (i) == wanted)
                found = i;
        if (found < 0)
            failArgs ("--program-name: the plugin has no program '" + wanted + "'");
        plugin->setCurrentProgram (found);
        printValue ("program", plugin->getProgramName (found));
    }

    if (args.has ("program"))
    {
        const int program = args.getInt ("program", 0, 0, 1 << 20);
        if (program >= plugin->getNumPrograms())
            failArgs ("--program " + String (program) + ": the plugin has " + String (plugin->getNumPrograms()) + " programs");
        plugin->setCurrentProgram (program);
        printValue ("program", plugin->getProgramName (program));
    }

    applyBusLayout (*plugin, sources, cues);
    applyParameterEdits (*plugin, edits);

    if (args.has ("track-name"))
        plugin->updateTrackProperties ({ args.getString ("track-name"), {} });   // VST3: IInfoListener

    GestureReport report (*plugin);

    if (args.has ("report-params"))
        plugin->addListener (&report);

    const bool realtime = args.has ("realtime");
    plugin->setNonRealtime (! realtime);
    plugin->prepareToPlay (sampleRate, maxBlock);
    pumpMessages (10);
    scheduleParameterEdits (*plugin, timedEdits);

    // Cue files of an earlier render with more cues would read as results of this one.
    for (const auto& stale : outDir.findChildFiles (File::findFiles, false, "cue-*.wav"))
        if (stale.getFileNameWithoutExtension().fromFirstOccurrenceOf ("-", false, false).getIntValue() > cues)
            stale.deleteFile();

    std::vector<CueOutput> outputs ((size_t) cues);

    for (int cue = 0; cue < cues; ++cue)
    {
        auto& output = outputs[(size_t) cue];
        output.file = outDir.getChildFile ("cue-" + String (cue + 1) + ".wav");
        output.writer = WavIO::createFloatWriter (output.file, sampleRate, plugin->getChannelCountOfBus (false, cue));
    }

    const auto started = Time::getHighResolutionTicks();
    const auto blocks = BlockLoop::run (*plugin, totalFrames, maxBlock, [&pattern] { return pattern.next(); },
        BlockLoop::feedFiles (*plugin, inputs),
        [&] (AudioBuffer<float>& buffer, int64 position, int numSamples)
        {
            for (int cue = 0; cue < cues; ++cue)
                outputs[(size_t) cue].write (plugin->getBusBuffer (buffer, false, cue));

            // In real time the message loop runs between blocks, as a DAW's does: gestures a
            // surface (the web remote) queued for the message thread reach the host meanwhile.
            if (realtime)
            {
                const auto due = started + Time::secondsToHighResolutionTicks ((double) (position + numSamples) / sampleRate);
                for (auto now = Time::getHighResolutionTicks(); now < due; now = Time::getHighResolutionTicks())
                    pumpMessages (jmax (1, (int) (Time::highResolutionTicksToSeconds (due - now) * 1000.0)));
            }
        });

    if (realtime)
        pumpMessages (50);   // the last gestures' ends

    const double renderSeconds = Time::highResolutionTicksToSeconds (Time::getHighResolutionTicks() - started);
    plugin->removeListener (&report);
    plugin->releaseResources();

    if (args.has ("save-state"))
    {
        MemoryBlock saved;
        plugin->getStateInformation (saved);
        const auto stateFile = resolve (args.getString ("save-state"));

        if (! stateFile.replaceWithData (saved.getData(), saved.getSize()))
            failArgs ("cannot write state file " + stateFile.getFullPathName());

        printValue ("state_bytes", (int64) saved.getSize());
    }

    if (args.has ("save-plugin-state"))
    {
        MemoryBlock saved;
        plugin->getStateInformation (saved);
        const auto raw = PluginStateFormat::unwrap (*plugin, saved);
        const auto stateFile = resolve (args.getString ("save-plugin-state"));

        if (! stateFile.replaceWithData (raw.getData(), raw.getSize()))
            failArgs ("cannot write state file " + stateFile.getFullPathName());

        printValue ("plugin_state_bytes", (int64) raw.getSize());
    }

    printValue ("plugin", plugin->getName());
    printValue ("format", loader.getDescription().pluginFormatName);
    printValue ("sample_rate", sampleRate);
    printValue ("frames", totalFrames);
    printValue ("block", maxBlock);
    printValue ("block_pattern", patternSpec);
    printValue ("blocks", blocks);
    printValue ("sources", sources);
    printValue ("cues", cues);
    printValue ("latency_samples", plugin->getLatencySamples());
    printValue ("render_ms", renderSeconds * 1000.0);
    printValue ("realtime_factor", renderSeconds > 0.0 ? ((double) totalFrames / sampleRate) / renderSeconds : 0.0);

    int64 nonFinite = 0;

    for (int cue = 0; cue < cues; ++cue)
    {
        auto& output = outputs[(size_t) cue];
        output.writer.reset(); // flushes the header with the final length

        const auto key = "cue" + String (cue + 1);
        printValue (key + "_file", output.file.getFullPathName());
        printValue (key + "_channels", plugin->getChannelCountOfBus (false, cue));
        printValue (key + "_peak", (double) output.peak);
        nonFinite += output.nonFiniteSamples;
    }

    printValue ("nonfinite_samples", nonFinite);
    return ExitCode::ok;
}
