package org.foldback.control;

import java.util.List;
import org.foldback.engine.dose.DoseReading;
import org.foldback.engine.dose.SafeCeiling;
import org.foldback.engine.meter.MeterReading;
import org.foldback.engine.param.ParamReader;
import org.foldback.engine.param.Params;

/**
 * What a control surface may do with one Foldback instance: the editor, the web remote and OSC
 * use this and nothing else (they compile against the foldback-control module, which cannot see
 * the bridge). The lifecycle adapter the shim calls (prepare, process, state, programs) is a
 * different object; a surface never sees it.
 *
 * <h2>Threads</h2>
 * Every method may be called from any non-audio thread: the message thread (the editor's input),
 * the OpenGL thread (the editor's drawing: reads only), a surface's own threads (the remote's and
 * OSC's servers). No method waits for the audio thread, and the audio thread never calls here.
 * Reads ({@link #params}, {@link #snapshot}, meters) take no lock; changes of the state beside the
 * parameters are serialized inside the instance. docs/ARCHITECTURE-controller.md has the table.
 *
 * <h2>Edits</h2>
 * A parameter edit is a gesture: {@link #beginEdit}, one or more {@link #performEdit}, {@link
 * #endEdit}. It reaches the host exactly as an edit made in the editor does (the shim hands it to
 * the host on the host's message thread, in order), so automation, undo and the saved session
 * record it, and every other surface sees it. Values are normalized (0..1), as hosts store them.
 * Without a host (tests, the command line) an edit applies to the parameters directly.
 *
 * <h2>Being told of changes</h2>
 * Surfaces poll at their own rate: {@link #changes()} gives a cursor that reports what changed
 * since its last poll (parameters, and the state snapshot). Polling costs the audio thread nothing
 * and a vanished client nothing.
 */
public interface Controller {

    // ---- Identity --------------------------------------------------------------------------------

    /** A number for this instance, unique in this process and never reused (1, 2, ...). */
    int id();

    /** The name surfaces list this instance under: set by the engineer, else "Foldback N". */
    String name();

    /** Sets the instance's name; blank restores the default. */
    void setName(String name);

    /** How many sources and cues the host enabled (buses); surfaces show only these. */
    int sourceCount();

    int cueCount();

    // ---- Parameters ------------------------------------------------------------------------------

    /**
     * The values the engine plays now, plain units, read-only and lock-free: for drawing every
     * frame and for polling (no call into the host). The host's own value may be a block ahead:
     * start an edit from {@link #value}.
     */
    ParamReader params();

    /** The parameter's value now, normalized: the host's when there is one (one call into the shim), else Java's. */
    float value(int param);

    /** The value as the host shows it, e.g. "-6.0 dB", "On", "L40". */
    default String text(int param) {
        return format(param, value(param));
    }

    /** The text for a normalized value of a parameter. */
    String format(int param, float normalized);

    /** A text typed for a parameter, normalized; NaN when it means nothing for that parameter. */
    float parse(int param, String text);

    void beginEdit(int param);

    /** One step of a gesture; a value outside 0..1 is clamped, NaN is ignored. */
    void performEdit(int param, float normalized);

    void endEdit(int param);

    /** A whole gesture (begin, perform, end) for a click or a typed value. */
    default void edit(int param, float normalized) {
        beginEdit(param);
        performEdit(param, normalized);
        endEdit(param);
    }

    // ---- Meters (lock-free reads; never wait for the audio thread) ---------------------------------

    /** Reads cue {@code cue}'s meters (0-based) into {@code into}; false when this instance has no meters. */
    boolean readCueMeter(int cue, MeterReading into);

    /** Reads source {@code source}'s meters (0-based) into {@code into}; false when there are none. */
    boolean readSourceMeter(int source, MeterReading into);

    /** Whether cue {@code cue}'s safety limiter is reducing gain now. */
    boolean limiting(int cue);

