package org.foldback.bridge.control;

import org.foldback.bridge.Boundary;

import java.util.ArrayList;
import java.util.List;
import org.foldback.bridge.BridgeLog;
import org.foldback.bridge.ShimCalls;
import org.foldback.state.Decoded;
import org.foldback.state.FactoryNames;
import org.foldback.state.PluginState;
import org.foldback.state.PresetException;
import org.foldback.state.PresetLibrary;
import org.foldback.state.Quote;

/**
 * One instance's programs (program 0, the default state, then the factory presets) and the
 * user's presets (files in the XDG data dir), loaded into and saved from its {@link StateHolder}.
 *
 * <p>The files are small (about 30 KiB) and read or written only on a click or a program change,
 * so these run on the thread that asks (the message thread, a surface's server), never the audio
 * thread. Every refusal also goes to the notice, which surfaces show.
 */
public final class Presets {
    private final PresetLibrary library = PresetLibrary.standard(w -> BridgeLog.line("presets: " + w));
    private final StateHolder state;
    private final ShimCalls shim;

    public Presets(StateHolder state, ShimCalls shim) {
        this.state = state;
        this.shim = shim;
    }

    /**
     * Program names: program 0 is the default state (what a new instance holds, so that hosts,
     * which treat the current program as loaded, never skip loading a real preset), then the
     * factory presets.
     */
    public List<String> programNames() {
        List<String> names = new ArrayList<>();
        names.add(Boundary.DEFAULT_PROGRAM);
        factoryPresets().forEach(e -> names.add(e.name()));
        return names;
    }

    /** Loads program {@code index} as the whole state; null on success, else why not. */
    public String loadProgram(int index) {
        try {
            List<FactoryNames.Preset> presets = factoryPresets();
            if (index < 0 || index > presets.size()) {
                return "no program " + index;
            }
            state.adoptProgram(index == 0 ? new PluginState() : library.load(presets.get(index - 1).id()).state(), index);
            return null;
        } catch (PresetException e) {
            state.refuse("Program " + index + " not loaded, settings kept: " + e.getMessage(), false);
            return e.getMessage();
        }
    }

    /** The user's preset names (the XDG data dir), sorted; empty when none or unreadable. */
    public List<String> userPresetNames() {
        List<String> names = new ArrayList<>();
        try {
            for (PresetLibrary.Entry e : library.list()) {
                if (e.source() == PresetLibrary.Source.USER) {
                    names.add(e.id());
                }
            }
        } catch (PresetException e) {
            refused("User presets not listed: " + e.getMessage());
        }
        return names;
    }

    /**
     * Loads a user preset as the whole state, the way a state load does, then has the shim tell
     * the host: the new parameter values and "state changed". Not a program change: a user preset
     * is no host program, so the host's program stays what it was.
     */
    public String loadUserPreset(String name) {
        try {
            Decoded decoded = library.load(name);
            state.adopt(decoded, "Preset '" + Quote.text(name) + "'", true, name);
            shim.stateLoaded();
            return null;
        } catch (PresetException e) {
            return refused("Preset '" + Quote.text(name) + "' not loaded, settings kept: " + e.getMessage());
        }
    }

    /** Saves the current state (both A/B slots, cue names, meter reference) as a new user preset. */
    public String saveUserPreset(String name) {
        try {
            if (library.exists(name)) {
                throw new PresetException("a preset named '" + Quote.text(name) + "' already exists; choose another name");
            }
            library.save(name, "Saved from the editor", state.copy());
            state.presetDone(loaded -> name);
            return null;
        } catch (PresetException e) {
            return refused("Preset not saved: " + e.getMessage());
        }
    }

    public String renameUserPreset(String from, String to) {
        try {
            library.rename(from, to);
            state.presetDone(loaded -> from.equals(loaded) ? to : loaded);
            return null;
        } catch (PresetException e) {
            return refused("Preset not renamed: " + e.getMessage());
        }
    }

    public String deleteUserPreset(String name) {
        try {
            library.delete(name);
            state.presetDone(loaded -> name.equals(loaded) ? null : loaded);
            return null;
        } catch (PresetException e) {
            return refused("Preset not deleted: " + e.getMessage());
        }
    }

    private String refused(String why) {
        BridgeLog.line("presets: " + why);
        state.refuse(why, true);
        return why;
    }

    /** The factory presets: listed once per JVM (they live in the jar and cannot change). */
    private List<FactoryNames.Preset> factoryPresets() {
        return FactoryPresetList.get();
    }
}
