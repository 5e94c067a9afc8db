package org.foldback.ui;

import java.util.List;

/**
 * The user's presets as the editor reaches them (in the plugin: NativeProcessor and its
 * PresetLibrary in the XDG data dir; in tests: a map). Message thread. Every action returns null
 * when done, else why not; the plugin also puts that reason in the notice along the editor's
 * bottom edge, so the panel itself never shows errors.
 */
public interface PresetStore {
    /** The user's preset names, sorted; empty when there are none or the folder is unreadable. */
    List<String> userPresets();

    /** Loads a user preset as the whole state, as a state load does (the host hears of the values). */
    String load(String name);

    /** Saves the current state as a new user preset; refuses a name already taken. */
    String saveAs(String name);

    String rename(String from, String to);

    String delete(String name);

    /** The user preset loaded last, or null when a program or a state was loaded since. */
    String loaded();
}
