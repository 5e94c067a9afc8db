#pragma once

#include "WavIO.h"

#include <juce_audio_processors/juce_audio_processors.h>

#include <functional>
#include <vector>

/** The host's render loop, shared by render, state-batch and validate: the plugin runs over a
    span of frames block by block, and callers say only where the input comes from and where the
    output goes. */
namespace BlockLoop
{
/** Called with the block's buffer (cleared, sized to the block), its first frame and its length:
    fills the input buses before processBlock, or reads the output buses after it. */
using BlockFn = std::function<void (juce::AudioBuffer<float>& buffer, juce::int64 position, int numSamples)>;

/** Runs `frames` frames through the plugin. Each block asks nextSize() for its length, limited
    to 0..capacity and to what is left (a 0 asks again at the same position). One buffer carries
    inputs and outputs, as JUCE's processBlock contract has it: channel i of an input bus and of
    an output bus may share storage, so the input is written fresh into a cleared buffer every
    block. Returns the number of blocks. */
juce::int64 run (juce::AudioPluginInstance& plugin, juce::int64 frames, int capacity,
                 const std::function<int()>& nextSize, const BlockFn& fillInputs, const BlockFn& takeOutputs);

/** A fillInputs that feeds file i to input bus i (InputFeed::feedBus). */
BlockFn feedFiles (juce::AudioPluginInstance& plugin, const std::vector<WavIO::Audio>& inputs);
} // namespace BlockLoop
