#pragma once

#include <juce_audio_processors/juce_audio_processors.h>

/**
 * A hosted plugin's own state bytes (what its getStateInformation writes, such as Foldback's
 * JSON) versus the host-side blob JUCE's hosting expects. For VST3: an XML "VST3PluginState"
 * whose IComponent child carries the component state in base64, followed in JUCE-built plugins
 * by a small "JUCEPrivateData" trailer. For LV2: lilv's Turtle text of the plugin's state, where
 * a JUCE-built plugin keeps its bytes in base64 as the "URI:StateString" property; a CLAP host
 * keeps the plugin's bytes as they are. These two
 * functions convert, so tests and the render command can hand a plugin its own state file and
 * read its own state back.
 */
namespace PluginStateFormat
{
/** Wraps raw plugin state for setStateInformation; throws HostError for formats other than VST3
    and LV2. For LV2 the plugin's current state is the template (so it is read once). */
juce::MemoryBlock wrap (juce::AudioPluginInstance& plugin, const juce::MemoryBlock& raw);

/** The plugin's own bytes out of a getStateInformation blob; throws HostError when absent. */
juce::MemoryBlock unwrap (const juce::AudioPluginInstance& plugin, const juce::MemoryBlock& hosted);
} // namespace PluginStateFormat
