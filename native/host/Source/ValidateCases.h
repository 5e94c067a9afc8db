#pragma once

#include "Args.h"
#include "PluginLoader.h"
#include "ValidateRig.h"

/** The host-abuse validation cases (native/tests/VALIDATION.md says what each one checks and
    why). A case records facts (figures worth printing) and the first failed expectation; it may
    also throw HostError, which fails it with that message. */
struct ValidateContext
{
    ValidateContext (PluginLoader& l, const Args& a, bool q) : loader (l), args (a), quick (q) {}

    PluginLoader& loader;
    const Args& args;
    bool quick = false;

    juce::StringArray facts;
    juce::String failure;

    void expect (bool ok, const juce::String& what)
    {
        if (! ok && failure.isEmpty())
            failure = what;
    }

    template <typename Value>
    void fact (const juce::String& key, Value value) { facts.add (key + "=" + juce::String (value)); }

    /** A new instance with its default layout, not yet prepared. */
    std::unique_ptr<juce::AudioPluginInstance> create (double sampleRate = 48000.0, int block = 512)
    {
        return loader.createInstance (sampleRate, block);
    }
};

namespace ValidateCases
{
    void rates (ValidateContext&);
    void blocks (ValidateContext&);
    void oversize (ValidateContext&);
    void lifecycle (ValidateContext&);
    void bypass (ValidateContext&);
    void buses (ValidateContext&);
    void paramValues (ValidateContext&);
    void paramText (ValidateContext&);
    void paramThreads (ValidateContext&);
    void stateThreads (ValidateContext&);
    void stateRoundTrip (ValidateContext&);
    void bypassState (ValidateContext&);
    void input (ValidateContext&);
    void instances (ValidateContext&);
    void cycles (ValidateContext&);
    void sigsegv (ValidateContext&);

    /** Installs the host's own SIGSEGV handler; call before the plugin (and its JVM) loads. */
    void installHostSignalHandler();
}
