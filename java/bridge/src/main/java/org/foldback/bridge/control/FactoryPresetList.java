package org.foldback.bridge.control;

import java.util.List;
import org.foldback.bridge.BridgeLog;
import org.foldback.state.PresetException;
import org.foldback.state.PresetLibrary;

/**
 * The factory presets (the host's programs), listed once per JVM: they live inside the jar and
 * cannot change while it is loaded, and decoding all of them took a share of every new instance's
 * start. Class initialisation makes the first use build the list exactly once, thread-safely.
 */
final class FactoryPresetList {
    private FactoryPresetList() {}

    private static final class Holder {
        static final List<PresetLibrary.Entry> LIST = load();
    }

    /** The factory presets, sorted by ID; empty (and logged) if they cannot be read. */
    static List<PresetLibrary.Entry> get() {
        return Holder.LIST;
    }

    private static List<PresetLibrary.Entry> load() {
        try {
            return List.copyOf(PresetLibrary.standard(w -> BridgeLog.line("presets: " + w)).factoryList());
        } catch (PresetException e) {
            BridgeLog.line("factory presets unavailable: " + e.getMessage());
            return List.of();
        }
    }
}
