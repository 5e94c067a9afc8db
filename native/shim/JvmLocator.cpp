#include "JvmLocator.h"

#include <climits>
#include <cstdlib>
#include <dlfcn.h>

namespace foldback
{
namespace
{
juce::File libjvmIn (const juce::File& javaHome)
{
    return javaHome.getChildFile ("lib/server/libjvm.so");
}

juce::String env (const char* name)
{
    return juce::SystemStats::getEnvironmentVariable (name, {});
}

/** Follows `java` on PATH to its real home (…/bin/java -> …). */
juce::File javaHomeFromPath()
{
    for (auto dir : juce::StringArray::fromTokens (env ("PATH"), ":", {}))
    {
        auto java = juce::File::isAbsolutePath (dir) ? juce::File (dir).getChildFile ("java") : juce::File();
        if (java.existsAsFile())
        {
            // /usr/bin/java is a chain of links (Debian's alternatives): follow them all.
            char resolved[PATH_MAX];
            if (realpath (java.getFullPathName().toRawUTF8(), resolved) != nullptr)
                return juce::File (juce::String::fromUTF8 (resolved)).getParentDirectory().getParentDirectory();
        }
    }
    return {};
}
} // namespace

juce::File ownBinaryFile()
{
    Dl_info info {};
    if (dladdr (reinterpret_cast<void*> (&ownBinaryFile), &info) != 0 && info.dli_fname != nullptr)
        return juce::File (juce::String::fromUTF8 (info.dli_fname));
    return juce::File::getSpecialLocation (juce::File::currentExecutableFile);
}

juce::File ownBinaryDirectory()
{
    return ownBinaryFile().getParentDirectory();
}

JvmLocation locateJvm (const juce::File& bundleDirectory, juce::StringArray& tried)
{
    auto consider = [&tried] (const juce::File& home, const juce::String& source) -> JvmLocation
    {
        auto lib = libjvmIn (home);
        tried.add (source + ": " + lib.getFullPathName());
        return lib.existsAsFile() ? JvmLocation { lib, source } : JvmLocation {};
    };

    // An explicit choice beats the bundled runtime (a user trying another Java, a test taking
    // Java away from an installed package), and when wrong it fails loudly instead of falling back.
    if (auto explicitHome = env ("FOLDBACK_JAVA_HOME"); explicitHome.isNotEmpty())
        return juce::File::isAbsolutePath (explicitHome) ? consider (juce::File (explicitHome), "FOLDBACK_JAVA_HOME")
                                                         : JvmLocation {};

    for (auto candidate : { bundleDirectory.getChildFile ("jre"),
                            bundleDirectory.getChildFile ("../Resources/jre") })
        if (auto found = consider (candidate, "bundle"); found.libjvm != juce::File())
            return found;

    if (auto home = env ("JAVA_HOME"); home.isNotEmpty() && juce::File::isAbsolutePath (home))
        if (auto found = consider (juce::File (home), "JAVA_HOME"); found.libjvm != juce::File())
            return found;

    if (auto found = consider (juce::File ("/usr/lib/jvm/default-java"), "default-java"); found.libjvm != juce::File())
        return found;

    if (auto home = javaHomeFromPath(); home != juce::File())
        return consider (home, "PATH");

    return {};
}

juce::File locateJar (juce::StringArray& tried)
{
    if (auto explicitJar = env ("FOLDBACK_JAR"); explicitJar.isNotEmpty() && juce::File::isAbsolutePath (explicitJar))
    {
        tried.add ("FOLDBACK_JAR: " + explicitJar);
        return juce::File (explicitJar).existsAsFile() ? juce::File (explicitJar) : juce::File();
    }

    auto dir = ownBinaryDirectory();
    for (auto candidate : { dir.getChildFile ("foldback.jar"),
                            dir.getChildFile ("../Resources/foldback.jar") })
    {
        tried.add (candidate.getFullPathName());
        if (candidate.existsAsFile())
            return candidate;
    }
    return {};
}
} // namespace foldback
