#pragma once

#include "HostError.h"

/** The sequence of block sizes handed to processBlock.

    "fixed" always uses the maximum block. "random:SEED" draws each size from 1..maximum with a
    seeded generator, so a render that exposes a block-size bug can be repeated exactly. Real
    hosts do vary the block size (automation splits, loop points), and the plugin must produce the
    same audio either way. */
class BlockPattern
{
public:
    static BlockPattern parse (const juce::String& spec, int maxBlock)
    {
        if (spec == "fixed")
            return BlockPattern (maxBlock, false, 0);

        if (spec.startsWith ("random:"))
        {
            const auto seedText = spec.fromFirstOccurrenceOf (":", false, false);

            if (seedText.isNotEmpty() && seedText.containsOnly ("0123456789"))
                return BlockPattern (maxBlock, true, seedText.getLargeIntValue());
        }

        failArgs ("--block-pattern must be 'fixed' or 'random:SEED' (SEED a non-negative integer), got '" + spec + "'");
    }

    int next()
    {
        return random ? 1 + rng.nextInt (maxBlock) : maxBlock;
    }

private:
    BlockPattern (int maxBlockIn, bool randomIn, juce::int64 seed)
        : maxBlock (maxBlockIn), random (randomIn), rng (seed) {}

    int maxBlock;
    bool random;
    juce::Random rng;
};
