#pragma once

#include "Output.h"

#include <juce_audio_processors/juce_audio_processors.h>

/** Prints what the host is told about parameters: gestures and value changes, in order
    (editor and render --report-params: what a DAW's automation and undo would record). */
struct GestureReport final : public juce::AudioProcessorListener
{
    explicit GestureReport (juce::AudioPluginInstance& p) : plugin (p) {}

    juce::String describe (int index) const
    {
        auto* parameter = plugin.getParameters()[index];
        return juce::String (index) + " " + (parameter != nullptr ? parameter->getName (100) : juce::String ("?"));
    }

    void audioProcessorParameterChanged (juce::AudioProcessor*, int index, float value) override
    {
        printValue ("param", describe (index) + "=" + juce::String (value, 6));
        ++changes;
    }

    void audioProcessorParameterChangeGestureBegin (juce::AudioProcessor*, int index) override
    {
        printValue ("gesture_begin", describe (index));
        ++begins;
    }

    void audioProcessorParameterChangeGestureEnd (juce::AudioProcessor*, int index) override
    {
        printValue ("gesture_end", describe (index));
        ++ends;
    }

    void audioProcessorChanged (juce::AudioProcessor*, const ChangeDetails& details) override
    {
        if (details.programChanged)
            printValue ("program_changed", plugin.getCurrentProgram());

        if (details.nonParameterStateChanged)
            printValue ("state_changed", ++stateChanges);
    }

    juce::AudioPluginInstance& plugin;
    int begins = 0, ends = 0, changes = 0, stateChanges = 0;
};
