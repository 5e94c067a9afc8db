#pragma once

#include "BlockTelemetry.h"

namespace foldback
{
/**
 * One plugin instance as Java's JNA calls (ShimExports.cpp, org.foldback.bridge.ShimCalls) reach
 * it, whatever the plugin format: the JUCE processor (VST3, LV2, Standalone) and the CLAP plugin
 * each implement it. Java gets a pointer to this interface as its handle, never to a format's class.
 *
 * Any Java thread may call these (the editor, the web remote's and OSC's servers): an
 * implementation hands what must reach the host to the host's main thread, in order.
 */
class ShimInstance
{
public:
    virtual ~ShimInstance() = default;

    /** An edit gesture the host must record: begin, any number of performs, end. */
    virtual void beginEditFromJava (int index) = 0;
    virtual void performEditFromJava (int index, float normalized) = 0;
    virtual void endEditFromJava (int index) = 0;

    /** The host's value of a parameter now (normalized), NaN for no such parameter. */
    virtual float valueForJava (int index) const = 0;

    /** Loads factory preset (program) index as the current program. */
    virtual void setProgramFromJava (int index) = 0;

    /** State beside the parameters changed: the host should mark the session modified. */
    virtual void stateChangedFromJava() = 0;

    /** Java loaded a whole state itself (a user preset): take its values and tell the host. */
    virtual void stateLoadedFromJava() = 0;

    /** Block-time figures since the last prepare (the editor's "DSP %"); none where the format keeps none. */
    virtual BlockTelemetry::Snapshot blockTelemetry() const noexcept { return {}; }
};
} // namespace foldback
