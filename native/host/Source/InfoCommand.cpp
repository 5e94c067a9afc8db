// foldback-host info and params: what a plugin declares, for scripts and for people checking
// that a build exposes the buses and parameters the design says it does.

#include "Commands.h"
#include "HostError.h"
#include "Output.h"
#include "PluginLoader.h"

#include <iostream>

using namespace juce;

namespace
{
    constexpr int maxNameLength = 1024;
    constexpr int parameterNamesShown = 8;
    constexpr int programNamesShown = 32;

    void printBuses (AudioPluginInstance& plugin, bool isInput)
    {
        const String prefix = isInput ? "input" : "output";
        const int count = plugin.getBusCount (isInput);
        printValue (prefix + "_buses", count);

        for (int i = 0; i < count; ++i)
        {
            const auto* bus = plugin.getBus (isInput, i);
            const auto key = prefix + "_bus" + String (i + 1);
            printValue (key + "_name", bus->getName());
            printValue (key + "_channels", bus->getNumberOfChannels());
            printValue (key + "_enabled_by_default", bus->isEnabledByDefault());
        }

        printValue (prefix + "_channels", isInput ? plugin.getTotalNumInputChannels()
                                                  : plugin.getTotalNumOutputChannels());
    }
}

int runDescribe (const Args& args)
{
    // What a DAW's scanner keeps: the plugin's description, found in a process of its own.
    PluginLoader loader (args.getRequired ("plugin"));
    std::cout << loader.getDescription().createXml()->toString (XmlElement::TextFormat().withoutHeader().singleLine()) << std::endl;
    return ExitCode::ok;
}

int runInfo (const Args& args)
{
    const double sampleRate = args.getDouble ("sample-rate", Defaults::sampleRate, 1000.0, 1536000.0);
    const int blockSize = args.getInt ("block", Defaults::blockSize, 1, Defaults::maxBlockSize);

    PluginLoader loader (args.getRequired ("plugin"));
    auto plugin = loader.createInstance (sampleRate, blockSize);
    const auto& description = loader.getDescription();

    printValue ("name", plugin->getName());
    printValue ("format", description.pluginFormatName);
    printValue ("manufacturer", description.manufacturerName);
    printValue ("version", description.version);
    printValue ("identifier", description.fileOrIdentifier);

    // Bus channel counts are reported with every bus enabled: that is the full layout the plugin
    // offers (a plugin starts with only its main buses enabled).
    printValue ("all_buses_enabled", plugin->enableAllBuses());
    printBuses (*plugin, true);
    printBuses (*plugin, false);

    const auto& parameters = plugin->getParameters();
    printValue ("parameters", parameters.size());

    for (int i = 0; i < jmin (parameters.size(), parameterNamesShown); ++i)
        printValue ("parameter" + String (i + 1) + "_name", parameters[i]->getName (maxNameLength));

    // Latency is often only known once the plugin is prepared.
    plugin->prepareToPlay (sampleRate, blockSize);
    pumpMessages (10);
    printValue ("latency_samples", plugin->getLatencySamples());
    printValue ("tail_seconds", plugin->getTailLengthSeconds());
    plugin->releaseResources();

    const int programs = plugin->getNumPrograms();
    printValue ("programs", programs);

    for (int i = 0; i < jmin (programs, programNamesShown); ++i)
        printValue ("program" + String (i + 1) + "_name", plugin->getProgramName (i));

    printValue ("has_editor", plugin->hasEditor());
    return ExitCode::ok;
}

int runParams (const Args& args)
{
    const double sampleRate = args.getDouble ("sample-rate", Defaults::sampleRate, 1000.0, 1536000.0);
    const int blockSize = args.getInt ("block", Defaults::blockSize, 1, Defaults::maxBlockSize);

    PluginLoader loader (args.getRequired ("plugin"));
    auto plugin = loader.createInstance (sampleRate, blockSize);

    // index, name, normalised default, current value as the plugin displays it.
    for (auto* parameter : plugin->getParameters())
    {
        char defaultText[32];
        std::snprintf (defaultText, sizeof (defaultText), "%.6g", (double) parameter->getDefaultValue());

        std::cout << parameter->getParameterIndex() << '\t'
                  << parameter->getName (maxNameLength) << '\t'
                  << defaultText << '\t'
                  << parameter->getCurrentValueAsText() << '\n';
    }

    return ExitCode::ok;
}
