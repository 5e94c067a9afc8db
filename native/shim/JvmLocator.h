#pragma once

#include <juce_core/juce_core.h>

namespace foldback
{
/** Where a libjvm was found, and why that one. */
struct JvmLocation
{
    juce::File libjvm;
    juce::String source;   // "bundle", "FOLDBACK_JAVA_HOME", "JAVA_HOME", "default-java", "PATH"
};

/**
 * Finds a Java runtime in the documented order: FOLDBACK_JAVA_HOME when set (then the only place
 * looked at, the bundle's runtime included: an explicit choice that is wrong should fail loudly,
 * not fall back silently), else a runtime inside the plugin bundle, then JAVA_HOME, then Debian's
 * /usr/lib/jvm/default-java, then the `java` on PATH.
 *
 * Returns an empty location and fills `triedOut` with every place looked at when none is found.
 */
JvmLocation locateJvm (const juce::File& bundleDirectory, juce::StringArray& triedOut);

/** The binary this code is linked into (the plugin .so, Foldback.clap or the standalone). */
juce::File ownBinaryFile();

/** The directory of ownBinaryFile(). */
juce::File ownBinaryDirectory();

/** Finds foldback.jar next to the binary, in ../Resources (VST3 bundles), or at FOLDBACK_JAR. */
juce::File locateJar (juce::StringArray& triedOut);
} // namespace foldback
