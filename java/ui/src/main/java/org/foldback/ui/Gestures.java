package org.foldback.ui;

/**
 * Where the editor's edits go: the host, as gestures (begin, perform..., end), so it records
 * automation and one undo step per drag. In the plugin this is the shim (ShimCalls); tests record.
 */
public interface Gestures {
    void begin(int param);

    void perform(int param, float normalized);

    void end(int param);

    /**
     * The host's value now (normalized), or NaN when unknown. Steps start from this: Java's own
     * store only catches up at the next audio block, and two wheel steps may come before it.
     */
    default float value(int param) {
        return Float.NaN;
    }

    /**
     * Something the host saves but that is no parameter (a cue name, the meter reference) changed:
     * the host should mark the session as modified.
     */
    default void stateChanged() {
    }
}
