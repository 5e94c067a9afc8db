package org.foldback.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.foldback.engine.Layout;
import org.foldback.engine.dose.HearingDose;
import org.foldback.engine.meter.VuReference;
import org.foldback.engine.param.ParamStore;

/**
 * Everything a host session stores for one Foldback instance: the parameter values of both A/B
 * slots (the active one is what the live {@link ParamStore} plays), the cue names, the source names
 * and colours, each cue's "me" marks, the web remote's settings (session only), the meter
 * reference level, and any JSON a newer version wrote that this one does not understand (kept to
 * be written back).
 *
 * <p>The live parameter values are in the {@link ParamStore}; call {@link #capture} before
 * encoding and {@link #applyTo} after decoding. Not thread-safe: use from the message or a
 * background thread; the audio thread only ever sees the store.
 */
public final class PluginState {
    public static final int CUE_COUNT = Layout.MAX_CUES;
    public static final int SOURCE_COUNT = Layout.MAX_SOURCES;
    /** Longest cue name, in code points; longer names are cut when loaded or set. */
    public static final int MAX_CUE_NAME_LENGTH = Layout.MAX_NAME_LENGTH;
    /** 0 VU = -18 dBFS (EBU R68), the default, or -20 dBFS (SMPTE RP155). */
    public static final int METER_REFERENCE_EBU = (int) VuReference.EBU_R68.dbfs;
    public static final int METER_REFERENCE_SMPTE = (int) VuReference.SMPTE_RP155.dbfs;

    private ParamValues slotA = ParamValues.defaults();
    private ParamValues slotB = ParamValues.defaults();
    private Slot active = Slot.A;
    private final String[] cueNames = new String[CUE_COUNT];
    private int meterReferenceDbfs = METER_REFERENCE_EBU;
    private int program;
    private final String[] sourceNames = new String[SOURCE_COUNT];
    private final String[] sourceColours = new String[SOURCE_COUNT];
    /** Per cue, bit s set when the cue's performer marked source s as "me" (for "more me"). */
    private final int[] meMarks = new int[CUE_COUNT];
    /** Per cue, "0 dBFS = N dB SPL" for that performer's amp and headphones; NaN = uncalibrated. */
    private final double[] calibrations = new double[CUE_COUNT];
    private RemoteSettings remote = RemoteSettings.OFF;
    private OscSettings osc = OscSettings.OFF;

    // JSON this version does not understand, by where it was found; written back in file order.
    final Map<String, JsonNode> extraTop = new LinkedHashMap<>();
    final Map<String, JsonNode> extraMeter = new LinkedHashMap<>();
    final Map<String, JsonNode> extraAb = new LinkedHashMap<>();
    final List<Map<String, JsonNode>> extraPerCue = new ArrayList<>();
    final List<JsonNode> extraCues = new ArrayList<>();
    final List<Map<String, JsonNode>> extraPerSource = new ArrayList<>();
    final Map<String, JsonNode> extraRemote = new LinkedHashMap<>();
    final Map<String, JsonNode> extraOsc = new LinkedHashMap<>();

    /** Defaults everywhere: every parameter's default, cue names "Cue 1".."Cue 8", -18 dBFS. */
    public PluginState() {
        for (int c = 0; c < CUE_COUNT; c++) {
            cueNames[c] = defaultCueName(c);
            calibrations[c] = Double.NaN;
            extraPerCue.add(new LinkedHashMap<>());
        }
        for (int src = 0; src < SOURCE_COUNT; src++) {
            sourceNames[src] = defaultSourceName(src);
            sourceColours[src] = SourceColours.defaultFor(src);
            extraPerSource.add(new LinkedHashMap<>());
        }
    }

    /** "Src 1".."Src 16": the text the talkback and click source choices show. */
    public static String defaultSourceName(int source) {
        return "Src " + (source + 1);
    }

    public static String defaultCueName(int cue) {
        return "Cue " + (cue + 1);
    }

    /** A deep copy. */
    public PluginState copy() {
        PluginState s = new PluginState();
        s.slotA = slotA.copy();
        s.slotB = slotB.copy();
        s.active = active;
        System.arraycopy(cueNames, 0, s.cueNames, 0, CUE_COUNT);
        s.meterReferenceDbfs = meterReferenceDbfs;
        s.program = program;
        s.extraTop.putAll(extraTop);
        s.extraMeter.putAll(extraMeter);
        s.extraAb.putAll(extraAb);
        for (int c = 0; c < CUE_COUNT; c++) {
            s.extraPerCue.get(c).putAll(extraPerCue.get(c));
        }
        s.extraCues.addAll(extraCues);
        System.arraycopy(sourceNames, 0, s.sourceNames, 0, SOURCE_COUNT);
        System.arraycopy(sourceColours, 0, s.sourceColours, 0, SOURCE_COUNT);
        System.arraycopy(meMarks, 0, s.meMarks, 0, CUE_COUNT);
        System.arraycopy(calibrations, 0, s.calibrations, 0, CUE_COUNT);
        for (int src = 0; src < SOURCE_COUNT; src++) {
            s.extraPerSource.get(src).putAll(extraPerSource.get(src));
        }
        s.remote = remote;
        s.extraRemote.putAll(extraRemote);
        s.osc = osc;
        s.extraOsc.putAll(extraOsc);
        return s;
    }

