#pragma once

#include <juce_audio_formats/juce_audio_formats.h>

/** Reading test inputs and writing rendered cues. Only WAV (and AIFF) are supported. */
namespace WavIO
{
    struct Audio
    {
        juce::AudioBuffer<float> samples;
        double sampleRate = 0.0;
    };

    /** Reads a whole file into memory. Throws HostError (bad arguments) if it cannot. */
    Audio read (const juce::File& file);

    /** Opens a 32-bit IEEE-float WAV for writing, replacing any existing file.
        Throws HostError (bad arguments) if it cannot be created. */
    std::unique_ptr<juce::AudioFormatWriter> createFloatWriter (const juce::File& file, double sampleRate,
                                                                int numChannels);
}
