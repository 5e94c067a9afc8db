// foldback-host validate: runs named host-abuse cases against a plugin and prints one line per
// case, `case=NAME result=pass|fail ms=T detail=...`. Exits 1 if any case fails. Every case
// needs Java: after it ran, a fresh instance must show that Java mixes (ValidateJavaProbe.cpp),
// or the case fails, whatever it measured (native/tests/validate_no_java.sh checks this).

#include "Commands.h"
#include "HostError.h"
#include "ValidateCases.h"
#include "ValidateJavaProbe.h"

#include <iostream>

using namespace juce;

namespace
{
    struct NamedCase
    {
        const char* name;
        void (*run) (ValidateContext&);
    };

    // In the order `--case all` runs them. Two are left out of "all": sigsegv installs a
    // process-wide signal handler before the plugin loads, so it wants a process of its own, and
    // oversize crashes JUCE's VST3 wrapper (see ValidateAudioCases.cpp), so it runs on the LV2.
    const NamedCase cases[] = {
        { "rates",           ValidateCases::rates },
        { "blocks",          ValidateCases::blocks },
        { "oversize",        ValidateCases::oversize },
        { "lifecycle",       ValidateCases::lifecycle },
        { "bypass",          ValidateCases::bypass },
        { "buses",           ValidateCases::buses },
        { "param-values",    ValidateCases::paramValues },
        { "param-text",      ValidateCases::paramText },
        { "param-threads",   ValidateCases::paramThreads },
        { "state-threads",   ValidateCases::stateThreads },
        { "state-roundtrip", ValidateCases::stateRoundTrip },
        { "bypass-state",    ValidateCases::bypassState },
        { "input",           ValidateCases::input },
        { "instances",       ValidateCases::instances },
        { "cycles",          ValidateCases::cycles },
        { "sigsegv",         ValidateCases::sigsegv },
    };

    StringArray selectedCases (const String& spec)
    {
        StringArray names;

        for (auto& token : StringArray::fromTokens (spec, ",", {}))
        {
            if (token == "all")
            {
                for (auto& c : cases)
                    if (String (c.name) != "sigsegv" && String (c.name) != "oversize")
                        names.add (c.name);
                continue;
            }

            bool known = false;
            for (auto& c : cases)
                known = known || token == c.name;

            if (! known)
                failArgs ("unknown case '" + token + "'");

            names.add (token);
        }

        return names;
    }
}

int runValidate (const Args& args)
{
    const auto names = selectedCases (args.getString ("case", "all"));
    const bool quick = args.getString ("quick", "0") == "1";

    // The sigsegv case must install its handler before anything loads the JVM.
    if (names.contains ("sigsegv"))
        ValidateCases::installHostSignalHandler();

    PluginLoader loader (args.getRequired ("plugin"));
    int failures = 0;

    for (auto& name : names)
    {
        ValidateContext context (loader, args, quick);
        const auto started = Time::getMillisecondCounterHiRes();

        try
        {
            for (auto& c : cases)
                if (name == c.name)
                    c.run (context);
        }
        catch (const HostError& error)
        {
            context.expect (false, "error: " + error.message);
        }

        // Asked after the case, so a case that left Java unable to mix fails too.
        try
        {
            const auto java = Validate::probeJava (loader);
            context.expect (java.mixing, java.why);
            context.fact ("java", java.mixing ? "mixing" : "not_mixing");
        }
        catch (const HostError& error)
        {
            context.expect (false, "Java probe: " + error.message);
        }

        const bool pass = context.failure.isEmpty();
        failures += pass ? 0 : 1;

        auto detail = context.facts.joinIntoString (" ");
        if (! pass)
            detail = context.failure + (detail.isEmpty() ? String() : " | " + detail);

        std::cout << "case=" << name << " result=" << (pass ? "pass" : "fail")
                  << " ms=" << (int) (Time::getMillisecondCounterHiRes() - started)
                  << " detail=" << detail << std::endl;
    }

    std::cout << "cases=" << names.size() << " failed=" << failures << std::endl;
    return failures == 0 ? ExitCode::ok : ExitCode::pluginError;
}
