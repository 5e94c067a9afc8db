// foldback-host archive-classes: the training run that writes the plugin's class archive
// (native/shim/ClassArchive.h). The plugin's shim starts its JVM as in any host, told to dump the
// classes it loaded when it exits (FOLDBACK_CLASS_ARCHIVE=write); this command then does what a
// DAW does with the first instances of a session, so those classes are the ones a session needs,
// and ends the JVM through System.exit, the exit at which the JVM writes the archive (and after
// which the shim puts it in place). The process ends there: nothing runs after the archive.
//
// Run by the build (CMake, after the plugin) and by native/package/package.sh with the bundled
// runtime: the archive is valid only for the Java runtime that wrote it.

#include "Commands.h"
#include "BusSetup.h"
#include "HostError.h"
#include "Output.h"
#include "PluginLoader.h"

#include <dlfcn.h>
#include <iostream>
#include <jni.h>

using namespace juce;

namespace
{
    /** A session's first minutes, roughly: live and offline instances, state, programs, text. */
    void train (PluginLoader& loader, double sampleRate, int blockSize)
    {
        std::vector<std::unique_ptr<AudioPluginInstance>> instances;
        MidiBuffer midi;
        for (int i = 0; i < 2; ++i)
        {
            auto plugin = loader.createInstance (sampleRate, blockSize);
            // The first prepares live, which runs the plugin's JIT warm-up (every engine class
            // initialised, the audio path played); the second offline, as a bounce does.
            plugin->setNonRealtime (i != 0);
            if (needsAllBusesEnabled (*plugin))
                plugin->enableAllBuses();
            plugin->prepareToPlay (sampleRate, blockSize);

            AudioBuffer<float> buffer (jmax (plugin->getTotalNumInputChannels(), plugin->getTotalNumOutputChannels()), blockSize);
            Random random (i + 1);
            for (int block = 0; block < 50; ++block)
            {
                for (int ch = 0; ch < buffer.getNumChannels(); ++ch)
                    for (int s = 0; s < blockSize; ++s)
                        buffer.setSample (ch, s, random.nextFloat() * 0.2f - 0.1f);
                plugin->processBlock (buffer, midi);
            }

            MemoryBlock state;
            plugin->getStateInformation (state);
            plugin->setStateInformation (state.getData(), (int) state.getSize());
            if (plugin->getNumPrograms() > 1)
            {
                plugin->setCurrentProgram (1);
                plugin->getProgramName (1);
                plugin->setCurrentProgram (0);
            }
            for (auto* parameter : plugin->getParameters())
                parameter->getText (parameter->getValue(), 32);
            instances.push_back (std::move (plugin));
        }
        for (auto& plugin : instances)
        {
            plugin->releaseResources();
            plugin.reset();
        }
    }

    /** System.exit(0) in the JVM the plugin started: the JVM writes its archive, then the process ends. */
    [[noreturn]] void exitThroughJava()
    {
        using GetCreatedJavaVMs = jint (*) (JavaVM**, jsize, jsize*);
        auto getCreated = reinterpret_cast<GetCreatedJavaVMs> (dlsym (RTLD_DEFAULT, "JNI_GetCreatedJavaVMs"));
        JavaVM* vm = nullptr;
        jsize count = 0;
        if (getCreated == nullptr || getCreated (&vm, 1, &count) != JNI_OK || count == 0)
            throw HostError { ExitCode::pluginError, "the plugin started no JVM (its log says why), so there is no class archive to write" };

        JNIEnv* env = nullptr;
        if (vm->AttachCurrentThread (reinterpret_cast<void**> (&env), nullptr) != JNI_OK)
            throw HostError { ExitCode::pluginError, "could not attach to the plugin's JVM" };
        auto* system = env->FindClass ("java/lang/System");
        auto exit = system != nullptr ? env->GetStaticMethodID (system, "exit", "(I)V") : nullptr;
        if (exit == nullptr)
            throw HostError { ExitCode::pluginError, "java.lang.System.exit not found" };
        std::cout.flush();
        env->CallStaticVoidMethod (system, exit, 0);
        // Not reached: System.exit does not return.
        std::abort();
    }
}

int runArchiveClasses (const Args& args)
{
    const auto pluginPath = args.getRequired ("plugin");
    const double sampleRate = args.getDouble ("sample-rate", Defaults::sampleRate, 1000.0, 1536000.0);
    const int blockSize = args.getInt ("block", 64, 1, Defaults::maxBlockSize);

    // Before the plugin is loaded: the shim reads it when it starts the JVM.
    setenv ("FOLDBACK_CLASS_ARCHIVE", "write", 1);
    {
        PluginLoader loader (pluginPath);   // the scan, in this process: it creates an instance too
        train (loader, sampleRate, blockSize);
    }
    printValue ("archive_classes", String ("trained; the JVM writes the archive as it exits"));
    exitThroughJava();
}
