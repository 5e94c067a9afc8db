#include "InputFeed.h"

#include "HostError.h"

using namespace juce;

namespace InputFeed
{
File resolve (const String& path)
{
    return File::getCurrentWorkingDirectory().getChildFile (path);
}

std::vector<WavIO::Audio> readInputs (const StringArray& paths)
{
    std::vector<WavIO::Audio> inputs;

    for (const auto& path : paths)
        inputs.push_back (WavIO::read (resolve (path)));

    for (const auto& input : inputs)
        if (input.sampleRate != inputs.front().sampleRate)
            failArgs ("inputs have different sample rates (" + String (inputs.front().sampleRate) + " and "
                      + String (input.sampleRate) + " Hz); resample them first");

    return inputs;
}

void feedBus (const WavIO::Audio& input, int position, AudioBuffer<float>& bus)
{
    const int available = jlimit (0, bus.getNumSamples(), input.samples.getNumSamples() - position);

    if (available == 0 || input.samples.getNumChannels() == 0)
        return;

    for (int channel = 0; channel < bus.getNumChannels(); ++channel)
        bus.copyFrom (channel, 0, input.samples, channel % input.samples.getNumChannels(), position, available);
}
} // namespace InputFeed
