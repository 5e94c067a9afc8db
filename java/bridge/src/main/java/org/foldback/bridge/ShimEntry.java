package org.foldback.bridge;

import org.foldback.control.EditorView;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method the native shim calls through JNI. The shim never writes a method's name or
 * signature itself: {@link BoundaryHeader} generates them from the marked methods at build time,
 * so renaming or retyping one here breaks the C++ build, not a DAW session. (Every method of
 * {@link EditorView} is called by the shim too and needs no mark.)
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR})
public @interface ShimEntry {}
