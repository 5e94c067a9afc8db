package org.foldback.bridge;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * Calls from Java into the native shim, through JNA: edit gestures the host must record
 * (begin, perform, end), repaint requests and latency. The shim exports these as plain C
 * functions taking the instance handle it gave us.
 */
public final class ShimCalls {
    /** The C functions the shim exports (see native/shim/ShimExports.cpp). */
    interface Exports extends Library {
        void foldback_shim_begin_edit(Pointer instance, int paramIndex);

        void foldback_shim_perform_edit(Pointer instance, int paramIndex, float normalized);

        void foldback_shim_end_edit(Pointer instance, int paramIndex);

        void foldback_shim_set_latency(Pointer instance, int samples);

        float foldback_shim_get_value(Pointer instance, int paramIndex);

        void foldback_shim_set_program(Pointer instance, int index);

        void foldback_shim_state_changed(Pointer instance);

        void foldback_shim_state_loaded(Pointer instance);

        int foldback_shim_abi_version();

        int foldback_shim_block_telemetry(Pointer instance, double[] out, int count);
    }

    /**
     * Slots of {@link #blockTelemetry}: counts and nanoseconds since the host last prepared the
     * plugin (native/shim/BlockTelemetry.h). DSP % = PROCESS_NANOS / AUDIO_NANOS (or their
     * differences between two reads); a block is late when processBlock took over half its period.
     */
    public static final int TELEMETRY_BLOCKS = 0, TELEMETRY_LATE_BLOCKS = 1, TELEMETRY_PROCESS_NANOS = 2,
            TELEMETRY_JAVA_NANOS = 3, TELEMETRY_AUDIO_NANOS = 4, TELEMETRY_WORST_PROCESS_NANOS = 5,
            TELEMETRY_WORST_JAVA_NANOS = 6, TELEMETRY_LAST_PROCESS_NANOS = 7, TELEMETRY_LAST_JAVA_NANOS = 8,
            TELEMETRY_SLOTS = 9;

    /** The ABI version this Java code expects from the shim. */
    static final int ABI_VERSION = 5;   // 5: block_telemetry

    private final Exports exports;
    private final Pointer instance;

    private ShimCalls(Exports exports, Pointer instance) {
        this.exports = exports;
        this.instance = instance;
    }

    /** Connects to the shim binary at {@code library}, or to nothing when it is empty. */
    static ShimCalls connect(long handle, String library) {
        if (library == null || library.isEmpty() || handle == 0) {
            return new ShimCalls(null, null);
        }
        // A plugin is a shared library we can open by path; the standalone is an executable, whose
        // exported symbols JNA finds in the running process instead.
        Exports e = library.endsWith(".so")
                ? Native.load(library, Exports.class)
                : Native.load(Exports.class);
        int abi = e.foldback_shim_abi_version();
        if (abi != ABI_VERSION) {
            throw new IllegalStateException("shim ABI " + abi + " but Java expects " + ABI_VERSION);
        }
        return new ShimCalls(e, new Pointer(handle));
    }

    public boolean connected() {
        return exports != null;
    }

    /** One whole edit as a host gesture: begin, perform, end. */
    public void edit(int paramIndex, float normalized) {
        if (exports == null) {
            return;
        }
        exports.foldback_shim_begin_edit(instance, paramIndex);
        exports.foldback_shim_perform_edit(instance, paramIndex, normalized);
        exports.foldback_shim_end_edit(instance, paramIndex);
    }

    /** Starts a gesture (a fader drag): the host groups what follows into one undo step. */
    public void beginEdit(int paramIndex) {
        if (exports != null) {
            exports.foldback_shim_begin_edit(instance, paramIndex);
        }
    }

    public void performEdit(int paramIndex, float normalized) {
        if (exports != null) {
            exports.foldback_shim_perform_edit(instance, paramIndex, normalized);
        }
    }

    public void endEdit(int paramIndex) {
        if (exports != null) {
            exports.foldback_shim_end_edit(instance, paramIndex);
        }
    }

    /** The host's current value of a parameter (normalized); NaN when there is no shim. */
    public float value(int paramIndex) {
        return exports == null ? Float.NaN : exports.foldback_shim_get_value(instance, paramIndex);
    }

    /** Asks the shim to load factory preset {@code index} as the host's current program. */
    public void setProgram(int index) {
        if (exports != null) {
            exports.foldback_shim_set_program(instance, index);
        }
    }

    /** Tells the host that state beside the parameters changed (a cue name, the meter reference). */
    public void stateChanged() {
        if (exports != null) {
            exports.foldback_shim_state_changed(instance);
        }
    }

    /**
     * Java loaded a whole state by itself (a user preset from the editor): the shim takes every
     * value, the host hears of them as parameter changes, and is told the state changed.
     */
    public void stateLoaded() {
        if (exports != null) {
            exports.foldback_shim_state_loaded(instance);
        }
    }

    public void setLatency(int samples) {
        if (exports != null) {
            exports.foldback_shim_set_latency(instance, samples);
        }
    }

    /**
     * The shim's block-time telemetry into {@code into} (slots TELEMETRY_*); returns how many
     * slots were filled, 0 without a shim. Lock-free on the shim's side; not for the audio thread
     * (JNA copies the array). For the editor's "DSP 7 %, late 0".
     */
    public int blockTelemetry(double[] into) {
        if (exports == null) {
            return 0;
        }
        return exports.foldback_shim_block_telemetry(instance, into, Math.min(into.length, TELEMETRY_SLOTS));
    }
}
