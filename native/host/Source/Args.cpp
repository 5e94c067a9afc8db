#include "Args.h"
#include "HostError.h"

namespace
{
    struct OptionSpec
    {
        const char* name;
        bool repeatable;
    };

    // Options each command accepts. --timeout is accepted everywhere (it arms the watchdog).
    const std::map<juce::String, std::vector<OptionSpec>>& commandOptions()
    {
        static const std::map<juce::String, std::vector<OptionSpec>> table
        {
            { "render", { { "plugin", false }, { "in", true }, { "out", false }, { "block", false },
                          { "block-pattern", false }, { "sample-rate", false }, { "sources", false },
                          { "cues", false }, { "state", false }, { "set", true }, { "set-at", true }, { "save-state", false },
                          { "plugin-state", false }, { "save-plugin-state", false }, { "program", false }, { "program-name", false }, { "tail", false }, { "timeout", false },
                          { "realtime", false }, { "report-params", false }, { "track-name", false } } },
            { "state-batch", { { "plugin", false }, { "in", true }, { "states", false }, { "save-dir", false },
                               { "block", false }, { "frames", false }, { "hostile", false }, { "timeout", false } } },
            { "info", { { "plugin", false }, { "sample-rate", false }, { "block", false }, { "timeout", false } } },
            { "describe", { { "plugin", false }, { "timeout", false } } },
            { "params", { { "plugin", false }, { "sample-rate", false }, { "block", false }, { "timeout", false } } },
            { "time-instances", { { "plugin", false }, { "count", false }, { "sample-rate", false },
                                  { "block", false }, { "scan", false }, { "realtime", false }, { "timeout", false } } },
            { "editor", { { "plugin", false }, { "in", true }, { "frames", false }, { "screenshot", false },
                          { "click", true }, { "drag", true }, { "wheel", true }, { "double-click", true },
                          { "type", true }, { "key", true }, { "report-params", false },
                          { "plugin-state", false }, { "save-plugin-state", false },
                          { "size", false }, { "scale", false }, { "set", true }, { "block", false }, { "sample-rate", false },
                          { "track-name", false }, { "timeout", false } } },
            { "editor-cycles", { { "plugin", false }, { "cycles", false }, { "open-frames", false }, { "block", false },
                                 { "sample-rate", false }, { "timeout", false } } },
            { "validate", { { "plugin", false }, { "case", false }, { "quick", false }, { "cycles", false }, { "warm-up", false },
                            { "timeout", false } } },
            { "bench", { { "plugin", false }, { "mode", false }, { "instances", false }, { "seconds", false },
                         { "warmup-seconds", false }, { "sample-rate", false }, { "block", false }, { "sources", false },
                         { "cues", false }, { "plugin-state", false }, { "rt-priority", false }, { "timeout", false } } },
            { "archive-classes", { { "plugin", false }, { "sample-rate", false }, { "block", false }, { "timeout", false } } },
        };

        return table;
    }
}

Args Args::parse (int argc, char* argv[])
{
    Args args;

    if (argc < 2)
        failArgs ("no command given\n" + usage());

    args.command = juce::String::fromUTF8 (argv[1]);

    if (args.command == "--help" || args.command == "-h" || args.command == "help")
        throw HostError { ExitCode::ok, usage() };

    const auto known = commandOptions().find (args.command);

    if (known == commandOptions().end())
        failArgs ("unknown command '" + args.command + "'\n" + usage());

    for (int i = 2; i < argc; ++i)
    {
        const auto token = juce::String::fromUTF8 (argv[i]);

        if (! token.startsWith ("--"))
            failArgs ("unexpected argument '" + token + "' (options look like --name value)");

        const auto name = token.substring (2);
        const auto& specs = known->second;
        const auto spec = std::find_if (specs.begin(), specs.end(),
                                        [&] (const OptionSpec& s) { return name == s.name; });

        if (spec == specs.end())
            failArgs ("'" + args.command + "' does not take --" + name);

        if (i + 1 >= argc)
            failArgs ("--" + name + " needs a value");

        auto& values = args.options[name];

        if (! spec->repeatable && ! values.isEmpty())
            failArgs ("--" + name + " given twice");

        values.add (juce::String::fromUTF8 (argv[++i]));
        args.ordered.emplace_back (name, values[values.size() - 1]);
    }

    return args;
}

bool Args::has (const juce::String& name) const
{
    return options.find (name) != options.end();
}

juce::String Args::getString (const juce::String& name, const juce::String& fallback) const
{
    const auto it = options.find (name);
    return it != options.end() ? it->second[0] : fallback;
}

juce::String Args::getRequired (const juce::String& name) const
{
    if (! has (name))
        failArgs ("'" + command + "' needs --" + name);

    return getString (name);
}

