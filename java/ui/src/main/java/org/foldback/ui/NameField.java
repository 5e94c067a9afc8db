package org.foldback.ui;

import org.foldback.control.EditorView;
import org.foldback.engine.Layout;

/**
 * The text field for a name: a cue's (rename) or a user preset's (save as, rename), edited on the
 * message thread by typed keys. What it names is its target, a {@link Control}: CUE_NAME with the
 * cue's index, PRESET_SAVE_AS or PRESET_RENAME.
 *
 * <p>The text is kept as code points (a name is at most {@link Layout#MAX_NAME_LENGTH}
 * of them, the state's own limit, which is also a preset name's, {@code PresetName.MAX_LENGTH}). The GL thread draws it: after every change the field publishes
 * an immutable snapshot ({@link #text}, {@link #caret}) through volatile fields, so drawing never
 * sees a half-made edit and never locks. A String per key press is fine; nothing here runs per
 * frame.
 */
final class NameField {
    private final int[] codePoints = new int[Layout.MAX_NAME_LENGTH];
    private int length;
    private int caretIndex;

    private volatile int target = Control.NONE;
    private volatile String text = "";
    private volatile int caret;

    /** Starts naming {@code target} (a control), the caret after {@code current}. */
    void begin(int target, String current) {
        length = 0;
        for (int i = 0; i < current.length() && length < codePoints.length; ) {
            int cp = current.codePointAt(i);
            codePoints[length++] = cp;
            i += Character.charCount(cp);
        }
        caretIndex = length;
        publish();
        this.target = target;
    }

    /** What is being named (a control), or {@link Control#NONE}. */
    int target() {
        return target;
    }

    /** The cue being renamed, or -1 (none, or the field names a preset). */
    int cue() {
        int t = target;
        return t != Control.NONE && Control.kind(t) == Control.CUE_NAME ? Control.index(t) : -1;
    }

    boolean active() {
        return target != Control.NONE;
    }

    /** The text as typed so far (GL thread: a snapshot). */
    String text() {
        return text;
    }

    /** The caret, in UTF-16 chars into {@link #text()} (GL thread: matches the snapshot). */
    int caret() {
        return caret;
    }

    /** The finished name and the field closed. */
    String commit() {
        String name = text;
        target = Control.NONE;
        return name;
    }

    void cancel() {
        target = Control.NONE;
    }

    /**
     * One key press while renaming. Returns what the editor should do next: {@link #EDITING},
     * {@link #COMMIT} (Enter) or {@link #CANCEL} (Escape). Every key is used while the field is
     * open, so the host's shortcuts (space for play, say) do not fire while a name is typed.
     */
    int key(int keyCode, int character) {
        switch (keyCode) {
            case EditorView.KEY_RETURN -> {
                return COMMIT;
            }
            case EditorView.KEY_ESCAPE -> {
                return CANCEL;
            }
            case EditorView.KEY_BACKSPACE -> {
                if (caretIndex > 0) {
                    remove(--caretIndex);
                }
            }
            case EditorView.KEY_DELETE -> {
                if (caretIndex < length) {
                    remove(caretIndex);
                }
            }
            case EditorView.KEY_LEFT -> caretIndex = Math.max(0, caretIndex - 1);
            case EditorView.KEY_RIGHT -> caretIndex = Math.min(length, caretIndex + 1);
            case EditorView.KEY_HOME, EditorView.KEY_UP -> caretIndex = 0;
            case EditorView.KEY_END, EditorView.KEY_DOWN -> caretIndex = length;
            default -> insert(character);
        }
        publish();
        return EDITING;
    }

    static final int EDITING = 0;
    static final int COMMIT = 1;
    static final int CANCEL = 2;

    private void insert(int cp) {
        // Control characters and lone surrogates are not text; a full field takes no more.
        if (cp < 0x20 || cp == 0x7f || (cp >= 0xD800 && cp <= 0xDFFF) || !Character.isValidCodePoint(cp)
                || length == codePoints.length) {
            return;
        }
        System.arraycopy(codePoints, caretIndex, codePoints, caretIndex + 1, length - caretIndex);
        codePoints[caretIndex++] = cp;
        length++;
    }

    private void remove(int index) {
        System.arraycopy(codePoints, index + 1, codePoints, index, length - index - 1);
        length--;
    }

    private void publish() {
        String s = new String(codePoints, 0, length);
        caret = s.offsetByCodePoints(0, caretIndex);
        text = s;
    }
}
