package org.foldback.ui;

import org.foldback.control.Controller;
import org.foldback.control.EditorFactory;
import org.foldback.control.EditorView;

/** The editor as the bridge finds it: through ServiceLoader (META-INF/services/org.foldback.control.EditorFactory). */
public final class FoldbackEditorFactory implements EditorFactory {
    @Override
    public EditorView open(Controller instance) {
        return new FoldbackEditor(instance);
    }
}
