#include "ClassArchive.h"

#include "Log.h"

#include <climits>
#include <cstdlib>
#include <mutex>
#include <unistd.h>

namespace foldback
{
namespace
{
/** A value from a Java home's `release` file (JAVA_RUNTIME_VERSION="17.0.15+6-Debian-1deb12u1"). */
juce::String releaseValue (const juce::File& javaHome, const juce::String& key)
{
    juce::StringArray lines;
    // Spelled with "./": BoundaryTest reads the bare name in quotes as a JNI entry (release) named by hand.
    javaHome.getChildFile ("./release").readLines (lines);
    for (auto& line : lines)
        if (line.startsWith (key + "="))
            return line.fromFirstOccurrenceOf ("=", false, false).trim().unquoted();
    return {};
}

/**
 * Which Java runtime an archive belongs to: its version (a jlink'd runtime's `release` has only
 * JAVA_VERSION) and the size of its libjvm.so, which tells a jlink'd runtime from the JDK it was
 * made of. The JVM checks the rest itself (its build, the base archive) and refuses quietly.
 */
juce::String runtimeIdentity (const juce::File& javaHome)
{
    auto version = releaseValue (javaHome, "JAVA_RUNTIME_VERSION");
    if (version.isEmpty())
        version = releaseValue (javaHome, "JAVA_VERSION");
    return version + ", libjvm.so " + juce::String (javaHome.getChildFile ("lib/server/libjvm.so").getSize()) + " bytes";
}

/** The description's key=value lines. */
juce::StringPairArray readDescription (const juce::File& file)
{
    juce::StringPairArray values;
    juce::StringArray lines;
    file.readLines (lines);
    for (auto& line : lines)
        if (line.containsChar ('=') && ! line.startsWithChar ('#'))
            values.set (line.upToFirstOccurrenceOf ("=", false, false).trim(), line.fromFirstOccurrenceOf ("=", false, false).trim());
    return values;
}

/** The file itself, through every link: the installed bundles' foldback.jar links to one jar. */
juce::File resolved (const juce::File& file)
{
    char path[PATH_MAX];
    if (realpath (file.getFullPathName().toRawUTF8(), path) != nullptr)
        return juce::File (juce::String::fromUTF8 (path));
    return file;
}

/** What finishWriting needs once the JVM has dumped the archive, at the process's exit. */
struct PendingWrite
{
    juce::File written, archive, description, jvmLog;
    juce::String runtime;
    juce::int64 jarBytes = 0;
};
PendingWrite* pending = nullptr;

/**
 * At exit (atexit, after System.exit made the JVM dump): the archive goes in place under its
 * name, then the description that makes it usable, so a reader never sees a description of a
 * file other than the one beside it.
 */
void finishWriting()
{
    if (pending == nullptr)
        return;
    auto& p = *pending;
    auto bytes = p.written.getSize();
    if (! p.written.existsAsFile() || bytes == 0)
    {
        logLine ("class archive NOT written: the JVM left no " + p.written.getFullPathName() + " (its CDS messages: "
                 + p.jvmLog.getFullPathName() + ")");
        return;
    }
    p.description.deleteFile();
    if (! p.written.moveFileTo (p.archive))
    {
        logLine ("class archive NOT written: could not move " + p.written.getFullPathName() + " to " + p.archive.getFullPathName());
        return;
    }
    auto text = "# What " + p.archive.getFileName() + " was made for (foldback-host archive-classes): the plugin\n"
                "# uses it only with this Java runtime, at this size, beside a foldback.jar of this size.\n"
                "runtime=" + p.runtime + "\n"
                "archive-bytes=" + juce::String (bytes) + "\n"
                "jar-bytes=" + juce::String (p.jarBytes) + "\n";
    auto temporary = p.description.getSiblingFile (p.description.getFileName() + ".new");
    if (! temporary.replaceWithText (text) || ! temporary.moveFileTo (p.description))
    {
        logLine ("class archive NOT described: could not write " + p.description.getFullPathName());
        return;
    }
    p.jvmLog.deleteFile();
    logLine ("class archive written: " + p.archive.getFullPathName() + ", " + juce::String (bytes / 1048576.0, 1)
             + " MB, for Java " + p.runtime);
}
} // namespace

juce::File ClassArchive::archiveFor (const juce::File& jar, const juce::File& javaHome)
{
    // JAVA_VERSION="17.0.15" or "25.0.3": one archive per feature release, so the build's JDK 17
    // and a JDK 25 a user picks each find their own beside the same jar.
    const auto feature = releaseValue (javaHome, "JAVA_VERSION").upToFirstOccurrenceOf (".", false, false);
    return resolved (jar).getSiblingFile ("foldback-java" + feature + ".jsa");
}

juce::File ClassArchive::descriptionFor (const juce::File& jar, const juce::File& javaHome)
{
    auto archive = archiveFor (jar, javaHome);
    return archive.getSiblingFile (archive.getFileName() + ".txt");
}

ClassArchive::ClassArchive (const juce::File& jar, const juce::File& javaHome, const juce::StringArray& userOptions)
    : archive (archiveFor (jar, javaHome)),
      description (descriptionFor (jar, javaHome)),
      jvmLog (stateDirectory().getChildFile ("class-archive-" + juce::String ((int) getpid()) + ".log"))
{
    const auto mode = juce::SystemStats::getEnvironmentVariable ("FOLDBACK_CLASS_ARCHIVE", {});
    const auto runtime = runtimeIdentity (javaHome);

    // The JVM's CDS messages (an archive it cannot map, classes it leaves out of one it writes)
    // would go to standard output, which is the host's: into a file of ours instead. JDK 25 and
    // later also tag them aot (a tag JDK 17 does not know and would refuse to start on).
    const bool aotTag = releaseValue (javaHome, "JAVA_VERSION").getIntValue() >= 25;
    const juce::String tags = aotTag ? "cds*,aot*" : "cds*";
    auto quietOptions = [&]
    {
        juce::StringArray quiet;
        for (auto& tag : juce::StringArray::fromTokens (tags, ",", {}))
            quiet.add ("-Xlog:" + tag + "=off");
        quiet.add ("-Xlog:" + tags.replace ("*", "*=info") + ":file=\"" + jvmLog.getFullPathName() + "\"::filecount=0");
        return quiet;
    };

    for (auto& option : userOptions)
        if (option.contains ("SharedArchiveFile") || option.contains ("ArchiveClassesAtExit") || option.startsWith ("-Xshare")
            || option.contains ("AOTCache") || option.contains ("AOTMode"))   // JDK 24+'s own archive, a user's choice
        {
            verdict = "FOLDBACK_JVM_OPTIONS choose the archive (" + option + ")";
            return;
        }

    if (mode == "off")
    {
        verdict = "FOLDBACK_CLASS_ARCHIVE=off";
        return;
    }
    // The JVM refuses to start when it cannot open a -Xlog file (or parse its name): then no
    // archive rather than no Java.
    if (! jvmLog.getParentDirectory().hasWriteAccess() || jvmLog.getFullPathName().containsAnyOf ("\"\n"))
    {
        verdict = "the JVM could not log to " + jvmLog.getFullPathName();
        return;
    }
    if (mode == "write")
    {
        writing = true;
        auto written = archive.getSiblingFile (archive.getFileName() + ".new");
        written.deleteFile();
        options.add ("-XX:ArchiveClassesAtExit=" + written.getFullPathName());
        // Compiles block the thread that asks for them, so no method waits in the compile queue
        // when the training run exits. JDK 17 archives a method's "queued for compilation" flag
        // as it is at that moment (JDK-8306460, fixed in JDK 21), and HotSpot then never queues
        // that method again in a JVM that maps the archive: in one build the audio path's methods
        // C2 had queued (CueEngine.process, the limiter, the dose, 29 in all) ran interpreted in
        // every instance, ~2.3x the Java call (PERFORMANCE.md, "Session 8"; class_archive checks).
        options.add ("-Xbatch");
        options.addArray (quietOptions());
        pending = new PendingWrite { written, archive, description, jvmLog, runtime, resolved (jar).getSize() };
        return;
    }
    if (mode.isNotEmpty())
    {
        verdict = "FOLDBACK_CLASS_ARCHIVE=" + mode + " means nothing (off or write)";
        return;
    }

    if (! archive.existsAsFile())
    {
        verdict = "none at " + archive.getFullPathName();
        return;
    }
    auto about = readDescription (description);
    if (about.size() == 0)
    {
        verdict = "no " + description.getFullPathName() + " to say what it was made for";
        return;
    }
    if (about["runtime"] != runtime)
    {
        verdict = "made for Java " + about["runtime"] + ", this is Java " + runtime + " (" + javaHome.getFullPathName() + ")";
        return;
    }
    if (about["archive-bytes"].getLargeIntValue() != archive.getSize())
    {
        // A truncated archive crashed JDK 17 (SIGBUS while mapping it): never hand one over.
        verdict = "cut short or replaced: " + juce::String (archive.getSize()) + " bytes, made as " + about["archive-bytes"];
        return;
    }
    if (about["jar-bytes"].getLargeIntValue() != resolved (jar).getSize())
    {
        verdict = "made for another foldback.jar (" + about["jar-bytes"] + " bytes, this one " + juce::String (resolved (jar).getSize()) + ")";
        return;
    }

    options.add ("-XX:SharedArchiveFile=" + archive.getFullPathName());
    options.addArray (quietOptions());
}

void ClassArchive::afterStart()
{
    if (writing)
    {
        static std::once_flag registered;
        std::call_once (registered, [] { std::atexit (finishWriting); });
        logLine ("class archive: the JVM writes " + archive.getFullPathName() + " when it exits");
        return;
    }
    if (options.isEmpty())
    {
        logLine ("class archive not used: " + verdict);
        return;
    }

    // "Mapped dynamic region" is what JDK 17 and 25 say at info level once the archive is mapped;
    // otherwise the first warning or error says why not.
    juce::StringArray lines;
    jvmLog.readLines (lines);
    jvmLog.deleteFile();   // the JVM keeps its handle; nothing of it is read later
    juce::String problem;
    for (auto& line : lines)
    {
        if (line.contains ("Mapped dynamic region"))
        {
            logLine ("class archive in use: " + archive.getFullPathName());
            return;
        }
        if (problem.isEmpty() && (line.contains ("[warning") || line.contains ("[error")))
            problem = line.fromFirstOccurrenceOf ("] ", false, false);   // after [uptime][level][tags]
    }
    logLine ("class archive not used: the JVM did not map " + archive.getFullPathName() + ": "
             + (problem.isNotEmpty() ? problem : juce::String ("it said nothing")));
}
} // namespace foldback
