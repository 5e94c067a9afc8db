#include "ValidateRig.h"
#include "BlockLoop.h"
#include "HostError.h"

#include <cmath>

using namespace juce;

namespace Validate
{
BlockSizes randomBlocks (int maxSize, int64 seed)
{
    auto rng = std::make_shared<Random> (seed);
    return [rng, maxSize] { return 1 + rng->nextInt (maxSize); };
}

Input mainSine (double frequency, float amplitude, double sampleRate)
{
    const double step = MathConstants<double>::twoPi * frequency / sampleRate;
    return [step, amplitude] (int bus, int, int64 frame)
    {
        return bus == 0 ? amplitude * (float) std::sin (step * (double) frame) : 0.0f;
    };
}

float noiseAt (int64 frame, int bus, int channel, float amplitude)
{
    // SplitMix64: the same noise for a frame whatever the block sizes, so renders compare exactly.
    auto z = (uint64) frame * 0x9E3779B97F4A7C15ull + (uint64) (bus * 2 + channel + 1) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return amplitude * (float) ((double) (z >> 11) / 4503599627370496.0 - 1.0);
}

Rendered render (AudioPluginInstance& plugin, const Input& input, int64 frames, const BlockSizes& sizes,
                 int capacity, const BeforeBlock& beforeBlock)
{
    Rendered out;

    for (int bus = 0; bus < plugin.getBusCount (false); ++bus)
        out.cues.emplace_back (plugin.getChannelCountOfBus (false, bus), (int) frames);

    auto fill = [&] (AudioBuffer<float>& buffer, int64 position, int n)
    {
        for (int bus = 0; bus < plugin.getBusCount (true); ++bus)
        {
            auto busBuffer = plugin.getBusBuffer (buffer, true, bus);

            for (int ch = 0; ch < busBuffer.getNumChannels(); ++ch)
            {
                auto* samples = busBuffer.getWritePointer (ch);

                for (int i = 0; i < n; ++i)
                    samples[i] = input (bus, ch, position + i);
            }
        }

        if (beforeBlock)
            beforeBlock (position, n);
    };

    auto take = [&] (AudioBuffer<float>& buffer, int64 position, int n)
    {
        for (int bus = 0; bus < plugin.getBusCount (false); ++bus)
        {
            const auto busBuffer = plugin.getBusBuffer (buffer, false, bus);

            for (int ch = 0; ch < jmin (busBuffer.getNumChannels(), out.cues[(size_t) bus].getNumChannels()); ++ch)
                if (n > 0)
                    out.cues[(size_t) bus].copyFrom (ch, (int) position, busBuffer, ch, 0, n);
        }
    };

    out.blocks = BlockLoop::run (plugin, frames, capacity, sizes, fill, take);
    return out;
}

namespace
{
    template <typename Fn>
    void forSamples (const AudioBuffer<float>& bus, int start, int end, Fn&& fn)
    {
        end = end < 0 ? bus.getNumSamples() : jmin (end, bus.getNumSamples());

        for (int ch = 0; ch < bus.getNumChannels(); ++ch)
        {
            const auto* s = bus.getReadPointer (ch);

            for (int i = jmax (0, start); i < end; ++i)
                fn (ch, i, s);
        }
    }
}

float peak (const AudioBuffer<float>& bus, int start, int end)
{
    float p = 0.0f;
    forSamples (bus, start, end, [&] (int, int i, const float* s) { p = std::isfinite (s[i]) ? jmax (p, std::abs (s[i])) : INFINITY; });
    return p;
}

double rms (const AudioBuffer<float>& bus, int start, int end)
{
    double sum = 0.0;
    int64 count = 0;
    forSamples (bus, start, end, [&] (int, int i, const float* s) { sum += (double) s[i] * s[i]; ++count; });
    return count > 0 ? std::sqrt (sum / (double) count) : 0.0;
}

int64 nonFinite (const AudioBuffer<float>& bus)
{
    int64 count = 0;
    forSamples (bus, 0, -1, [&] (int, int i, const float* s) { count += std::isfinite (s[i]) ? 0 : 1; });
    return count;
}

float maxStep (const AudioBuffer<float>& bus, int start, int end)
{
    float step = 0.0f;
    forSamples (bus, jmax (1, start), end, [&] (int, int i, const float* s) { step = jmax (step, std::abs (s[i] - s[i - 1])); });
    return step;
}

float maxDifference (const AudioBuffer<float>& a, const AudioBuffer<float>& b)
{
    if (a.getNumChannels() != b.getNumChannels() || a.getNumSamples() != b.getNumSamples())
        return INFINITY;

    float d = 0.0f;
    forSamples (a, 0, -1, [&] (int ch, int i, const float* s)
    {
        const float diff = std::abs (s[i] - b.getSample (ch, i));
        d = std::isfinite (diff) ? jmax (d, diff) : INFINITY;
    });
    return d;
}

int zeroCrossings (const AudioBuffer<float>& bus, int channel, int start, int end)
{
    int count = 0;
    const auto* s = bus.getReadPointer (channel);

    for (int i = start + 1; i < end; ++i)
        count += (s[i - 1] < 0.0f) != (s[i] < 0.0f) ? 1 : 0;

    return count;
}

int64 nonFinite (const Rendered& r)
{
    int64 count = 0;
    for (auto& cue : r.cues)
        count += nonFinite (cue);
    return count;
}

float peak (const Rendered& r)
{
    float p = 0.0f;
    for (auto& cue : r.cues)
        p = jmax (p, peak (cue));
    return p;
}

float maxDifference (const Rendered& a, const Rendered& b)
{
    if (a.cues.size() != b.cues.size())
        return INFINITY;

    float d = 0.0f;
    for (size_t i = 0; i < a.cues.size(); ++i)
        d = jmax (d, maxDifference (a.cues[i], b.cues[i]));
    return d;
}

AudioProcessorParameter* findParameter (AudioPluginInstance& plugin, const String& name)
{
    for (auto* p : plugin.getParameters())
        if (p->getName (1024) == name)
            return p;
    return nullptr;
}

void setNormalized (AudioProcessorParameter& parameter, float value)
{
    parameter.beginChangeGesture();
    parameter.setValueNotifyingHost (value);
    parameter.endChangeGesture();
}

void setByText (AudioPluginInstance& plugin, const String& name, const String& text)
{
    auto* p = findParameter (plugin, name);

    if (p == nullptr)
        failPlugin ("the plugin has no parameter named '" + name + "'");

    setNormalized (*p, p->getValueForText (text));
}

int64 residentBytes()
{
    for (auto& line : StringArray::fromLines (File ("/proc/self/status").loadFileAsString()))
        if (line.startsWith ("VmRSS:"))
            return line.fromFirstOccurrenceOf (":", false, false).trim().getLargeIntValue() * 1024;
    return -1;
}

int64 privateBytes()
{
    int64 kB = 0;
    int found = 0;
    for (auto& line : StringArray::fromLines (File ("/proc/self/smaps_rollup").loadFileAsString()))
        if (line.startsWith ("Pss_Anon:") || line.startsWith ("Pss_Shmem:"))
        {
            kB += line.fromFirstOccurrenceOf (":", false, false).trim().getLargeIntValue();
            ++found;
        }
    return found == 2 ? kB * 1024 : -1;
}

int threadCount()
{
    return File ("/proc/self/task").getNumberOfChildFiles (File::findDirectories);
}

MemoryBlock stateOf (AudioPluginInstance& plugin)
{
    MemoryBlock block;
    plugin.getStateInformation (block);
    return block;
}

static String excerpt (const MemoryBlock& block, size_t from)
{
    String text;
    for (size_t i = from; i < block.getSize() && i < from + 40; ++i)
    {
        const auto byte = static_cast<uint8> (block[i]);
        text << (byte >= 32 && byte < 127 && byte != '\\' ? String::charToString ((juce_wchar) byte)
                                                           : "\\x" + String::toHexString ((int) byte).paddedLeft ('0', 2));
    }
    return text;
}

String firstDifference (const MemoryBlock& expected, const MemoryBlock& actual)
{
    size_t at = 0;
    while (at < expected.getSize() && at < actual.getSize() && expected[at] == actual[at])
        ++at;
    if (at == expected.getSize() && at == actual.getSize())
        return {};
    const size_t from = at < 12 ? 0 : at - 12;
    return "first difference at byte " + String ((int64) at) + ": expected \"" + excerpt (expected, from)
         + "\", got \"" + excerpt (actual, from) + "\"";
}
}
