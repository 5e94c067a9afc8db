package org.foldback.bridge;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * Calls from Java into the native shim, through JNA: edit gestures the host must record
 * (begin, perform, end), the host's current values, program changes and "the state changed".
 * The shim exports these as plain C functions taking the instance handle it gave us
 * (native/shim/ShimExports.cpp); BoundaryTest checks both sides declare the same functions.
 *
 * <p>JNA starts at the first call that needs the shim ({@link #bind}), never at the instance's
 * creation: nothing on the way to the first block calls the shim from Java, and starting JNA
 * (its classes, its native library, binding the exports) was about 50 ms of the first instance's
 * start (native/bench/PERFORMANCE.md, "Session 9"). The callers are surfaces (the editor, the web
 * remote, OSC) on their own threads and the host's message thread; never the audio thread.
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

    /** The shim's exports bound for one instance; made on the first call that needs them. */
    private record Bound(Exports exports, Pointer instance, boolean direct) {}

    /** The shim binary's path, or null for no shim (tests, the JIT warm-up, the command line). */
    private final String library;
    private final long handle;
    /** Null until the first call into the shim (then bound for good, or {@link #UNREACHABLE}). */
    private volatile Bound bound;
    /** What binding ran into, when it failed; only read after {@link #bound} says so. */
    private String unreachable;
    private static final Bound UNREACHABLE = new Bound(null, null, false);

    private ShimCalls(String library, long handle, Bound bound) {
        this.library = library;
        this.handle = handle;
        this.bound = bound;
    }

    /** Calls into {@code exports} for the instance {@code handle}: tests record the calls a shim would get. */
    static ShimCalls over(Exports exports, long handle) {
        return new ShimCalls("(test)", handle, new Bound(exports, new Pointer(handle), false));
    }

    /**
     * The shim binary at {@code library} for the instance {@code handle}, or no shim when it is
     * empty. Nothing is loaded here: JNA starts at the first call that needs the shim (a
     * surface's edit, the editor opening), not on the instance's start path, which makes sound
     * without it (native/bench/PERFORMANCE.md, "Session 9").
     */
    static ShimCalls connect(long handle, String library) {
        boolean none = library == null || library.isEmpty() || handle == 0;
        return new ShimCalls(none ? null : library, handle, null);
    }

    /**
     * Starts JNA and binds the shim's exports for this instance, unless done; true when the shim
     * can be called. Never on the audio thread (it loads classes and a native library); any other
     * thread, once per instance (the first caller binds, the others wait for it). A failure is
     * logged once and leaves the instance unreachable: its calls then do nothing.
     */
    public boolean bind() {
        Bound b = bound;
        if (b == null) {
            b = bindOnce();
        }
        return b.exports() != null;
    }

    /** Why {@link #bind} failed, or null when it did not (or was not tried). */
    public synchronized String unreachableReason() {
        return unreachable;
    }

    private synchronized Bound bindOnce() {
        if (bound != null) {
            return bound;
        }
        Bound b;
        if (library == null) {
            b = UNREACHABLE;
        } else {
            try {
                b = load(library, handle);
            } catch (RuntimeException | LinkageError e) {
                unreachable = "the plugin's shim cannot be called through JNA: " + e;
                BridgeLog.line(unreachable + " (edits from the editor, the remote and OSC do not reach the host)");
                b = UNREACHABLE;
            }
        }
        bound = b;
        return b;
    }

    /** Set by the JVM's first bind, which logs what JNA's start cost (once: the others are quick). */
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private static Bound load(String library, long handle) {
        long started = System.nanoTime();
        // A plugin is a shared library we can open by path (the JUCE formats' .so, Foldback.clap);
        // the standalone is an executable, whose exported symbols JNA finds in the running process.
        boolean path = library.endsWith(".so") || library.endsWith(".clap");
        JnaStart.prepare();
        Exports e = path ? Native.load(library, Exports.class) : Native.load(Exports.class);
        int abi = e.foldback_shim_abi_version();
        if (abi != Boundary.ABI_VERSION) {
            throw new IllegalStateException("shim ABI " + abi + " but Java expects " + Boundary.ABI_VERSION);
        }
        Bound b = new Bound(e, new Pointer(handle), path && ShimGestures.bind(library));
        if (STARTED.compareAndSet(false, true)) {
            BridgeLog.line(String.format("JNA started at the first call into the shim (%s), in %.0f ms",
                    Thread.currentThread().getName(), (System.nanoTime() - started) / 1e6));
        }
        return b;
    }

    /** The bound exports, binding now if this is the first call; null when there is no shim to call. */
    private Bound exports() {
        Bound b = bound;
        if (b == null) {
            b = bindOnce();
        }
        return b.exports() == null ? null : b;
    }

    /** Whether there is a shim (a host) behind this instance; true before the first call binds it. */
    public boolean connected() {
        return library != null;
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
    private void call(Consumer<Bound> call) {
        Bound b = enter();
        if (b != null) {
            try {
                call.accept(b);
            } finally {
                leave();
            }
        }
    }

    // The gesture calls take the gate by hand, not through call(): a capturing lambda is an object
    // per call, and OSC makes these calls for every message of a flood.

    /**
     * Binds the shim on the first call, then takes the gate for one call; null (nothing taken)
     * when there is no shim or it is gone. Binding happens outside the gate, so dispose never
     * waits for JNA to start.
     */
    private Bound enter() {
        Bound b = exports();
        if (b == null) {
            return null;
        }
        gate.readLock().lock();
        if (closed) {
            gate.readLock().unlock();
            return null;
        }
        return b;
    }

    private void leave() {
        gate.readLock().unlock();
    }

    /** One whole edit as a host gesture: begin, perform, end. */
    public void edit(int paramIndex, float normalized) {
        Bound b = enter();
        if (b != null) {
            try {
                if (b.direct()) {
                    ShimGestures.foldback_shim_begin_edit(b.instance(), paramIndex);
                    ShimGestures.foldback_shim_perform_edit(b.instance(), paramIndex, normalized);
                    ShimGestures.foldback_shim_end_edit(b.instance(), paramIndex);
                } else {
                    b.exports().foldback_shim_begin_edit(b.instance(), paramIndex);
                    b.exports().foldback_shim_perform_edit(b.instance(), paramIndex, normalized);
                    b.exports().foldback_shim_end_edit(b.instance(), paramIndex);
                }
            } finally {
                leave();
            }
        }
    }

    /** Starts a gesture (a fader drag): the host groups what follows into one undo step. */
    public void beginEdit(int paramIndex) {
        Bound b = enter();
        if (b != null) {
            try {
                if (b.direct()) {
                    ShimGestures.foldback_shim_begin_edit(b.instance(), paramIndex);
                } else {
                    b.exports().foldback_shim_begin_edit(b.instance(), paramIndex);
                }
            } finally {
                leave();
            }
        }
    }

    public void performEdit(int paramIndex, float normalized) {
        Bound b = enter();
        if (b != null) {
            try {
                if (b.direct()) {
                    ShimGestures.foldback_shim_perform_edit(b.instance(), paramIndex, normalized);
                } else {
                    b.exports().foldback_shim_perform_edit(b.instance(), paramIndex, normalized);
                }
            } finally {
                leave();
            }
        }
    }

    public void endEdit(int paramIndex) {
        Bound b = enter();
        if (b != null) {
            try {
                if (b.direct()) {
                    ShimGestures.foldback_shim_end_edit(b.instance(), paramIndex);
                } else {
                    b.exports().foldback_shim_end_edit(b.instance(), paramIndex);
                }
            } finally {
                leave();
            }
        }
    }

    /** The host's current value of a parameter (normalized); NaN when there is no shim or it is gone. */
    public float value(int paramIndex) {
        Bound b = enter();
        if (b == null) {
            return Float.NaN;
        }
        try {
            return b.exports().foldback_shim_get_value(b.instance(), paramIndex);
        } finally {
            leave();
        }
    }

    /** Asks the shim to load factory preset {@code index} as the host's current program. */
    public void setProgram(int index) {
        call(b -> b.exports().foldback_shim_set_program(b.instance(), index));
    }

    /** Tells the host that state beside the parameters changed (a cue name, the meter reference). */
    public void stateChanged() {
        call(b -> b.exports().foldback_shim_state_changed(b.instance()));
    }

    /**
     * Java loaded a whole state by itself (a user preset from the editor): the shim takes every
     * value, the host hears of them as parameter changes, and is told the state changed.
     */
    public void stateLoaded() {
        call(b -> b.exports().foldback_shim_state_loaded(b.instance()));
    }

    /**
     * The shim's block-time telemetry into {@code into} (slots {@code Boundary.TELEMETRY_*});
     * returns how many slots were filled, 0 without a shim. Lock-free on the shim's side; not for
     * the audio thread (JNA copies the array). For the editor's "DSP 7 %, late 0".
     */
    public int blockTelemetry(double[] into) {
        Bound b = enter();
        if (b == null) {
            return 0;
        }
        try {
            return b.exports().foldback_shim_block_telemetry(b.instance(), into,
                    Math.min(into.length, Boundary.TELEMETRY_SLOTS));
        } finally {
            leave();
        }
    }
}
