#pragma once

#include <juce_core/juce_core.h>

namespace foldback
{
/**
 * Our classes as the JVM left them after a training run: a CDS dynamic archive (JEP 350), which
 * the JVM the shim starts maps instead of reading, verifying and parsing the same classes from
 * the jar (native/bench/PERFORMANCE.md, "Session 7: instance start").
 *
 * The archive is foldback-javaN.jsa (N the runtime's feature release: 17, 25) beside the jar the
 * shim loads (through links: the installed bundles link to one jar), with foldback-javaN.jsa.txt,
 * which says what it was made for: the Java runtime (its version and the size of its libjvm.so),
 * the archive's size and the jar's size. One per feature release, because an archive fits only
 * the JVM that wrote it: JDK 25, with none of its own, started the first instance in ~473 ms
 * against JDK 17's ~291 with its own (PERFORMANCE.md, "Session 9: first instance start path"). `foldback-host archive-classes` writes both for the
 * runtime it runs on (CMake after the plugin, for the default runtime and for each of
 * FOLDBACK_ARCHIVE_JAVA_HOMES; package.sh for the bundled runtime). It is optional: without it, or when it was made for another Java or another jar, or
 * is cut short (the JVM would crash mapping a truncated archive: the size check is not optional),
 * the JVM starts without it and the log says why.
 *
 * Classes the shim's own URLClassLoader defines are archived as "unregistered" classes: the JVM
 * hands one out only when the loader asks for the same name with the same bytes (size and CRC),
 * so even a stale archive cannot give the shim another build's classes.
 *
 * The JVM's CDS messages never reach the host's standard output: they go to a file of their own
 * in the state directory, which afterStart() reads for the log and removes.
 *
 * FOLDBACK_CLASS_ARCHIVE: unset, use the archive when it fits; "off", start without it (for A/B
 * measurements); "write", make it instead: the JVM dumps what it loaded when it exits through
 * System.exit (foldback-host archive-classes), and the archive and its description are put in
 * place only then, whole.
 */
class ClassArchive
{
public:
    /** What to do for a JVM about to start from javaHome with jar; userOptions are FOLDBACK_JVM_OPTIONS. */
    ClassArchive (const juce::File& jar, const juce::File& javaHome, const juce::StringArray& userOptions);

    /** Options for JNI_CreateJavaVM (none when the archive is not to be used or written). */
    const juce::StringArray& jvmOptions() const noexcept { return options; }

    /** Right after JNI_CreateJavaVM: logs whether the archive is in use (or will be written). */
    void afterStart();

    /** The archive for a jar and a Java runtime (foldback-java17.jsa), and the file that describes it. */
    static juce::File archiveFor (const juce::File& jar, const juce::File& javaHome);
    static juce::File descriptionFor (const juce::File& jar, const juce::File& javaHome);

private:
    juce::File archive, description, jvmLog;
    juce::StringArray options;
    juce::String verdict;   // why the archive is not used, for the log; empty when it is
    bool writing = false;
};
} // namespace foldback
