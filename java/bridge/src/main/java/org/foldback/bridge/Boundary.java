package org.foldback.bridge;

import org.foldback.engine.Layout;
import org.foldback.engine.dsp.Decibels;
import org.foldback.engine.param.Params;

/**
 * The facts the native shim and Java share, defined here once. {@link BoundaryHeader} writes them
 * into the C++ header the shim compiles against (build/native/generated/Boundary.h), together with
 * the JNI entry table, the editor's event codes and the parameter table. Nothing on the C++ side
 * repeats one of these by hand.
 */
public final class Boundary {
    private Boundary() {}

    /**
     * Version of the C functions the shim exports for Java (ShimCalls, through JNA). 2: get_value
     * and set_program; 3: state_changed; 4: state_loaded; 5: the version comes from this contract,
     * set_latency removed (nothing called it); 6: block_telemetry.
     */
    public static final int ABI_VERSION = 6;

    /** Name of program 0: the state a new instance starts in, before any factory preset. */
    public static final String DEFAULT_PROGRAM = "Default";

    /** The main input is source 1; the others are the host's aux (sidechain) inputs. */
    public static String sourceBusName(int source) {
        return source == 0 ? "Main In" : "Source " + (source + 1);
    }

    public static String cueBusName(int cue) {
        return "Cue " + (cue + 1);
    }

    /**
     * The layouts the plugin accepts: every bus stereo or disabled, and the main input and cue 1
     * present, since they carry the pass-through when Java is missing.
     */
    public static final int REQUIRED_SOURCE_BUSES = 1;
    public static final int REQUIRED_CUE_BUSES = 1;

    /**
     * Without Java the shim passes the main input to cue 1, held under the limiter's default
     * ceiling (a linear sample value).
     */
    public static float fallbackCeiling() {
        return Decibels.toGain(Params.get(Params.cue(0).ceiling()).defaultValue());
    }

    /**
     * The change buffer: how host parameter changes reach {@code process} without a JNI call
     * each. {@link #CHANGE_CAPACITY} int indices first, then as many float normalized values;
     * the first {@code changeCount} of each are the block's changes.
     */
    public static final int CHANGE_CAPACITY = Params.count();
    public static final int CHANGE_INDICES_OFFSET_BYTES = 0;
    public static final int CHANGE_VALUES_OFFSET_BYTES = CHANGE_CAPACITY * Integer.BYTES;
    public static final int CHANGE_BUFFER_BYTES = CHANGE_VALUES_OFFSET_BYTES + CHANGE_CAPACITY * Float.BYTES;

    /**
     * Slots of the shim's block-time telemetry (foldback_shim_block_telemetry, ShimCalls.blockTelemetry):
     * counts and nanoseconds since the host last prepared the plugin (native/shim/BlockTelemetry.h).
     * DSP % = PROCESS_NANOS / AUDIO_NANOS (or their differences between two reads); a block is late
     * when processBlock took over half its period.
     */
    public static final int TELEMETRY_BLOCKS = 0;
    public static final int TELEMETRY_LATE_BLOCKS = 1;
    public static final int TELEMETRY_PROCESS_NANOS = 2;
    public static final int TELEMETRY_JAVA_NANOS = 3;
    public static final int TELEMETRY_AUDIO_NANOS = 4;
    public static final int TELEMETRY_WORST_PROCESS_NANOS = 5;
    public static final int TELEMETRY_WORST_JAVA_NANOS = 6;
    public static final int TELEMETRY_LAST_PROCESS_NANOS = 7;
    public static final int TELEMETRY_LAST_JAVA_NANOS = 8;
    public static final int TELEMETRY_SLOTS = 9;

    /** Buses, as the engine defines them. */
    public static final int MAX_SOURCES = Layout.MAX_SOURCES;
    public static final int MAX_CUES = Layout.MAX_CUES;
    public static final int CHANNELS_PER_BUS = Layout.CHANNELS_PER_BUS;
}
