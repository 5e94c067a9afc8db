package org.foldback.control;

/**
 * Makes the plugin's editor for one instance. The bridge finds the one implementation through
 * {@link java.util.ServiceLoader} (java/ui declares it in META-INF/services), so the bridge does
 * not depend on the editor and the editor sees only the {@link Controller}.
 */
public interface EditorFactory {
    /** A new editor view drawing and editing {@code instance}. Message thread; may throw when the editor cannot start. */
    EditorView open(Controller instance);
}
