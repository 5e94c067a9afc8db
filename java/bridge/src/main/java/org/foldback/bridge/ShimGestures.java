package org.foldback.bridge;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The shim's three gesture functions through JNA's direct mapping (static natives bound to the
 * library), which passes primitives and pointers without boxing them: OSC makes one or three of
 * these calls per message, and JNA's interface mapping ({@link ShimCalls.Exports}) allocates about
 * 72 bytes a call (an argument array and boxes), garbage enough under a flood to bring
 * collections. A class binds to one library per process: {@link #bind} says whether it is bound
 * to the one asked for (a host that loads two of our formats has two shim libraries; the second
 * keeps the interface mapping). Same signatures as ShimCalls.Exports (BoundaryTest checks those).
 */
final class ShimGestures {
    private static String boundTo;

    private ShimGestures() {}

    /** Binds to the shim library at {@code library} (a path) unless bound already; true when bound to it. */
    static synchronized boolean bind(String library) {
        if (boundTo == null) {
            try {
                Native.register(ShimGestures.class, NativeLibrary.getInstance(library));
                boundTo = library;
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                boundTo = "";
                return false;
            }
        }
        return boundTo.equals(library) && !library.isEmpty();
    }

    static native void foldback_shim_begin_edit(Pointer instance, int paramIndex);

    static native void foldback_shim_perform_edit(Pointer instance, int paramIndex, float normalized);

    static native void foldback_shim_end_edit(Pointer instance, int paramIndex);
}
