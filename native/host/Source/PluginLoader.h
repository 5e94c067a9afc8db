#pragma once

#include "ClapInstance.h"

#include <juce_audio_processors/juce_audio_processors.h>

/** Finds the plugin named on the command line and creates instances of it.

    The format is picked from the path: a `.vst3` bundle, a `.lv2` bundle directory, an LV2
    plugin URI, or a `.clap` file (our own CLAP hosting, ClapInstance.h: JUCE 7 has none). Only that one format is registered, so a VST3 run never pays for the LV2 world
    scan of the system's LV2 folders (noticeable in start-up timings).

    Keep the loader alive for as long as any instance it created: a format may own state (the
    LV2 world, the VST3 module) that its instances refer to. */
class PluginLoader
{
public:
    /** Throws HostError: bad arguments if the path does not name a plugin bundle, plugin error if
        the bundle holds no plugin this format can load. */
    explicit PluginLoader (const juce::String& pluginPath);

    /** A plugin already described (scanned in another process, as DAWs do: describeInChildProcess):
        nothing is loaded until the first instance. Throws HostError as above. */
    PluginLoader (const juce::String& pluginPath, const juce::PluginDescription& known);

    /** The description of the plugin at pluginPath, found by `foldback-host describe` in a child
        process, so that scanning (which for a VST3 creates an instance) leaves this process untouched. */
    static juce::PluginDescription describeInChildProcess (const juce::String& pluginPath);

    const juce::PluginDescription& getDescription() const noexcept { return description; }

    /** Creates (but does not prepare) a new instance. Throws HostError (plugin error). */
    std::unique_ptr<juce::AudioPluginInstance> createInstance (double sampleRate, int blockSize);

private:
    juce::PluginDescription findLv2Plugin (const juce::File& bundle);
    juce::PluginDescription findVst3Plugin (const juce::File& bundle);
    void checkNoOtherCopyInstalled (juce::AudioPluginFormat& format, const juce::File& bundle, const juce::String& uri);
    juce::PluginDescription describeByIdentifier (const juce::String& identifier);

    juce::AudioPluginFormatManager formats;
    std::shared_ptr<ClapHosting::Module> clapModule;
    juce::PluginDescription description;
};

/** Runs the message loop for a moment, so that work a plugin posted to the message thread
    (latency, bus or parameter-info changes) is delivered before we rely on what it reports. */
void pumpMessages (int milliseconds);
