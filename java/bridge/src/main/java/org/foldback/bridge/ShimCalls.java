package org.foldback.bridge;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * Calls from Java into the native shim, through JNA: edit gestures the host must record
 * (begin, perform, end), the host's current values, program changes and "the state changed".
 * The shim exports these as plain C functions taking the instance handle it gave us
 * (native/shim/ShimExports.cpp); BoundaryTest checks both sides declare the same functions.
 */
public final class ShimCalls {
    /** The C functions the shim exports (see native/shim/ShimExports.cpp). */
    interface Exports extends Library {
        void foldback_shim_begin_edit(Pointer instance, int paramIndex);

        void foldback_shim_perform_edit(Pointer instance, int paramIndex, float normalized);

        void foldback_shim_end_edit(Pointer instance, int paramIndex);

        float foldback_shim_get_value(Pointer instance, int paramIndex);

        void foldback_shim_set_program(Pointer instance, int index);

        void foldback_shim_state_changed(Pointer instance);

        void foldback_shim_state_loaded(Pointer instance);

        int foldback_shim_abi_version();

        int foldback_shim_block_telemetry(Pointer instance, double[] out, int count);
    }

    private final Exports exports;
    private final Pointer instance;
    /** The gesture calls go through {@link ShimGestures} (no garbage per call). */
    private final boolean direct;

    private ShimCalls(Exports exports, Pointer instance, boolean direct) {
        this.exports = exports;
        this.instance = instance;
        this.direct = direct;
    }

    /** Calls into {@code exports} for the instance {@code handle}: tests record the calls a shim would get. */
    static ShimCalls over(Exports exports, long handle) {
        return new ShimCalls(exports, new Pointer(handle), false);
    }

    /** Connects to the shim binary at {@code library}, or to nothing when it is empty. */
    static ShimCalls connect(long handle, String library) {
        if (library == null || library.isEmpty() || handle == 0) {
            return new ShimCalls(null, null, false);
        }
        // A plugin is a shared library we can open by path (the JUCE formats' .so, Foldback.clap);
        // the standalone is an executable, whose exported symbols JNA finds in the running process.
        boolean path = library.endsWith(".so") || library.endsWith(".clap");
        JnaStart.prepare();
        Exports e = path ? Native.load(library, Exports.class) : Native.load(Exports.class);
        int abi = e.foldback_shim_abi_version();
        if (abi != Boundary.ABI_VERSION) {
            throw new IllegalStateException("shim ABI " + abi + " but Java expects " + Boundary.ABI_VERSION);
        }
        return new ShimCalls(e, new Pointer(handle), path && ShimGestures.bind(library));
    }

    public boolean connected() {
        return exports != null;
    }

    // ---- The shim's lifetime -----------------------------------------------------------------------
    // Surfaces that outlive an instance (the web remote's and OSC's threads) may still hold its
    // controller when the shim destroys it. The shim calls NativeProcessor.dispose before it frees
    // anything, which closes this gate: close() waits for calls in flight (they are short: a JNA call
    // that queues work for the message thread) and every later call does nothing.

    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private boolean closed;

    /** No call reaches the shim after this returns. Message thread (the shim's destructor). */
    public void close() {
        gate.writeLock().lock();
        try {
            closed = true;
        } finally {
            gate.writeLock().unlock();
        }
    }

    /** Whether the shim destroyed its instance (always false without a shim). */
    public boolean closed() {
        gate.readLock().lock();
        try {
            return closed;
        } finally {
            gate.readLock().unlock();
        }
    }

    /** Runs a call into the shim unless there is none or it is gone. */
    private void call(Consumer<Exports> call) {
        if (enter()) {
            try {
                call.accept(exports);
            } finally {
                leave();
            }
        }
    }

    // The gesture calls take the gate by hand, not through call(): a capturing lambda is an object
    // per call, and OSC makes these calls for every message of a flood.

    /** Takes the gate for one call; false (nothing taken) when there is no shim or it is gone. */
    private boolean enter() {
        if (exports == null) {
            return false;
        }
        gate.readLock().lock();
        if (closed) {
            gate.readLock().unlock();
            return false;
        }
        return true;
    }

    private void leave() {
        gate.readLock().unlock();
    }

    /** One whole edit as a host gesture: begin, perform, end. */
    public void edit(int paramIndex, float normalized) {
        if (enter()) {
            try {
                if (direct) {
                    ShimGestures.foldback_shim_begin_edit(instance, paramIndex);
                    ShimGestures.foldback_shim_perform_edit(instance, paramIndex, normalized);
                    ShimGestures.foldback_shim_end_edit(instance, paramIndex);
                } else {
                    exports.foldback_shim_begin_edit(instance, paramIndex);
                    exports.foldback_shim_perform_edit(instance, paramIndex, normalized);
                    exports.foldback_shim_end_edit(instance, paramIndex);
                }
            } finally {
                leave();
            }
        }
    }

    /** Starts a gesture (a fader drag): the host groups what follows into one undo step. */
    public void beginEdit(int paramIndex) {
        if (enter()) {
            try {
                if (direct) {
                    ShimGestures.foldback_shim_begin_edit(instance, paramIndex);
                } else {
                    exports.foldback_shim_begin_edit(instance, paramIndex);
                }
            } finally {
                leave();
            }
        }
    }

    public void performEdit(int paramIndex, float normalized) {
        if (enter()) {
            try {
                if (direct) {
                    ShimGestures.foldback_shim_perform_edit(instance, paramIndex, normalized);
                } else {
                    exports.foldback_shim_perform_edit(instance, paramIndex, normalized);
                }
            } finally {
                leave();
            }
        }
    }

    public void endEdit(int paramIndex) {
        if (enter()) {
            try {
                if (direct) {
                    ShimGestures.foldback_shim_end_edit(instance, paramIndex);
                } else {
                    exports.foldback_shim_end_edit(instance, paramIndex);
                }
            } finally {
                leave();
            }
        }
    }

    /** The host's current value of a parameter (normalized); NaN when there is no shim or it is gone. */
    public float value(int paramIndex) {
        if (exports == null) {
            return Float.NaN;
        }
        gate.readLock().lock();
        try {
            return closed ? Float.NaN : exports.foldback_shim_get_value(instance, paramIndex);
        } finally {
            gate.readLock().unlock();
        }
    }

    /** Asks the shim to load factory preset {@code index} as the host's current program. */
    public void setProgram(int index) {
        call(e -> e.foldback_shim_set_program(instance, index));
    }

    /** Tells the host that state beside the parameters changed (a cue name, the meter reference). */
    public void stateChanged() {
        call(e -> e.foldback_shim_state_changed(instance));
    }

    /**
     * Java loaded a whole state by itself (a user preset from the editor): the shim takes every
     * value, the host hears of them as parameter changes, and is told the state changed.
     */
    public void stateLoaded() {
        call(e -> e.foldback_shim_state_loaded(instance));
    }

    /**
     * The shim's block-time telemetry into {@code into} (slots {@code Boundary.TELEMETRY_*});
     * returns how many slots were filled, 0 without a shim. Lock-free on the shim's side; not for
     * the audio thread (JNA copies the array). For the editor's "DSP 7 %, late 0".
     */
    public int blockTelemetry(double[] into) {
        if (exports == null) {
            return 0;
        }
        gate.readLock().lock();
        try {
            return closed ? 0 : exports.foldback_shim_block_telemetry(instance, into,
                    Math.min(into.length, Boundary.TELEMETRY_SLOTS));
        } finally {
            gate.readLock().unlock();
        }
    }
}
