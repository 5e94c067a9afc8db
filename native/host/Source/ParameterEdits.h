#pragma once

#include <juce_audio_processors/juce_audio_processors.h>
#include <vector>

/** A --set "NAME=TEXT" edit: NAME is a parameter's full name, TEXT a value as the plugin
    displays it (e.g. "-6.0 dB"); the plugin's own text conversion turns it into a value. */
struct ParameterEdit
{
    juce::String name;
    juce::String text;
};

/** Splits each "NAME=TEXT" at the first '='. Throws HostError (bad arguments). */
std::vector<ParameterEdit> parseParameterEdits (const juce::StringArray& specs);

/** Applies the edits in order and prints `set=NAME=TEXT` with the text the plugin reports back.
    Throws HostError (bad arguments) for a name the plugin does not have. */
void applyParameterEdits (juce::AudioPluginInstance& plugin, const std::vector<ParameterEdit>& edits);

/** A --set-at "FRAME:NAME=TEXT" edit: the change lands at that frame of the render, inside its block. */
struct TimedParameterEdit
{
    juce::int64 frame;
    ParameterEdit edit;
};

/** Splits each "FRAME:NAME=TEXT". Throws HostError (bad arguments). */
std::vector<TimedParameterEdit> parseTimedParameterEdits (const juce::StringArray& specs);

/** Schedules the edits as sample-accurate events (CLAP plugins only: JUCE's VST3 and LV2 hosting
    applies parameter changes at block starts). Call after prepareToPlay, before the first block.
    Throws HostError (bad arguments). */
void scheduleParameterEdits (juce::AudioPluginInstance& plugin, const std::vector<TimedParameterEdit>& edits);
