#pragma once

#include <juce_audio_processors/juce_audio_processors.h>

/** Enables the first `inputBuses` input buses and the first `outputBuses` output buses of a
    plugin (each with its default channel set, stereo if it declares none) and disables the rest.

    LV2 plugins keep every bus enabled (see needsAllBusesEnabled); the buses beyond the requested
    ones then get silence and their output is ignored.

    Call before prepareToPlay. Throws HostError: bad arguments if the plugin has fewer buses than
    asked for, plugin error if the plugin refuses the layout or quietly applies another one. */
void applyBusLayout (juce::AudioPluginInstance& plugin, int inputBuses, int outputBuses);

/** "2+2+0" style summary of a layout's channel counts per bus, for messages. */
juce::String describeLayout (const juce::AudioProcessor::BusesLayout& layout);

/** LV2 has no bus activation: every audio port must be connected when the plugin runs, and
    JUCE's LV2 host connects the ports of a disabled bus to nullptr (a JUCE-built LV2 plugin then
    crashes copying from it). So for LV2 every bus stays enabled. */
bool needsAllBusesEnabled (const juce::AudioPluginInstance& plugin);
