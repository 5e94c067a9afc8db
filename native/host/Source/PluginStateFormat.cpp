#include "PluginStateFormat.h"

#include "HostError.h"

#include <cstring>

namespace PluginStateFormat
{
namespace
{
const char* const componentTag = "IComponent";
const char* const juceTrailerMagic = "JUCEPrivateData";   // juce_VST3_Wrapper.cpp appends this

void requireVst3 (const juce::AudioPluginInstance& plugin)
{
    if (plugin.getPluginDescription().pluginFormatName != "VST3")
        failArgs ("raw plugin state is supported for VST3 and CLAP plugins only");
}

/** Drops JUCE's trailer: [int64 0][private data][int64 size of it]["JUCEPrivateData"]. */
juce::MemoryBlock withoutJuceTrailer (const juce::MemoryBlock& block)
{
    const auto magicSize = std::strlen (juceTrailerMagic);
    auto size = block.getSize();
    auto* bytes = static_cast<const char*> (block.getData());

    if (size < magicSize + sizeof (juce::int64) || std::memcmp (bytes + size - magicSize, juceTrailerMagic, magicSize) != 0)
        return block;

    juce::uint64 privateSize = 0;
    std::memcpy (&privateSize, bytes + size - magicSize - sizeof (juce::uint64), sizeof (privateSize));
    privateSize = juce::ByteOrder::swapIfBigEndian (privateSize);
    const auto trailer = sizeof (juce::uint64) + privateSize + sizeof (juce::uint64) + magicSize;
    return trailer <= size ? juce::MemoryBlock (bytes, size - trailer) : block;
}

bool isClap (const juce::AudioPluginInstance& plugin)
{
    return plugin.getPluginDescription().pluginFormatName == "CLAP";
}
} // namespace

juce::MemoryBlock wrap (const juce::AudioPluginInstance& plugin, const juce::MemoryBlock& raw)
{
    if (isClap (plugin))
        return raw;   // a CLAP host stores the plugin's own bytes as they are
    requireVst3 (plugin);
    juce::XmlElement state ("VST3PluginState");
    state.createNewChildElement (componentTag)->addTextElement (raw.toBase64Encoding());
    juce::MemoryBlock hosted;
    juce::AudioProcessor::copyXmlToBinary (state, hosted);
    return hosted;
}

juce::MemoryBlock unwrap (const juce::AudioPluginInstance& plugin, const juce::MemoryBlock& hosted)
{
    if (isClap (plugin))
        return hosted;
    requireVst3 (plugin);
    auto xml = juce::AudioProcessor::getXmlFromBinary (hosted.getData(), (int) hosted.getSize());
    auto* component = xml != nullptr ? xml->getChildByName (componentTag) : nullptr;
    if (component == nullptr)
        failPlugin ("the plugin returned no component state");

    juce::MemoryBlock raw;
    raw.fromBase64Encoding (component->getAllSubText());
    return withoutJuceTrailer (raw);
}
} // namespace PluginStateFormat
