package org.foldback.control;

/**
 * The editor as the native shim sees it (native/shim/GlView.cpp calls these through JNI); java/ui implements it, see {@link EditorFactory}.
 *
 * <p>Two threads call in. JUCE's OpenGL thread calls {@link #glOpen}, {@link #render} and
 * {@link #glClose} with the editor's GL context current. The message thread calls the input and
 * size methods, so edits reach the host as gestures on the thread hosts expect them on.
 *
 * <p>The int constants below are the shim's too: BoundaryHeader generates them into its header.
 */
public interface EditorView {
    /** The editor's size in points: what it opens at, and the limits of resizing. */
    int DEFAULT_WIDTH = 1040;
    int DEFAULT_HEIGHT = 600;
    int MIN_WIDTH = 760;
    int MIN_HEIGHT = 420;
    int MAX_WIDTH = 2400;
    int MAX_HEIGHT = 1600;

    /** Mouse event kinds passed to {@link #mouse}. */
    int MOUSE_DOWN = 0;
    int MOUSE_DRAG = 1;
    int MOUSE_UP = 2;
    int MOUSE_WHEEL = 3;
    int MOUSE_DOUBLE_CLICK = 4;

    /** Modifier bits passed with input events. */
    int MOD_SHIFT = 1;
    int MOD_CTRL = 2;
    int MOD_ALT = 4;

    /** Key codes passed to {@link #key}: the shim maps its own codes to these. */
    int KEY_UP = 1;
    int KEY_DOWN = 2;
    int KEY_LEFT = 3;
    int KEY_RIGHT = 4;
    int KEY_RETURN = 5;
    int KEY_ESCAPE = 6;
    int KEY_BACKSPACE = 7;
    int KEY_DELETE = 8;
    int KEY_HOME = 9;
    int KEY_END = 10;

    /** GL thread, context current: sets up drawing. Returns null on success, else why not. */
    String glOpen();

    /** GL thread: draws one frame into a framebuffer of {@code widthPx x heightPx} at {@code scale} pixels per point. */
    void render(int widthPx, int heightPx, float scale);

    /** GL thread, context still current: frees GL resources. */
    void glClose();

    /** Message thread: the editor's size in points. */
    void resized(int width, int height);

    /** Message thread: one mouse event at (x, y) in points; wheel is the vertical wheel delta. */
    void mouse(int kind, float x, float y, int modifiers, float wheel);

    /**
     * Message thread: a key press; true when the editor used it (unused keys go back to the
     * host, whose shortcuts they may be). {@code keyCode} is one of the KEY_ codes or 0 for any
     * other key; {@code character} is the text the key types (a Unicode code point), 0 for none.
     */
    boolean key(int keyCode, int modifiers, int character);

    /** Message thread, after glClose: the editor goes away. Returns a line for the log (frame times). */
    String close();
}
