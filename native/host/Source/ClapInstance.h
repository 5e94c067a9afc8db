#pragma once

#include <juce_audio_processors/juce_audio_processors.h>

#include <memory>

/**
 * CLAP hosting for foldback-host, which JUCE 7 lacks: a .clap file loaded by its clap_entry, and
 * its plugin wrapped as a juce::AudioPluginInstance, so every command (render, state-batch,
 * validate, info) runs on the CLAP as it does on the VST3 and LV2.
 *
 * What the wrapper does the CLAP way: separate input and output buffers; parameter changes as
 * CLAP_EVENT_PARAM_VALUE events, sample-accurate when scheduled with a frame offset; the plugin's
 * own events (gestures from its editor or remotes) become the parameters' gestures and values;
 * state through clap.state's streams; the host's main-thread callbacks (request_callback,
 * params.rescan, state.mark_dirty, params.request_flush) on JUCE's message thread.
 */
namespace ClapHosting
{
class Module;

/** Loads a .clap file and checks it offers a plugin factory with at least one plugin. Throws HostError. */
std::shared_ptr<Module> load (const juce::File& file);

/** The module's first plugin as JUCE describes plugins (format name "CLAP"). */
juce::PluginDescription describe (const Module& module);

/** A new instance of the module's first plugin (created and initialised; not activated). Throws HostError. */
std::unique_ptr<juce::AudioPluginInstance> createInstance (std::shared_ptr<Module> module);

/**
 * Schedules a change of parameter `index` (a value in the parameter's 0..1 range, as JUCE sees it)
 * at `frame` of the next processBlock: a sample-accurate CLAP event. For a CLAP instance only.
 */
void scheduleChange (juce::AudioPluginInstance& instance, int index, float normalized, int frame);

/** How many gesture begin/end events the plugin sent since it was created (tests). */
int gesturesReceived (const juce::AudioPluginInstance& instance);
} // namespace ClapHosting
