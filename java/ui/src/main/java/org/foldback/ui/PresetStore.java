package org.foldback.ui;

import java.util.List;
import org.foldback.control.Controller;

/**
 * The user's presets as the editor's preset panel reaches them (in the plugin: a view of the
 * {@link Controller}; in tests: a map). Message thread. Every action returns null when done,
 * else why not; the instance also puts that reason in the notice along the editor's bottom edge,
 * so the panel itself never shows errors.
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

    /** The user presets of {@code instance}. */
    static PresetStore of(Controller instance) {
        return new PresetStore() {
            @Override
            public List<String> userPresets() {
                return instance.userPresets();
            }

            @Override
            public String load(String name) {
                return instance.loadUserPreset(name);
            }

            @Override
            public String saveAs(String name) {
                return instance.saveUserPreset(name);
            }

            @Override
            public String rename(String from, String to) {
                return instance.renameUserPreset(from, to);
            }

            @Override
            public String delete(String name) {
                return instance.deleteUserPreset(name);
            }

            @Override
            public String loaded() {
                return instance.snapshot().loadedUserPreset();
            }
        };
    }
}
