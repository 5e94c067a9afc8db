package org.foldback.ui;

import org.foldback.control.EditorView;

/** The engineer's hands on an editor, for the panels' tests: clicks on the layout's rectangles, typed text, Enter. */
final class Engineer {
    private final EditorInput input;
    private final EditorLayout layout = new EditorLayout();
    private final float[] r = new float[4];

    Engineer(EditorInput input) {
        this.input = input;
    }

    /** A click (down, up) on the centre of {@code control} at the default size. */
    void click(int control) {
        layout.rect(control, r);
        input.mouse(EditorView.MOUSE_DOWN, r[0] + r[2] / 2, r[1] + r[3] / 2, 0, 0);
        input.mouse(EditorView.MOUSE_UP, r[0] + r[2] / 2, r[1] + r[3] / 2, 0, 0);
    }

    void type(String text) {
        text.codePoints().forEach(cp -> input.key(0, 0, cp));
    }

    /** Backspace {@code times} times, then {@code text} and Enter: what replacing a field's text takes. */
    void retype(int times, String text) {
        for (int i = 0; i < times; i++) {
            input.key(EditorView.KEY_BACKSPACE, 0, 0);
        }
        type(text);
        input.key(EditorView.KEY_RETURN, 0, 0);
    }
}
