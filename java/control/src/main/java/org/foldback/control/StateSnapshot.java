package org.foldback.control;

import java.util.List;

/**
 * The state beside the parameters at one moment, immutable: safe to read on any thread (the
 * editor's OpenGL thread, the remote's server). The instance publishes a new one after every
 * change; {@code version} grows with each.
 *
 * @param version          grows by at least one with every change of the fields below
 * @param cueNames         one per cue (all eight, whether the host enabled them or not)
 * @param sourceNames      one per source (all sixteen), "Kick", "Bass DI"...
 * @param meterReference   0 VU in dBFS: -18 or -20
 * @param slotB            whether A/B slot B is the active one
 * @param program          the program the state came from (0 = default)
 * @param loadedUserPreset the user preset loaded or saved last, null when a program or state was loaded since
 * @param notice           what went wrong or was changed at the last load or preset action, null when clean
 */
public record StateSnapshot(long version, List<String> cueNames, List<String> sourceNames, int meterReference, boolean slotB, int program,
        String loadedUserPreset, String notice) {
    public StateSnapshot {
        cueNames = List.copyOf(cueNames);
        sourceNames = List.copyOf(sourceNames);
    }

    public String cueName(int cue) {
        return cue >= 0 && cue < cueNames.size() ? cueNames.get(cue) : "";
    }

    public String sourceName(int source) {
        return source >= 0 && source < sourceNames.size() ? sourceNames.get(source) : "";
    }
}
