#include "Log.h"

#include <cstring>
#include <fcntl.h>
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

namespace
{
/** Appends bytes to the file in one write: O_APPEND keeps lines of other processes whole too. */
bool appendTo (const juce::String& path, const char* bytes, size_t size)
{
    const int fd = ::open (path.toRawUTF8(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return false;
    const bool written = ::write (fd, bytes, size) == (ssize_t) size;
    ::close (fd);
    return written;
}
} // namespace

void logLine (const juce::String& message)
{
    // Several instances may log at once from their message threads; keep lines whole.
    static std::mutex mutex;
    const std::lock_guard<std::mutex> lock (mutex);
    // Where the log is and whether it goes to stderr too are looked up once per process: a new
    // instance logs three lines, and each look-up (the environment, the home directory, the
    // directory made if missing) cost more than the write. The file is still opened for each
    // line, so a log deleted or moved while the host runs starts again.
    static const juce::String path = logFile().getFullPathName();
    static const bool toStderr = juce::SystemStats::getEnvironmentVariable ("FOLDBACK_LOG_STDERR", {}).isNotEmpty();

    const auto line = juce::Time::getCurrentTime().toISO8601 (true) + " [pid "
                    + juce::String ((int) getpid()) + "] " + message + "\n";
    const auto* utf8 = line.toRawUTF8();
    const auto size = std::strlen (utf8);
    if (! appendTo (path, utf8, size))
    {
        stateDirectory();   // removed since: made again
        appendTo (path, utf8, size);
    }

    if (toStderr)
        std::fputs (utf8, stderr);
}
} // namespace foldback
