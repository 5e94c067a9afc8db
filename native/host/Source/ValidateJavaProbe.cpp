// Whether Java mixes in this process: every validate case asks after it ran. Without it the
// shim passes the main input to cue 1 itself, and a case that compares a render with another
// render of the same instance (blocks, oversize, lifecycle, rates) would pass on that
// pass-through alone.

#include "ValidateJavaProbe.h"
#include "ValidateRig.h"

using namespace juce;

namespace Validate
{
JavaProbe probeJava (PluginLoader& loader)
{
    // Out of the box every cue hears the main input at 0 dB, through Java's mix. Without Java
    // (none found, failed to start, no heap for this instance) cue 2 is silent: the shim's own
    // fallback feeds cue 1 only. So cue 2 carrying the input at its own level proves Java mixed.
    constexpr double rate = 48000.0;
    constexpr int block = 512;
    constexpr float amplitude = 0.5f;
    const double inputLevel = amplitude / std::sqrt (2.0);

    auto plugin = loader.createInstance (rate, block);
    plugin->prepareToPlay (rate, block);
    const auto out = render (*plugin, mainSine (1000.0, amplitude, rate), 8 * block, fixedBlocks (block), block);
    plugin->releaseResources();

    // Cue 2 is the third and fourth output channel: bus 2 of eight stereo buses (VST3), or
    // channels 2 and 3 of however JUCE groups the LV2's ports.
    std::vector<const float*> channels;
    for (auto& bus : out.cues)
        for (int ch = 0; ch < bus.getNumChannels(); ++ch)
            channels.push_back (bus.getReadPointer (ch));
    if (channels.size() < 4)
        return { false, "the plugin has no cue 2 to probe Java's mix with", 0.0 };

    // The last four blocks: after the first block's start-up, whatever it is.
    double sum = 0.0;
    for (size_t ch = 2; ch < 4; ++ch)
        for (int i = 4 * block; i < 8 * block; ++i)
            sum += (double) channels[ch][i] * channels[ch][i];
    const double level = std::sqrt (sum / (8.0 * block));
    const double offDb = toDb (level / inputLevel);
    if (std::abs (offDb) > 0.1)
        return { false, "Java is not mixing: cue 2 is at " + String (offDb, 1)
                            + " dB from the main input (silent without Java)", offDb };
    return { true, {}, offDb };
}
}