    /** The values of the active slot: what the live store plays once applied. */
    public ParamValues params() {
        return slot(active);
    }

    public ParamValues slot(Slot slot) {
        return slot == Slot.A ? slotA : slotB;
    }

    void setSlot(Slot slot, ParamValues values) {
        if (slot == Slot.A) {
            slotA = values;
        } else {
            slotB = values;
        }
    }

    public Slot activeSlot() {
        return active;
    }

    void setActiveSlot(Slot slot) {
        active = slot;
    }

    public String cueName(int cue) {
        return cueNames[cue];
    }

    /** Sets a cue's name; lone UTF-16 surrogates become U+FFFD and long names are cut. */
    public void setCueName(int cue, String name) {
        cueNames[cue] = CueNames.clean(name);
    }

    public List<String> cueNames() {
        return List.of(cueNames);
    }

    public String sourceName(int source) {
        return sourceNames[source];
    }

    /** Names a source ("Kick", "Bass DI"); cleaned and cut as cue names are. */
    public void setSourceName(int source, String name) {
        sourceNames[source] = CueNames.clean(name);
    }

    public List<String> sourceNames() {
        return List.of(sourceNames);
    }

    /** A source's colour as "#rrggbb" (lower case). */
    public String sourceColour(int source) {
        return sourceColours[source];
    }

    public void setSourceColour(int source, String colour) {
        sourceColours[source] = SourceColours.check(colour);
    }

    /** Whether cue {@code cue}'s performer marked source {@code source} as "me". */
    public boolean isMe(int cue, int source) {
        return (meMarks[cue] & (1 << source)) != 0;
    }

    public void setMe(int cue, int source, boolean me) {
        if (source < 0 || source >= SOURCE_COUNT) {
            throw new IllegalArgumentException("no source " + (source + 1));
        }
        meMarks[cue] = me ? meMarks[cue] | (1 << source) : meMarks[cue] & ~(1 << source);
    }

    /**
     * Cue {@code cue}'s calibration: the dB SPL a full-scale sine plays at through its performer's
     * amp and headphones; NaN = uncalibrated (the hearing dose then shows no number). Not a
     * parameter: it describes the hardware, not the mix, and no host should automate it.
     */
    public double calibration(int cue) {
        return calibrations[cue];
    }

    /** Sets cue {@code cue}'s calibration ({@link #CALIBRATION_MIN_DB_SPL}..{@link #CALIBRATION_MAX_DB_SPL}, or NaN for none). */
    public void setCalibration(int cue, double dbSpl) {
        calibrations[cue] = checkCalibration(dbSpl);
    }

    /** Lowest and highest calibration: a full-scale sine from a quiet in-ear to a loud headphone amp. */
    public static final double CALIBRATION_MIN_DB_SPL = HearingDose.CALIBRATION_MIN_DB_SPL;
    public static final double CALIBRATION_MAX_DB_SPL = HearingDose.CALIBRATION_MAX_DB_SPL;

    /** {@code dbSpl} if it is a calibration (or NaN, none); otherwise a clear error. */
    public static double checkCalibration(double dbSpl) {
        if (!Double.isNaN(dbSpl) && !(dbSpl >= CALIBRATION_MIN_DB_SPL && dbSpl <= CALIBRATION_MAX_DB_SPL)) {
            throw new IllegalArgumentException("a calibration is " + (int) CALIBRATION_MIN_DB_SPL + " to "
                    + (int) CALIBRATION_MAX_DB_SPL + " dB SPL (or none), not " + dbSpl);
        }
        return dbSpl;
    }

    /** Cue {@code cue}'s "me" marks, bit s for source s. */
    public int meMarks(int cue) {
        return meMarks[cue];
    }

    /**
     * The web remote's settings: on/off, port, per-cue PINs and locks. Saved in the host's
     * session state only: presets (exported, shared, user) never carry them.
     */
    public RemoteSettings remote() {
        return remote;
    }

