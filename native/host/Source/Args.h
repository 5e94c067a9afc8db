#pragma once

#include <juce_core/juce_core.h>
#include <map>
#include <vector>

/** The parsed command line: `foldback-host COMMAND --option value ...`.

    Every option takes exactly one value; options listed as repeatable (--in, --set) may be
    given several times and keep their order. Unknown options are rejected, so a typo never
    silently renders with a default. */
class Args
{
public:
    /** Throws HostError (bad arguments) on anything it cannot make sense of. */
    static Args parse (int argc, char* argv[]);

    const juce::String& getCommand() const noexcept { return command; }

    bool has (const juce::String& name) const;
    juce::String getString (const juce::String& name, const juce::String& fallback = {}) const;
    juce::String getRequired (const juce::String& name) const;
    juce::StringArray getAll (const juce::String& name) const;

    /** Integer option, checked against [minValue, maxValue]. */
    int getInt (const juce::String& name, int fallback, int minValue, int maxValue) const;

    /** Decimal option, checked against [minValue, maxValue]. */
    double getDouble (const juce::String& name, double fallback, double minValue, double maxValue) const;

    /** Every value of the named options, as (name, value) in command-line order: input steps
        of different kinds (--click, --type, --key) happen in the order they were given. */
    std::vector<std::pair<juce::String, juce::String>> getInOrder (const juce::StringArray& names) const;

    static juce::String usage();

private:
    juce::String command;
    std::map<juce::String, juce::StringArray> options;
    std::vector<std::pair<juce::String, juce::String>> ordered;
};
