#pragma once

#include <juce_core/juce_core.h>

/** Exit codes of foldback-host: the contract with the scripts and tests that call it. */
namespace ExitCode
{
    constexpr int ok          = 0;
    constexpr int pluginError = 1;   // the plugin failed to load, refused a layout, or failed to render
    constexpr int badArgs     = 2;   // bad arguments, unreadable input, unwritable output
    constexpr int timedOut    = 3;   // the watchdog fired
}

/** Thrown anywhere in a command; main() prints the message and exits with the code.
    Commands stay linear this way instead of threading error codes through every helper. */
struct HostError
{
    int exitCode;
    juce::String message;
};

[[noreturn]] inline void failArgs (const juce::String& message)   { throw HostError { ExitCode::badArgs, message }; }
[[noreturn]] inline void failPlugin (const juce::String& message) { throw HostError { ExitCode::pluginError, message }; }