    /** Resets a cue's meters: {@code what} is a set of BusMeter.RESET_ bits. */
    void resetCueMeter(int cue, int what);

    // ---- Hearing dose (ITU-T H.870) and the maximum level ----------------------------------------

    /**
     * Reads cue {@code cue}'s hearing dose into {@code into}: share of the weekly allowance and the
     * last second's LAeq, or {@link DoseReading#calibrated} false (show "uncalibrated", never a
     * number). Lock-free. False when this instance measures no dose.
     */
    boolean readDose(int cue, DoseReading into);

    /**
     * Reads this instance's DSP load into {@code into} (the shim's block timing, refreshed twice a
     * second). Lock-free, no allocation. False, and {@link DspLoad#known} false, when nothing has
     * been measured: before the host plays, or without a shim.
     */
    default boolean readDspLoad(DspLoad into) {
        into.known = false;
        return false;
    }

    /** Cue {@code cue}'s calibration: dB SPL of a full-scale sine; NaN = uncalibrated. */
    double calibration(int cue);

    /**
     * Sets cue {@code cue}'s calibration ("0 dBFS = N dB SPL", 60-140), or clears it with NaN.
     * State, not a parameter: saved with the session, told to the host as a state change. Returns
     * null when set, else why nothing changed.
     */
    String setCalibration(int cue, double dbSpl);

    /** Clears cue {@code cue}'s dose so far (a new day, a new performer). */
    void resetDose(int cue);

    /**
     * The ceiling cue {@code cue}'s limiter uses, in dBFS: {@code cueN.limiter.ceiling}, or lower
     * where {@code cueN.maxspl} and the calibration say so ({@link SafeCeiling}: the stricter wins).
     */
    default float ceilingDb(int cue) {
        ParamReader p = params();
        return SafeCeiling.ceilingDb(p.get(Params.cue(cue).ceiling()),
                p.get(Params.cue(cue).maxSpl()), calibration(cue));
    }

    /** Whether cue {@code cue}'s maximum level rules its limiter now (on and calibrated; the limiter is then on). */
    default boolean maxLevelInForce(int cue) {
        return SafeCeiling.inForce(params().get(Params.cue(cue).maxSpl()), calibration(cue));
    }

    void resetSourceMeter(int source, int what);

    /**
     * A surface starts showing figures of cue {@code cue}'s meters ({@code figures}: MeterDemand
     * bits). Meters cost what is read: a figure nobody shows is not computed (it reads NaN), except
     * what must accumulate (MeterDemand.CUE_DEFAULT, SOURCE_DEFAULT). Counted per figure, so
     * several surfaces may show the same one; each {@code showCueMeters} needs its {@link
     * #hideCueMeters} with the same bits. Allocation-free: the editor calls it on a tab change.
     */
    void showCueMeters(int cue, int figures);

    void hideCueMeters(int cue, int figures);

    // ---- The state beside the parameters ---------------------------------------------------------

    /**
     * An immutable copy of the names, meter reference, A/B slot, program, loaded user preset and
     * notice: one volatile read, safe on any thread, every frame.
     */
    StateSnapshot snapshot();

    /** Renames a cue (cut to Layout.MAX_NAME_LENGTH); the host is told the session changed. */
    void renameCue(int cue, String name);

    /** 0 VU at -18 (EBU R68) or -20 dBFS (SMPTE RP155); other values are ignored. The host is told the session changed. */
    void setMeterReference(int dbfs);

    /**
     * A/B compare: the live values go into the active slot, the other slot's values reach the host
     * as one gesture per parameter that changes (bypass excepted), so host and plugin agree.
     */
    void selectSlot(boolean b);

    /** Copies the active slot over the other one (A to B when A is active); the live values do not change. */
    void copySlot();

    // ---- Programs and presets (message or background thread: they may read files) ----------------

    /** Program 0 is the default state, then the factory presets. */
    List<String> programNames();

    /** Loads a program through the host's program change, so the host knows. */
    void selectProgram(int index);

