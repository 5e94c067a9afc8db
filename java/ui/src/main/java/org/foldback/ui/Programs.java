package org.foldback.ui;

import java.util.List;
import org.foldback.control.Controller;

/** The factory presets as the host sees them (its programs): how many, which is loaded, load one. */
public interface Programs {
    int count();

    /** The program loaded last, or -1 before any. */
    int current();

    String name(int index);

    /** Loads a program through the host's program change, so the host knows (message thread). */
    void select(int index);

    /** The programs of {@code instance}; the names are read once (drawing must not allocate per frame). */
    static Programs of(Controller instance) {
        List<String> names = instance.programNames();
        return new Programs() {
            @Override
            public int count() {
                return names.size();
            }

            @Override
            public int current() {
                return instance.snapshot().program();
            }

            @Override
            public String name(int index) {
                return index >= 0 && index < names.size() ? names.get(index) : "";
            }

            @Override
            public void select(int index) {
                instance.selectProgram(index);
            }
        };
    }
}
