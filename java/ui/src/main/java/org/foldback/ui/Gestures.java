package org.foldback.ui;

/**
 * Where the editor's edits go: the host, as gestures (begin, perform..., end), so it records
 * automation and one undo step per drag. In the plugin this is the shim (ShimCalls); tests record.
 */
public interface Gestures {
    void begin(int param);

    void perform(int param, float normalized);

    void end(int param);
}
