#pragma once

#include "Args.h"

/** One function per sub-command. Each prints key=value lines on stdout and returns an exit code,
    or throws HostError. They run on the message thread, which is also the audio thread here:
    offline, nothing is gained by a separate audio thread, and VST3 wants some calls on the
    message thread. */
int runRender (const Args& args);
int runInfo (const Args& args);
int runDescribe (const Args& args);   // InfoCommand.cpp: the plugin's description as XML, as a DAW's scanner keeps it
int runParams (const Args& args);
int runTimeInstances (const Args& args);
int runStateBatch (const Args& args);
int runEditor (const Args& args);   // EditorCommand.cpp: the plugin's editor on an X display
int runEditorCycles (const Args& args);   // EditorCyclesCommand.cpp: editor open/close while audio plays
int runValidate (const Args& args);
int runBench (const Args& args);
int runArchiveClasses (const Args& args);   // ArchiveClassesCommand.cpp: the training run that writes the class archive

/** Defaults shared by the commands. */
namespace Defaults
{
    constexpr double sampleRate = 48000.0;
    constexpr int blockSize = 512;
    constexpr int maxBlockSize = 65536;
}
