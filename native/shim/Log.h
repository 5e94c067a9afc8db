#pragma once

#include <juce_core/juce_core.h>

namespace foldback
{
/** $XDG_STATE_HOME/foldback, or ~/.local/state/foldback: our log and the JVM's crash files. */
juce::File stateDirectory();

/** The log file users and tests read when something went wrong. */
juce::File logFile();

/** Appends one timestamped line to the log. Never call this on the audio thread (it does I/O). */
void logLine (const juce::String& message);
} // namespace foldback
