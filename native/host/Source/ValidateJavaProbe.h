#pragma once

#include "PluginLoader.h"

namespace Validate
{
    struct JavaProbe
    {
        bool mixing = false;
        juce::String why;       // empty when mixing
        double cue2OffDb = 0;   // cue 2 against the main input, in dB
    };

    /** Creates a fresh instance, renders a sine in the default state and reports whether Java
        mixed it (cue 2 carries the main input only through Java). Throws HostError if the
        instance cannot be created. */
    JavaProbe probeJava (PluginLoader& loader);
}
