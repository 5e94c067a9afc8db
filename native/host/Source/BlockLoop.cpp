#include "BlockLoop.h"
#include "InputFeed.h"

using namespace juce;

namespace BlockLoop
{
int64 run (AudioPluginInstance& plugin, int64 frames, int capacity, const std::function<int()>& nextSize,
           const BlockFn& fillInputs, const BlockFn& takeOutputs)
{
    capacity = jmax (1, capacity);
    AudioBuffer<float> buffer (jmax (plugin.getTotalNumInputChannels(), plugin.getTotalNumOutputChannels()), capacity);
    MidiBuffer midi;
    int64 blocks = 0;

    for (int64 position = 0; position < frames;)
    {
        const int n = (int) jmin ((int64) jlimit (0, capacity, nextSize()), frames - position);
        // Keeps the allocation (avoidReallocating): setSize only changes the length in view.
        buffer.setSize (buffer.getNumChannels(), n, false, false, true);
        buffer.clear();
        fillInputs (buffer, position, n);
        midi.clear();
        plugin.processBlock (buffer, midi);
        takeOutputs (buffer, position, n);
        position += n;
        ++blocks;
    }

    return blocks;
}

BlockFn feedFiles (AudioPluginInstance& plugin, const std::vector<WavIO::Audio>& inputs)
{
    return [&plugin, &inputs] (AudioBuffer<float>& buffer, int64 position, int)
    {
        for (size_t source = 0; source < inputs.size(); ++source)
        {
            auto bus = plugin.getBusBuffer (buffer, true, (int) source);
            InputFeed::feedBus (inputs[source], (int) position, bus);
        }
    };
}
} // namespace BlockLoop
