#pragma once

#include "WavIO.h"

#include <juce_audio_basics/juce_audio_basics.h>

#include <vector>

/** The input files of a render and how they reach the plugin's buses; shared by the commands. */
namespace InputFeed
{
/** A path relative to the working directory. */
juce::File resolve (const juce::String& path);

/** Reads every file; all must share one sample rate (HostError otherwise). */
std::vector<WavIO::Audio> readInputs (const juce::StringArray& paths);

/** Copies `numSamples` frames of `input` from `position` into a bus. A mono file feeds every
    channel of the bus; otherwise bus channel c takes file channel c (wrapping around if the bus
    is wider). Past the end of the file the bus stays as it was (callers clear the buffer). */
void feedBus (const WavIO::Audio& input, int position, juce::AudioBuffer<float>& bus);
} // namespace InputFeed
