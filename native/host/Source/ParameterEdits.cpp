#include "ParameterEdits.h"
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

    /** A few names close to a mistyped one (same first word), so the error message helps
        without dumping hundreds of cue-matrix parameters. */
    StringArray similarNames (AudioPluginInstance& plugin, const String& name, int maxCount)
    {
        const auto firstWord = name.upToFirstOccurrenceOf (" ", false, false);
        StringArray similar;

        for (auto* parameter : plugin.getParameters())
        {
            const auto candidate = parameter->getName (maxNameLength);

            if (candidate.equalsIgnoreCase (name) || candidate.startsWithIgnoreCase (firstWord + " "))
                similar.add ("'" + candidate + "'");

            if (similar.size() >= maxCount)
                break;
        }

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

void applyParameterEdits (AudioPluginInstance& plugin, const std::vector<ParameterEdit>& edits)
{
    for (const auto& edit : edits)
    {
        auto* parameter = findByName (plugin, edit.name);

        if (parameter == nullptr)
        {
            const auto similar = similarNames (plugin, edit.name, 5);
            failArgs ("the plugin has no parameter named '" + edit.name + "'"
                      + (similar.isEmpty() ? String() : "; similar: " + similar.joinIntoString (", "))
                      + " (`foldback-host params` lists all " + String (plugin.getParameters().size()) + ")");
        }

        // Through the host-facing path, as a DAW would: the value reaches the plugin's processor
        // with the next processBlock (VST3 parameter changes) and its controller right away.
        parameter->beginChangeGesture();
        parameter->setValueNotifyingHost (parameter->getValueForText (edit.text));
        parameter->endChangeGesture();

        printValue ("set", edit.name + "=" + parameter->getCurrentValueAsText());
    }
}
