#include "PluginStateFormat.h"

#include "HostError.h"

#include <cstring>
#include <utility>

namespace PluginStateFormat
{
namespace
{
const char* const componentTag = "IComponent";
const char* const juceTrailerMagic = "JUCEPrivateData";   // juce_VST3_Wrapper.cpp appends this

const char* const lv2StateProperty = ":StateString>";   // juce_LV2_Client.cpp: JucePluginLV2UriState

bool isLv2 (const juce::AudioPluginInstance& plugin)
{
    return plugin.getPluginDescription().pluginFormatName == "LV2";
}

void requireVst3OrLv2 (const juce::AudioPluginInstance& plugin)
{
    if (plugin.getPluginDescription().pluginFormatName != "VST3" && ! isLv2 (plugin))
        failArgs ("raw plugin state is supported for VST3, LV2 and CLAP plugins only");
}

/** Where the base64 literal of the LV2 state property starts and ends (after the opening quote,
    at the closing one) in lilv's Turtle text; throws when the text has none. */
std::pair<int, int> lv2Literal (const juce::String& turtle)
{
    const auto property = turtle.indexOf (lv2StateProperty);
    const auto open = property < 0 ? -1 : turtle.indexOfChar (property, '"');
    const auto close = open < 0 ? -1 : turtle.indexOfChar (open + 1, '"');
    if (close < 0)
        failPlugin ("the LV2 state has no StateString property");
    return { open + 1, close };
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

juce::MemoryBlock wrap (juce::AudioPluginInstance& plugin, const juce::MemoryBlock& raw)
{
    if (isClap (plugin))
        return raw;   // a CLAP host stores the plugin's own bytes as they are
    requireVst3OrLv2 (plugin);
    if (isLv2 (plugin))
    {
        juce::MemoryBlock current;
        plugin.getStateInformation (current);
        const auto turtle = current.toString();
        const auto [begin, end] = lv2Literal (turtle);
        const auto text = turtle.substring (0, begin) + raw.toBase64Encoding() + turtle.substring (end);
        return { text.toRawUTF8(), text.getNumBytesAsUTF8() };
    }
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
    requireVst3OrLv2 (plugin);
    if (isLv2 (plugin))
    {
        const auto turtle = hosted.toString();
        const auto [begin, end] = lv2Literal (turtle);
        juce::MemoryBlock raw;
        raw.fromBase64Encoding (turtle.substring (begin, end));
        return raw;
    }
    auto xml = juce::AudioProcessor::getXmlFromBinary (hosted.getData(), (int) hosted.getSize());
    auto* component = xml != nullptr ? xml->getChildByName (componentTag) : nullptr;
    if (component == nullptr)
        failPlugin ("the plugin returned no component state");

    juce::MemoryBlock raw;
    raw.fromBase64Encoding (component->getAllSubText());
    return withoutJuceTrailer (raw);
}
} // namespace PluginStateFormat