juce::StringArray Args::getAll (const juce::String& name) const
{
    const auto it = options.find (name);
    return it != options.end() ? it->second : juce::StringArray();
}

std::vector<std::pair<juce::String, juce::String>> Args::getInOrder (const juce::StringArray& names) const
{
    std::vector<std::pair<juce::String, juce::String>> result;

    for (const auto& entry : ordered)
        if (names.contains (entry.first))
            result.push_back (entry);

    return result;
}

int Args::getInt (const juce::String& name, int fallback, int minValue, int maxValue) const
{
    if (! has (name))
        return fallback;

    const auto text = getString (name).trim();

    if (! text.containsOnly ("0123456789-") || text.isEmpty())
        failArgs ("--" + name + " expects an integer, got '" + text + "'");

    const auto value = text.getLargeIntValue();

    if (value < minValue || value > maxValue)
        failArgs ("--" + name + " must be between " + juce::String (minValue) + " and "
                  + juce::String (maxValue) + ", got " + text);

    return (int) value;
}

double Args::getDouble (const juce::String& name, double fallback, double minValue, double maxValue) const
{
    if (! has (name))
        return fallback;

    const auto text = getString (name).trim();

    if (! text.containsOnly ("0123456789.-+eE") || text.isEmpty())
        failArgs ("--" + name + " expects a number, got '" + text + "'");

    const auto value = text.getDoubleValue();

    if (! (value >= minValue && value <= maxValue))
        failArgs ("--" + name + " must be between " + juce::String (minValue) + " and "
                  + juce::String (maxValue) + ", got " + text);

    return value;
}

juce::String Args::usage()
{
    return "usage:\n"
           "  foldback-host render --plugin PATH --in a.wav [--in b.wav ...] --out DIR\n"
           "                [--block N] [--block-pattern fixed|random:SEED] [--sample-rate SR]\n"
           "                [--sources S] [--cues C] [--state FILE] [--set \"NAME=TEXT\" ...]\n"
           "                [--save-state FILE] [--tail SECONDS]\n"
           "                [--plugin-state FILE] [--save-plugin-state FILE]   (the plugin's own bytes, VST3 or CLAP)\n"
           "                [--set-at \"FRAME:NAME=TEXT\" ...]   (a sample-accurate change; CLAP only)\n"
           "                [--program N | --program-name NAME]   (load a program before rendering)\n"
           "                [--realtime yes] [--report-params yes]   (pace blocks to the clock, messages pumped between them:\n"
           "                 a surface's gestures reach the host meanwhile; print what the host is told)\n"
           "                [--track-name NAME]   (tell the plugin the host's track name, as a VST3 host does)\n"
           "  foldback-host state-batch --plugin PATH --in a.wav [...] --states DIR --save-dir DIR [--block N] [--frames N] [--hostile 1]\n"
           "  foldback-host info --plugin PATH\n"
           "  foldback-host describe --plugin PATH   (the plugin's description as XML, without creating it in this process)\n"
           "  foldback-host params --plugin PATH\n"
           "  foldback-host time-instances --plugin PATH [--count 2] [--scan child|here] [--realtime yes]\n"
           "  foldback-host archive-classes --plugin PATH   (writes the plugin's class archive beside its jar; ends through System.exit)\n"
           "  foldback-host editor --plugin PATH [--in a.wav ...] [--frames 60] [--screenshot out.png]\n"
           "                [--click X,Y ...] [--double-click X,Y ...] [--drag X1,Y1,X2,Y2 ...] [--wheel X,Y,STEPS ...]\n"
           "                [--type TEXT ...] [--key NAME ...]   (input steps run in the order given)\n"
           "                [--plugin-state FILE] [--save-plugin-state FILE]\n"
           "                [--report-params yes] [--size WxH] [--scale 2] [--set \"NAME=TEXT\" ...] [--track-name NAME]\n"
           "                (needs an X display)\n"
           "  foldback-host editor-cycles --plugin PATH [--cycles 100] [--open-frames 6]   (needs an X display)\n"
           "  foldback-host validate --plugin PATH [--case all|NAME[,NAME...]] [--quick 1] [--cycles N] [--warm-up N]\n"
           "  foldback-host bench --plugin PATH [--mode offline|realtime] [--instances N] [--seconds S]\n"
           "                [--warmup-seconds S] [--block 64] [--sources S] [--cues C] [--plugin-state FILE] [--rt-priority P]\n"
           "every command also takes --timeout SECONDS (default 300; exit code 3 when it fires)\n"
           "PATH is a .vst3 bundle, a .lv2 bundle directory, or an LV2 plugin URI\n"
           "exit codes: 0 ok, 1 plugin failed, 2 bad arguments or input, 3 timed out";
}
