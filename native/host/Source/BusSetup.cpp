#include "BusSetup.h"
#include "HostError.h"

using namespace juce;

namespace
{
    AudioChannelSet layoutFor (const AudioProcessor::Bus& bus, bool enabled)
    {
        if (! enabled)
            return AudioChannelSet::disabled();

        const auto preferred = bus.getDefaultLayout();
        return preferred.isDisabled() ? AudioChannelSet::stereo() : preferred;
    }

    String describeBuses (const Array<AudioChannelSet>& buses)
    {
        StringArray counts;

        for (const auto& set : buses)
            counts.add (String (set.size()));

        return counts.isEmpty() ? String ("none") : counts.joinIntoString ("+");
    }
}

String describeLayout (const AudioProcessor::BusesLayout& layout)
{
    return "inputs " + describeBuses (layout.inputBuses) + ", outputs " + describeBuses (layout.outputBuses);
}

bool needsAllBusesEnabled (const AudioPluginInstance& plugin)
{
    return plugin.getPluginDescription().pluginFormatName == "LV2";
}

void applyBusLayout (AudioPluginInstance& plugin, int inputBuses, int outputBuses)
{
    const int inputsAvailable = plugin.getBusCount (true);
    const int outputsAvailable = plugin.getBusCount (false);

    if (inputBuses > inputsAvailable)
        failArgs ("asked for " + String (inputBuses) + " input buses, the plugin has " + String (inputsAvailable));

    if (outputBuses > outputsAvailable)
        failArgs ("asked for " + String (outputBuses) + " output buses, the plugin has " + String (outputsAvailable));

    if (needsAllBusesEnabled (plugin))
    {
        inputBuses = inputsAvailable;
        outputBuses = outputsAvailable;
    }

    AudioProcessor::BusesLayout wanted;

    for (int i = 0; i < inputsAvailable; ++i)
        wanted.inputBuses.add (layoutFor (*plugin.getBus (true, i), i < inputBuses));

    for (int i = 0; i < outputsAvailable; ++i)
        wanted.outputBuses.add (layoutFor (*plugin.getBus (false, i), i < outputBuses));

    if (! plugin.setBusesLayout (wanted))
        failPlugin ("the plugin refused the bus layout (" + describeLayout (wanted) + "); it is at ("
                    + describeLayout (plugin.getBusesLayout()) + ")");

    // Some wrappers accept a request and then settle on something else; rendering into a layout
    // we did not ask for would feed sources to the wrong buses.
    const auto applied = plugin.getBusesLayout();

    if (applied != wanted)
        failPlugin ("the plugin applied bus layout (" + describeLayout (applied) + ") instead of ("
                    + describeLayout (wanted) + ")");
}
