// The C functions Java calls through JNA (org.foldback.bridge.ShimCalls). Each takes the instance
// handle the shim gave Java when it created the processor object (a ShimInstance, whichever
// format the instance belongs to); Java never outlives it.

#include "Boundary.h"
#include "ShimInstance.h"

#define FOLDBACK_EXPORT extern "C" __attribute__ ((visibility ("default")))

namespace
{
foldback::ShimInstance& processorFrom (void* instance)
{
    return *static_cast<foldback::ShimInstance*> (instance);
}
} // namespace

/** The version of these exports, from the boundary contract (Boundary.ABI_VERSION, with its history). */
FOLDBACK_EXPORT int foldback_shim_abi_version()
{
    return foldback::contract::abiVersion;
}

FOLDBACK_EXPORT void foldback_shim_begin_edit (void* instance, int paramIndex)
{
    processorFrom (instance).beginEditFromJava (paramIndex);
}

FOLDBACK_EXPORT void foldback_shim_perform_edit (void* instance, int paramIndex, float normalized)
{
    processorFrom (instance).performEditFromJava (paramIndex, normalized);
}

FOLDBACK_EXPORT void foldback_shim_end_edit (void* instance, int paramIndex)
{
    processorFrom (instance).endEditFromJava (paramIndex);
}

/** The value the host has for a parameter now (normalized), NaN for no such parameter. The editor
    steps from this, not from Java's store, which catches up only at the next audio block. */
FOLDBACK_EXPORT float foldback_shim_get_value (void* instance, int paramIndex)
{
    return processorFrom (instance).valueForJava (paramIndex);
}

/** Loads factory preset (program) index as the host's current program; the editor's preset control. */
FOLDBACK_EXPORT void foldback_shim_set_program (void* instance, int index)
{
    processorFrom (instance).setProgramFromJava (index);
}

/** State beside the parameters changed (the editor renamed a cue, chose the meter reference): the
    host should mark the session modified, as it does for parameter edits. */
FOLDBACK_EXPORT void foldback_shim_state_changed (void* instance)
{
    processorFrom (instance).stateChangedFromJava();
}

/** Java loaded a whole state itself (the editor loaded a user preset): the host gets the values and
    hears that the state changed. Not a program change: a user preset is no host program. */
FOLDBACK_EXPORT void foldback_shim_state_loaded (void* instance)
{
    processorFrom (instance).stateLoadedFromJava();
}

/** Block-time telemetry since prepare into out[0 .. min(count, slots)), in the slots the boundary
    contract names (Boundary.TELEMETRY_*). Returns how many it wrote. Lock-free. */
FOLDBACK_EXPORT int foldback_shim_block_telemetry (void* instance, double* out, int count)
{
    namespace slot = foldback::contract::telemetry;
    const auto t = processorFrom (instance).blockTelemetry();
    double values[slot::SLOTS] = {};
    values[slot::BLOCKS] = (double) t.blocks;
    values[slot::LATE_BLOCKS] = (double) t.lateBlocks;
    values[slot::PROCESS_NANOS] = (double) t.processNanos;
    values[slot::JAVA_NANOS] = (double) t.javaNanos;
    values[slot::AUDIO_NANOS] = (double) t.audioNanos;
    values[slot::WORST_PROCESS_NANOS] = (double) t.worstProcessNanos;
    values[slot::WORST_JAVA_NANOS] = (double) t.worstJavaNanos;
    values[slot::LAST_PROCESS_NANOS] = (double) t.lastProcessNanos;
    values[slot::LAST_JAVA_NANOS] = (double) t.lastJavaNanos;
    int n = 0;
    for (; n < count && n < slot::SLOTS; ++n)
        out[n] = values[n];
    return n;
}
