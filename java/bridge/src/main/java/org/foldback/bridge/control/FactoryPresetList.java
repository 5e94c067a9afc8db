package org.foldback.bridge.control;

import java.util.List;
import org.foldback.bridge.BridgeLog;
import org.foldback.state.FactoryNames;
import org.foldback.state.PresetException;

/**
 * The factory presets (the host's programs), listed once per JVM: they live inside the jar and
 * cannot change while it is loaded. Listed from the names the build packed (FactoryNames), so a
 * new instance decodes no preset: one is decoded when it is loaded as a program. Class
 * initialisation makes the first use build the list exactly once, thread-safely.
 */
final class FactoryPresetList {
    private FactoryPresetList() {}

    private static final class Holder {
        static final List<FactoryNames.Preset> LIST = load();
    }

    /** The factory presets, sorted by ID; empty (and logged) if they cannot be read. */
    static List<FactoryNames.Preset> get() {
        return Holder.LIST;
    }

    private static List<FactoryNames.Preset> load() {
        List<FactoryNames.Preset> packed = FactoryNames.read();
        if (packed != null) {
            return packed;
        }
        try {
            // Classes run without the build's step (an IDE): decode them as the build would.
            return List.copyOf(FactoryNames.decode());
        } catch (PresetException e) {
            BridgeLog.line("factory presets unavailable: " + e.getMessage());
            return List.of();
        }
    }
}
