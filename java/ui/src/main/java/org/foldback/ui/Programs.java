package org.foldback.ui;

/** The factory presets as the host sees them (its programs): how many, which is loaded, load one. */
public interface Programs {
    int count();

    /** The program loaded last, or -1 before any. */
    int current();

    String name(int index);

    /** Loads a program through the host's program change, so the host knows (message thread). */
    void select(int index);
}
