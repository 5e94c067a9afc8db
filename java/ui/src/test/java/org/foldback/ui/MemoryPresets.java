package org.foldback.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** User presets in memory for tests: names to a saved value, each call logged; refuses as the plugin does. */
final class MemoryPresets implements PresetStore {
    final TreeMap<String, String> saved = new TreeMap<>();
    final List<String> log = new ArrayList<>();
    /** What the next save stores (the "current state"). */
    String current = "state 0";
    String loadedState;
    private String loaded;

    @Override
    public List<String> userPresets() {
        log.add("list");
        return new ArrayList<>(saved.keySet());
    }

    @Override
    public String load(String name) {
        log.add("load " + name);
        if (!saved.containsKey(name)) {
            return "no preset " + name;
        }
        loadedState = saved.get(name);
        loaded = name;
        return null;
    }

    @Override
    public String saveAs(String name) {
        log.add("save " + name);
        if (name.isEmpty() || saved.containsKey(name)) {
            return "name taken or empty";
        }
        saved.put(name, current);
        loaded = name;
        return null;
    }

    @Override
    public String rename(String from, String to) {
        log.add("rename " + from + " " + to);
        if (saved.containsKey(to)) {
            return "name taken";
        }
        saved.put(to, saved.remove(from));
        return null;
    }

    @Override
    public String delete(String name) {
        log.add("delete " + name);
        return saved.remove(name) == null ? "no preset " + name : null;
    }

    @Override
    public String loaded() {
        return loaded;
    }
}
