#include "Log.h"

#include <mutex>
#include <unistd.h>

namespace foldback
{
juce::File stateDirectory()
{
    auto xdg = juce::SystemStats::getEnvironmentVariable ("XDG_STATE_HOME", {});
    auto base = xdg.isNotEmpty() ? juce::File (xdg)
                                 : juce::File::getSpecialLocation (juce::File::userHomeDirectory)
                                       .getChildFile (".local/state");
    auto dir = base.getChildFile ("foldback");
    dir.createDirectory();
    return dir;
}

juce::File logFile()
{
    return stateDirectory().getChildFile ("foldback.log");
}

void logLine (const juce::String& message)
{
    // Several instances may log at once from their message threads; keep lines whole.
    static std::mutex mutex;
    const std::lock_guard<std::mutex> lock (mutex);

    auto line = juce::Time::getCurrentTime().toISO8601 (true) + " [pid "
              + juce::String ((int) getpid()) + "] " + message + "\n";
    logFile().appendText (line, false, false, "\n");

    if (juce::SystemStats::getEnvironmentVariable ("FOLDBACK_LOG_STDERR", {}).isNotEmpty())
        std::fputs (line.toRawUTF8(), stderr);
}
} // namespace foldback
