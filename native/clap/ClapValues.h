#pragma once

// How Foldback's parameters and ports look to a CLAP host, shared by the plugin's files: the
// parameter table and bus layout come from the generated contract (Boundary.h).

#include "Boundary.h"

#include <juce_core/juce_core.h>

#include <audio-buffer.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace foldback::clap
{
namespace table
{
inline constexpr int sourcePorts = contract::buses::maxSources;
inline constexpr int cuePorts = contract::buses::maxCues;
inline constexpr int channelsPerPort = contract::buses::channelsPerBus;

inline bool validIndex (int index) { return index >= 0 && index < contract::paramCount; }

/** Stepped parameters (toggles, choices) show their step index to the host; the rest 0..1. */
inline int stepsOf (int index) { return contract::params[index].steps; }

inline double toClap (int index, float normalized)
{
    const int steps = stepsOf (index);
    return steps > 1 ? std::round (normalized * (float) (steps - 1)) : (double) normalized;
}

inline float toNormalized (int index, double clapValue)
{
    const int steps = stepsOf (index);
    if (steps > 1)
        return (float) std::clamp (std::round (clapValue), 0.0, (double) (steps - 1)) / (float) (steps - 1);
    return (float) std::clamp (clapValue, 0.0, 1.0);
}

inline void copyName (char* destination, size_t size, const juce::String& text)
{
    // CLAP's fixed buffers hold UTF-8; never cut a character in half.
    juce::String s = text;
    while (strlen (s.toRawUTF8()) >= size)
        s = s.dropLastCharacters (1);
    std::strncpy (destination, s.toRawUTF8(), size - 1);
    destination[size - 1] = 0;
}

/** The channel's samples from sample `start` on, or null when the host gave none. */
inline float* channelOf (const clap_audio_buffer_t* buffers, uint32_t count, int port, int channel, uint32_t start) noexcept
{
    if (port >= (int) count || buffers[port].data32 == nullptr || channel >= (int) buffers[port].channel_count)
        return nullptr;
    auto* samples = buffers[port].data32[channel];
    return samples == nullptr ? nullptr : samples + start;
}
} // namespace table
} // namespace foldback::clap