    public void setRemote(RemoteSettings settings) {
        remote = java.util.Objects.requireNonNull(settings);
    }

    /**
     * The OSC server's settings: on/off, port, allowed client addresses. Saved in the host's
     * session state only, like the remote's.
     */
    public OscSettings osc() {
        return osc;
    }

    public void setOsc(OscSettings settings) {
        osc = java.util.Objects.requireNonNull(settings);
    }

    /**
     * The host program this state came from (0 = Default, k = factory preset k). Hosts re-send
     * the current program after restoring a session; knowing it, the plugin does not load the
     * preset again over the user's edits.
     */
    public int program() {
        return program;
    }

    public void setProgram(int program) {
        this.program = Math.max(0, program);
    }

    public int meterReferenceDbfs() {
        return meterReferenceDbfs;
    }

    public void setMeterReferenceDbfs(int dbfs) {
        if (dbfs != METER_REFERENCE_EBU && dbfs != METER_REFERENCE_SMPTE) {
            throw new IllegalArgumentException("meter reference must be -18 or -20 dBFS, not " + dbfs);
        }
        meterReferenceDbfs = dbfs;
    }

    /** Takes the live values into the active slot. Call before encoding. */
    public void capture(ParamStore live) {
        params().copyFrom(live);
    }

    /**
     * Plays the active slot: copies its values into the live store, as one scene change (the
     * engine fades out, switches, fades in: no glitch from parameters ramping out of step).
     */
    public void applyTo(ParamStore live) {
        ParamValues values = params();
        live.changeAll(() -> values.applyTo(live));
    }

    /**
     * A/B compare: stores the live values into the active slot and loads the other one. Switching
     * to the slot that is already active changes nothing.
     */
    public void switchTo(Slot slot, ParamStore live) {
        if (slot == active) {
            return;
        }
        capture(live);
        active = slot;
        applyTo(live);
    }

    /** Copies slot A over slot B (live values first taken into the active slot). */
    public void copyAtoB(ParamStore live) {
        copy(Slot.A, live);
    }

    public void copyBtoA(ParamStore live) {
        copy(Slot.B, live);
    }

    private void copy(Slot from, ParamStore live) {
        capture(live);
        setSlot(from.other(), slot(from).copy());
        if (active != from) {
            applyTo(live);
        }
    }

    /** Whether the state carries JSON this version did not understand. */
    public boolean hasUnknownData() {
        if (!extraTop.isEmpty() || !extraMeter.isEmpty() || !extraAb.isEmpty() || !extraCues.isEmpty()
                || !slotA.unknown().isEmpty() || !slotB.unknown().isEmpty() || !extraRemote.isEmpty()
                || !extraOsc.isEmpty()) {
            return true;
        }
        // Loops, not streams: this runs at every state write (sameAs), first in a cold JVM.
        for (Map<String, JsonNode> m : extraPerCue) {
            if (!m.isEmpty()) {
                return true;
            }
        }
        for (Map<String, JsonNode> m : extraPerSource) {
            if (!m.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code other} is written as the same bytes as this state because everything the
     * writer reads is equal: both slots' values and floats to the bit, the active slot, names,
     * colours, "me" marks, calibrations to the bit, meter reference, program, the remote's and
     * OSC's settings. A state carrying JSON this version did not understand is never the same as
     * another (those trees are not compared). What lets a written state's bytes be reused
     * ({@link WrittenState}); PluginStateFieldsTest fails when a field is added and not here.
     */
    public boolean sameAs(PluginState other) {
        if (other == null || hasUnknownData() || other.hasUnknownData()) {
            return false;
        }
        if (active != other.active || program != other.program || meterReferenceDbfs != other.meterReferenceDbfs
                || !remote.equals(other.remote) || !osc.equals(other.osc)) {
            return false;
        }
        for (int c = 0; c < CUE_COUNT; c++) {
            if (!java.util.Objects.equals(cueNames[c], other.cueNames[c]) || meMarks[c] != other.meMarks[c]
                    || Double.doubleToRawLongBits(calibrations[c]) != Double.doubleToRawLongBits(other.calibrations[c])) {
                return false;
            }
        }
        for (int src = 0; src < SOURCE_COUNT; src++) {
            if (!java.util.Objects.equals(sourceNames[src], other.sourceNames[src])
                    || !java.util.Objects.equals(sourceColours[src], other.sourceColours[src])) {
                return false;
            }
        }
        return slotA.sameAs(other.slotA) && slotB.sameAs(other.slotB);
    }

    /** Unknown top-level keys, read-only. */
    public Map<String, JsonNode> unknownKeys() {
        return java.util.Collections.unmodifiableMap(extraTop);
    }
}
