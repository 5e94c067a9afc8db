// foldback-host: an offline console host for Foldback's plugin builds (VST3, LV2).
// See native/host/README.md for the commands and exit codes.

#include "Args.h"
#include "Commands.h"
#include "HostError.h"
#include "Watchdog.h"

#include <juce_events/juce_events.h>
#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace
{
    int runCommand (const Args& args)
    {
        const auto& command = args.getCommand();

        if (command == "render")          return runRender (args);
        if (command == "state-batch")     return runStateBatch (args);
        if (command == "info")            return runInfo (args);
        if (command == "describe")        return runDescribe (args);
        if (command == "params")          return runParams (args);
        if (command == "time-instances")  return runTimeInstances (args);
        if (command == "editor")          return runEditor (args);
        if (command == "editor-cycles")   return runEditorCycles (args);
        if (command == "validate")        return runValidate (args);
        if (command == "bench")           return runBench (args);
        if (command == "archive-classes") return runArchiveClasses (args);

        jassertfalse; // Args::parse only lets known commands through
        return ExitCode::badArgs;
    }

    int report (const HostError& error)
    {
        std::cout.flush();

        if (error.exitCode == ExitCode::ok)
            std::cout << error.message << std::endl;
        else
            std::cerr << "foldback-host: error: " << error.message << std::endl;

        return error.exitCode;
    }
}

int main (int argc, char* argv[])
{
    Args args;

    try
    {
        args = Args::parse (argc, argv);
    }
    catch (const HostError& error)
    {
        return report (error);
    }

    int exitCode = ExitCode::ok;

    try
    {
        // Declared before the JUCE initialiser so that it also guards plugin and JUCE teardown.
        Watchdog watchdog (args.getDouble ("timeout", 300.0, 0.001, 1.0e6));

        {
            // Plugins expect a message thread; this thread is it (and the audio thread too).
            juce::ScopedJuceInitialiser_GUI juce;

            try
            {
                exitCode = runCommand (args);
            }
            catch (const HostError& error)
            {
                exitCode = report (error);
            }
        }
    }
    catch (const HostError& error)
    {
        exitCode = report (error);
    }

    // Leave without running the process's static destructors: the plugin's JVM is never destroyed
    // (no JVM can be started twice in a process, so the shim keeps it to the end), and its
    // collector threads may still be running while exit() tears down libjvm's globals. That race
    // killed foldback-host with a JVM fatal error in a ZGC thread (ConcurrentGCTimer) after all
    // its work was done: once in 22 `info` runs (2026-12-02), once in a full test run's
    // validate_state. Everything we write is flushed first; the plugins are already released.
    std::cout.flush();
    std::cerr.flush();
    std::fflush (nullptr);
    std::_Exit (exitCode);
}
