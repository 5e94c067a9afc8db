#pragma once

#include <juce_audio_processors/juce_audio_processors.h>

/** Enables the first `inputBuses` input buses and the first `outputBuses` output buses of a
    plugin (each with its default channel set, stereo if it declares none) and disables the rest.

    Call before prepareToPlay. Throws HostError: bad arguments if the plugin has fewer buses than
    asked for, plugin error if the plugin refuses the layout or quietly applies another one. */
void applyBusLayout (juce::AudioPluginInstance& plugin, int inputBuses, int outputBuses);

/** "2+2+0" style summary of a layout's channel counts per bus, for messages. */
juce::String describeLayout (const juce::AudioProcessor::BusesLayout& layout);
