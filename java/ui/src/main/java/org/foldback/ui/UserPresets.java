package org.foldback.ui;

import java.util.List;
import org.foldback.bridge.NativeProcessor;

/** The plugin's user presets (NativeProcessor, files in the XDG data dir) as the editor's preset panel reaches them. */
final class UserPresets implements PresetStore {
    private final NativeProcessor owner;

    UserPresets(NativeProcessor owner) {
        this.owner = owner;
    }

    @Override
    public List<String> userPresets() {
        return owner.userPresetNames();
    }

    @Override
    public String load(String name) {
        return owner.loadUserPreset(name);
    }

    @Override
    public String saveAs(String name) {
        return owner.saveUserPreset(name);
    }

    @Override
    public String rename(String from, String to) {
        return owner.renameUserPreset(from, to);
    }

    @Override
    public String delete(String name) {
        return owner.deleteUserPreset(name);
    }

    @Override
    public String loaded() {
        return owner.loadedUserPreset();
    }
}
