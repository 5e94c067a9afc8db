#pragma once

#include <juce_core/juce_core.h>
#include <cstdio>
#include <iostream>

/** key=value lines on stdout: the machine-readable output of every command. Scripts split each
    line at the first '='; values are never quoted. */
inline void printValue (const juce::String& key, const juce::String& value)
{
    std::cout << key << '=' << value << '\n';
}

inline void printValue (const juce::String& key, const char* value) { printValue (key, juce::String (value)); }
inline void printValue (const juce::String& key, int value)         { printValue (key, juce::String (value)); }
inline void printValue (const juce::String& key, juce::int64 value) { printValue (key, juce::String (value)); }
inline void printValue (const juce::String& key, bool value)        { printValue (key, juce::String (value ? "true" : "false")); }

inline void printValue (const juce::String& key, double value)
{
    char text[64];
    std::snprintf (text, sizeof (text), "%.10g", value);
    printValue (key, juce::String (text));
}