    /** The user's preset names, sorted; empty when none or unreadable. */
    List<String> userPresets();

    /**
     * Loads a user preset as the whole state (the host hears of every value and that the state
     * changed; its program stays). Each of these returns null when done, else why not (also put
     * in the snapshot's notice).
     */
    String loadUserPreset(String name);

    /** Saves the current state (both slots, names, meter reference) as a new user preset; refuses a taken name. */
    String saveUserPreset(String name);

    String renameUserPreset(String from, String to);

    String deleteUserPreset(String name);

    // ---- Changes ---------------------------------------------------------------------------------

    /** A new cursor over this instance's changes; each surface (or client) keeps its own. */
    Changes changes();

    // ---- Sources, "me" marks and the web remote ------------------------------------------------
    // Added for the web remote (issue 13). Names, colours and marks are saved with the state and
    // presets; the remote's settings (on/off, port, per-cue PINs and locks) with the session only.

    /** Source {@code source}'s name (0-based), e.g. "Kick"; "Src N" until named. */
    String sourceName(int source);

    /** Source {@code source}'s colour, "#rrggbb". */
    String sourceColour(int source);

    /** Names a source; the host is told the session changed. */
    void setSourceName(int source, String name);

    /** Whether cue {@code cue}'s performer marked source {@code source} as "me". */
    boolean isMe(int cue, int source);

    /** Marks or unmarks a source as "me" for a cue; the host is told the session changed. */
    void setMe(int cue, int source, boolean me);

    /** Whether the engineer switched the web remote on for this instance. */
    boolean remoteEnabled();

    /** The port the engineer chose for the web remote. */
    int remotePort();

    /** Switches the remote on or off and sets its port (1024-65535); the process's server follows. */
    void setRemote(boolean enabled, int port);

    /** Cue {@code cue}'s remote PIN, six digits; made (at random) the first time it is asked for. Never log it. */
    String remotePin(int cue);

    /** Gives cue {@code cue} a new random PIN; every remote session of that cue ends. Returns it. */
    String regenerateRemotePin(int cue);

    /** Whether a cue is locked: its remote clients may look but not change. */
    boolean remoteLocked(int cue);

    void setRemoteLocked(int cue, boolean locked);

    // ---- OSC (issue 15) --------------------------------------------------------------------------
    // The OSC server's settings, saved with the session only (never in presets), like the remote's.
    // One server runs per process, on the settings of the first running instance that has OSC on.

    /** Whether the engineer switched OSC on for this instance (off by default). */
    boolean oscEnabled();

    /** The UDP port the OSC server listens on. */
    int oscPort();

    /** IP addresses or CIDR blocks whose OSC messages are accepted; loopback only by default. */
    List<String> oscAllowed();

    /**
     * Switches OSC on or off, sets its port (1024-65535) and allowed client addresses (IP
     * literals or CIDR blocks, no host names); the process's server follows. Returns null when
     * done, else why nothing changed.
     */
    String setOsc(boolean enabled, int port, List<String> allowed);

    /**
     * What the process's OSC server is doing (one server serves every instance): its port, a
     * problem such as a port in use, the clients heard from lately. The same object until
     * something changes, so drawing it every frame costs a read.
     */
    default OscStatus oscStatus() {
        return Controllers.oscStatus();
    }

    /**
     * What the process's web remote is doing (one server serves every instance): address, port,
     * a problem such as a port in use with a free one offered, the phones and their cues, the QR
     * code. The same object until something changes, so drawing it every frame costs a read.
     */
    default RemoteStatus remoteStatus() {
        return Controllers.remoteStatus();
    }

    /** Ends one phone's session on the process's web remote (the engineer's "disconnect"). */
    default void disconnectPhone(RemoteStatus.Phone phone) {
        Controllers.disconnect(phone);
    }

    /**
     * Whether the host runs this instance now: false from the host's release until its next
     * prepare (the instance may be deleted then); surfaces that outlive instances drop it.
     */
    boolean running();
}
