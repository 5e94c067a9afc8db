#include "ParameterEdits.h"
#include "ClapInstance.h"
#include "HostError.h"
#include "Output.h"

using namespace juce;

namespace
{
    constexpr int maxNameLength = 1024;

    AudioProcessorParameter* findByName (AudioPluginInstance& plugin, const String& name)
    {
        for (auto* parameter : plugin.getParameters())
            if (parameter->getName (maxNameLength) == name)
                return parameter;

        return nullptr;
    }

    int commonPrefixLength (const String& a, const String& b)
    {
        int length = 0;

        while (length < jmin (a.length(), b.length())
               && CharacterFunctions::toLowerCase (a[length]) == CharacterFunctions::toLowerCase (b[length]))
            ++length;

        return length;
    }

    /** The few names sharing the longest prefix with a mistyped one ("Cue 1 Src 9 Level" finds
        the other "Cue 1 Src ..."), so the error helps without dumping hundreds of cue-matrix
        parameters. */
    StringArray similarNames (AudioPluginInstance& plugin, const String& name, int maxCount)
    {
        std::vector<std::pair<int, String>> ranked;

        for (auto* parameter : plugin.getParameters())
        {
            const auto candidate = parameter->getName (maxNameLength);
            ranked.emplace_back (commonPrefixLength (candidate, name), candidate);
        }

        std::stable_sort (ranked.begin(), ranked.end(),
                          [] (const auto& a, const auto& b) { return a.first > b.first; });

        StringArray similar;

        for (const auto& [prefixLength, candidate] : ranked)
            if (prefixLength > 0 && similar.size() < maxCount)
                similar.add ("'" + candidate + "'");

        return similar;
    }
}

std::vector<ParameterEdit> parseParameterEdits (const StringArray& specs)
{
    std::vector<ParameterEdit> edits;

    for (const auto& spec : specs)
    {
        if (! spec.containsChar ('='))
            failArgs ("--set expects \"NAME=TEXT\", got '" + spec + "'");

        ParameterEdit edit { spec.upToFirstOccurrenceOf ("=", false, false),
                             spec.fromFirstOccurrenceOf ("=", false, false) };

        if (edit.name.isEmpty())
            failArgs ("--set has an empty parameter name: '" + spec + "'");

        edits.push_back (edit);
    }

    return edits;
}

namespace
{
    AudioProcessorParameter& parameterNamed (AudioPluginInstance& plugin, const String& name)
    {
        auto* parameter = findByName (plugin, name);

        if (parameter == nullptr)
        {
            const auto similar = similarNames (plugin, name, 5);
            failArgs ("the plugin has no parameter named '" + name + "'"
                      + (similar.isEmpty() ? String() : "; similar: " + similar.joinIntoString (", "))
                      + " (`foldback-host params` lists all " + String (plugin.getParameters().size()) + ")");
        }

        return *parameter;
    }
}

void applyParameterEdits (AudioPluginInstance& plugin, const std::vector<ParameterEdit>& edits)
{
    for (const auto& edit : edits)
    {
        auto* parameter = &parameterNamed (plugin, edit.name);

        // Through the host-facing path, as a DAW would: the value reaches the plugin's processor
        // with the next processBlock (VST3 parameter changes) and its controller right away.
        parameter->beginChangeGesture();
        parameter->setValueNotifyingHost (parameter->getValueForText (edit.text));
        parameter->endChangeGesture();

        printValue ("set", edit.name + "=" + parameter->getCurrentValueAsText());
    }
}

std::vector<TimedParameterEdit> parseTimedParameterEdits (const StringArray& specs)
{
    std::vector<TimedParameterEdit> edits;

    for (const auto& spec : specs)
    {
        const auto frame = spec.upToFirstOccurrenceOf (":", false, false);

        if (! spec.containsChar (':') || ! frame.containsOnly ("0123456789") || frame.isEmpty())
            failArgs ("--set-at expects \"FRAME:NAME=TEXT\", got '" + spec + "'");

        const auto edit = parseParameterEdits ({ spec.fromFirstOccurrenceOf (":", false, false) });
        edits.push_back ({ frame.getLargeIntValue(), edit.front() });
    }

    return edits;
}

void scheduleParameterEdits (AudioPluginInstance& plugin, const std::vector<TimedParameterEdit>& edits)
{
    for (const auto& timed : edits)
    {
        auto& parameter = parameterNamed (plugin, timed.edit.name);
        const auto value = parameter.getValueForText (timed.edit.text);
        ClapHosting::scheduleChange (plugin, parameter.getParameterIndex(), value, (int) timed.frame);
        printValue ("set_at", String (timed.frame) + ":" + timed.edit.name + "=" + parameter.getText (value, 1024));
    }
}
