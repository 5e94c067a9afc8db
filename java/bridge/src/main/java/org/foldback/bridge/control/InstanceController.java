package org.foldback.bridge.control;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.foldback.bridge.ShimCalls;
import org.foldback.control.Changes;
import org.foldback.control.Controller;
import org.foldback.control.DspLoad;
import org.foldback.control.Controllers;
import org.foldback.control.StateSnapshot;
import org.foldback.engine.FoldbackProcessor;
import org.foldback.engine.dose.DoseBank;
import org.foldback.engine.dose.DoseReading;
import org.foldback.engine.Processor;
import org.foldback.engine.meter.MeterBank;
import org.foldback.engine.meter.MeterReading;
import org.foldback.engine.mix.CueEngine;
import org.foldback.engine.param.ParamReader;
import org.foldback.engine.param.ParamSpec;
import org.foldback.engine.param.ParamStore;
import org.foldback.engine.param.ParamText;
import org.foldback.engine.param.Params;
import org.foldback.state.OscSettings;
import org.foldback.state.PluginState;
import org.foldback.state.RemoteSettings;
import org.foldback.state.Slot;

/**
 * The {@link Controller} of one plugin instance: the parameters and meters of its processor, the
 * state in its {@link StateHolder}, its {@link Presets}.
 *
 * <p>Edits go to the host through the shim (ShimCalls), which hands them to the host on its
 * message thread. Without a shim (tests, the command line) there is no host to echo them, so they
 * are applied to the parameter store directly, as a host would.
 */
public final class InstanceController implements Controller {
    private static final AtomicInteger NEXT_ID = new AtomicInteger(1);

    private final ParamStore params;
    private final ShimCalls shim;
    private final StateHolder state;
    private final Presets presets;
    private final IntSupplier sources;
    private final IntSupplier cues;
    private final MeterBank meters;
    private final FoldbackProcessor metered;
    private final CueEngine engine;
    private final DoseBank doses;
    private final int id = NEXT_ID.getAndIncrement();
    private final String defaultName = "Foldback " + id;

    /**
     * @param sources  how many sources the host enabled (asked at each call: it changes at prepare)
     * @param cues     how many cues
     */
    public InstanceController(Processor processor, ShimCalls shim, StateHolder state, Presets presets,
            IntSupplier sources, IntSupplier cues) {
        this.params = processor.params();
        this.shim = shim;
        this.state = state;
        this.presets = presets;
        this.sources = sources;
        this.cues = cues;
        FoldbackProcessor fp = processor instanceof FoldbackProcessor p ? p : null;
        this.meters = fp == null ? null : fp.meters();
        this.metered = fp;
        this.engine = fp == null ? null : fp.engine();
        this.doses = fp == null ? null : fp.doses();
    }

    @Override
    public int id() {
        return id;
    }

    /**
     * The name surfaces list: the engineer's (saved with the session, in the remote's settings),
     * else the host's track name (VST3 hosts tell it), else "Foldback N". Read by the remote's
     * threads per message and by the editor: the default is made once, not per call.
     */
    @Override
    public String name() {
        String chosen = state.read(s -> s.remote().name());
        if (chosen != null) {
            return chosen;
        }
        String track = hostTrackName;
        return track != null ? track : defaultName;
    }

    @Override
    public void setName(String newName) {
        if (editRemote(r -> r.withName(newName))) {
            Controllers.surfacesChanged();
        }
    }

    /** The host's name for the track the instance sits on (null: the host said none); message thread. */
    public void setHostTrackName(String track) {
        String t = track == null || track.isBlank() ? null : track.strip();
        if (!java.util.Objects.equals(t, hostTrackName)) {
            hostTrackName = t;
            Controllers.surfacesChanged();
        }
    }

    private volatile String hostTrackName;

    @Override
    public int sourceCount() {
        return sources.getAsInt();
    }

    @Override
    public int cueCount() {
        return cues.getAsInt();
    }

    // ---- Parameters ------------------------------------------------------------------------------

    @Override
    public ParamReader params() {
        return params;
    }

    @Override
    public float value(int param) {
        float v = shim.connected() ? shim.value(param) : Float.NaN;
        return Float.isNaN(v) ? params.normalized(param) : v;
    }

    @Override
    public String format(int param, float normalized) {
        ParamSpec p = Params.get(param);
        return ParamText.format(p, p.denormalize(normalized));
    }

    @Override
    public float parse(int param, String text) {
        ParamSpec p = Params.get(param);
        try {
            return p.normalize(ParamText.parse(p, text));
        } catch (IllegalArgumentException e) {
            return Float.NaN;
        }
    }

    @Override
    public void beginEdit(int param) {
        shim.beginEdit(param);
    }

    @Override
    public void performEdit(int param, float normalized) {
        if (Float.isNaN(normalized)) {
            return;
        }
        float v = Math.max(0f, Math.min(1f, normalized));
        if (shim.connected()) {
            shim.performEdit(param, v);
        } else {
            params.setNormalized(param, v);
        }
    }

    @Override
    public void endEdit(int param) {
        shim.endEdit(param);
    }

    // ---- Meters ----------------------------------------------------------------------------------

    @Override
    public boolean readCueMeter(int cue, MeterReading into) {
        if (meters == null) {
            return false;
        }
        meters.read(FoldbackProcessor.cueBus(cue), into);
        return true;
    }

    @Override
    public boolean readSourceMeter(int source, MeterReading into) {
        if (meters == null) {
            return false;
        }
        meters.read(FoldbackProcessor.sourceBus(source), into);
        return true;
    }

    @Override
    public boolean limiting(int cue) {
        return engine != null && engine.isLimiting(cue);
    }

    @Override
    public void resetCueMeter(int cue, int what) {
        if (meters != null) {
            meters.requestReset(FoldbackProcessor.cueBus(cue), what);
        }
    }

    // Per cue and figure, how many surfaces show it; the union goes to the meters (MeterBank.demand).
    private final int[][] shownCueFigures = new int[org.foldback.engine.Layout.MAX_CUES][Integer.SIZE];

    @Override
    public void showCueMeters(int cue, int figures) {
        countCueFigures(cue, figures, +1);
    }

    @Override
    public void hideCueMeters(int cue, int figures) {
        countCueFigures(cue, figures, -1);
    }

    private synchronized void countCueFigures(int cue, int figures, int delta) {
        if (cue < 0 || cue >= shownCueFigures.length || metered == null) {
            return;
        }
        int[] counts = shownCueFigures[cue];
        int union = 0;
        for (int bit = 0; bit < Integer.SIZE; bit++) {
            if ((figures & (1 << bit)) != 0) {
                counts[bit] = Math.max(0, counts[bit] + delta);
            }
            if (counts[bit] > 0) {
                union |= 1 << bit;
            }
        }
        metered.demandMeters(FoldbackProcessor.cueBus(cue), union);
    }

    @Override
    public void resetSourceMeter(int source, int what) {
        if (meters != null) {
            meters.requestReset(FoldbackProcessor.sourceBus(source), what);
        }
    }

    // ---- DSP load ----------------------------------------------------------------------------------

    /** The shim's block timing as it last handed it over (message thread, twice a second). */
    private record BlockFigures(long blocks, long lateBlocks, double percent, double worstMillis) {}

    private volatile BlockFigures blockFigures;

    /**
     * Message thread (the shim's timer): the DSP load over the last interval and the figures since
     * prepare. Allocates a small record, never on the audio thread; readers copy it out lock-free.
     */
    public void blockFigures(long blocks, long lateBlocks, double percent, double worstMillis) {
        blockFigures = blocks == 0 ? null : new BlockFigures(blocks, lateBlocks, percent, worstMillis);
    }

    @Override
    public boolean readDspLoad(DspLoad into) {
        BlockFigures f = blockFigures;
        into.known = f != null;
        if (f != null) {
            into.blocks = f.blocks();
            into.lateBlocks = f.lateBlocks();
            into.percent = f.percent();
            into.worstMillis = f.worstMillis();
        }
        return f != null;
    }

    // ---- Hearing dose ------------------------------------------------------------------------------

    @Override
    public boolean readDose(int cue, DoseReading into) {
        if (doses == null) {
            return false;
        }
        doses.read(cue, into);
        return true;
    }

    /**
     * Lock-free where the dose is measured: the dose bank holds the calibrations the state gave it
     * (StateHolder.calibrate). The editor reads this every frame; under the state's lock, through a
     * capturing lambda and a boxed Double, that cost the drawing thread 40 bytes and a lock a frame.
     */
    @Override
    public double calibration(int cue) {
        if (doses != null) {
            return doses.calibration(cue);
        }
        return state.read(s -> s.calibration(cue));
    }

    @Override
    public String setCalibration(int cue, double dbSpl) {
        if (cue < 0 || cue >= PluginState.CUE_COUNT) {
            return "no cue " + (cue + 1);
        }
        try {
            PluginState.checkCalibration(dbSpl);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        boolean changed = state.edit(s -> {
            if (Double.compare(s.calibration(cue), dbSpl) == 0) {
                return false;
            }
            s.setCalibration(cue, dbSpl);
            return true;
        });
        if (changed) {
            shim.stateChanged();
        }
        return null;
    }

    @Override
    public void resetDose(int cue) {
        if (doses != null && cue >= 0 && cue < doses.cues()) {
            doses.requestReset(cue);
        }
    }

    // ---- The state beside the parameters ---------------------------------------------------------

    @Override
    public StateSnapshot snapshot() {
        return state.snapshot();
    }

    @Override
    public void renameCue(int cue, String newName) {
        if (state.renameCue(cue, newName)) {
            shim.stateChanged();
        }
    }

    @Override
    public void setMeterReference(int dbfs) {
        if (state.setMeterReference(dbfs)) {
            shim.stateChanged();
        }
    }

    @Override
    public void selectSlot(boolean b) {
        ParamStore values = hostValues();
        if (!state.selectSlot(b ? Slot.B : Slot.A, values)) {
            return;
        }
        // One gesture per parameter that changes, outside the state's lock: the host records
        // each (hosts have no multi-parameter gesture) and echoes it to the engine.
        for (int p = 0; p < Params.count(); p++) {
            float want = values.normalized(p);
            if (p != Params.global().bypass() && want != value(p)) {
                edit(p, want);
            }
        }
    }

    @Override
    public void copySlot() {
        state.copySlot(hostValues());
        shim.stateChanged();
    }

    /** The host's values in a scratch store (Java's store catches up only at the next block). */
    private ParamStore hostValues() {
        ParamStore values = new ParamStore();
        for (int p = 0; p < Params.count(); p++) {
            values.setNormalized(p, value(p));
        }
        return values;
    }

    // ---- Programs and presets --------------------------------------------------------------------

    @Override
    public List<String> programNames() {
        return presets.programNames();
    }

    @Override
    public void selectProgram(int index) {
        if (shim.connected()) {
            shim.setProgram(index);
        } else {
            presets.loadProgram(index);
        }
    }

    @Override
    public List<String> userPresets() {
        return presets.userPresetNames();
    }

    @Override
    public String loadUserPreset(String presetName) {
        return presets.loadUserPreset(presetName);
    }

    @Override
    public String saveUserPreset(String presetName) {
        return presets.saveUserPreset(presetName);
    }

    @Override
    public String renameUserPreset(String from, String to) {
        return presets.renameUserPreset(from, to);
    }

    @Override
    public String deleteUserPreset(String presetName) {
        return presets.deleteUserPreset(presetName);
    }

    @Override
    public Changes changes() {
        return Changes.of(this);
    }

    // ---- Sources, "me" marks and the web remote ------------------------------------------------

    @Override
    public String sourceName(int source) {
        return state.read(s -> s.sourceName(source));
    }

    @Override
    public String sourceColour(int source) {
        return state.read(s -> s.sourceColour(source));
    }

    @Override
    public void setSourceName(int source, String newName) {
        edited(s -> {
            if (newName == null || newName.equals(s.sourceName(source))) {
                return false;
            }
            s.setSourceName(source, newName);
            return true;
        });
    }

    @Override
    public boolean isMe(int cue, int source) {
        return state.read(s -> s.isMe(cue, source));
    }

    @Override
    public void setMe(int cue, int source, boolean me) {
        edited(s -> {
            if (s.isMe(cue, source) == me) {
                return false;
            }
            s.setMe(cue, source, me);
            return true;
        });
    }

    @Override
    public boolean remoteEnabled() {
        return state.read(s -> s.remote().enabled());
    }

    @Override
    public int remotePort() {
        return state.read(s -> s.remote().port());
    }

    @Override
    public void setRemote(boolean enabled, int port) {
        if (editRemote(r -> r.withEnabled(enabled).withPort(port))) {
            Controllers.surfacesChanged();
        }
    }

    @Override
    public String remotePin(int cue) {
        editRemote(RemoteSettings::withPins);
        return state.read(s -> s.remote().pin(cue));
    }

    @Override
    public String regenerateRemotePin(int cue) {
        String pin = RemoteSettings.newPin();
        editRemote(r -> r.withPin(cue, pin));
        return pin;
    }

    @Override
    public boolean remoteLocked(int cue) {
        // Lock-free and allocation-free: OSC asks this for every message of a flood.
        return state.remoteLocked(cue);
    }

    @Override
    public void setRemoteLocked(int cue, boolean locked) {
        editRemote(r -> r.withLocked(cue, locked));
    }

    // ---- OSC ---------------------------------------------------------------------------------------

    @Override
    public boolean oscEnabled() {
        return state.read(s -> s.osc().enabled());
    }

    @Override
    public int oscPort() {
        return state.read(s -> s.osc().port());
    }

    @Override
    public List<String> oscAllowed() {
        return state.read(s -> s.osc().allowed());
    }

    @Override
    public String setOsc(boolean enabled, int port, List<String> allowed) {
        OscSettings wanted;
        try {
            wanted = OscSettings.OFF.withEnabled(enabled).withPort(port).withAllowed(allowed);
        } catch (IllegalArgumentException | NullPointerException bad) {
            return bad.getMessage() == null ? "no allowed addresses given" : bad.getMessage();
        }
        if (edited(s -> {
            if (wanted.equals(s.osc())) {
                return false;
            }
            s.setOsc(wanted);
            return true;
        })) {
            Controllers.surfacesChanged();
        }
        return null;
    }


    private volatile boolean released;

    /** The host released the instance (true) or prepared it again (false); surfaces drop it meanwhile. */
    public void hostReleased(boolean now) {
        released = now;
    }

    /** Whether the host runs the instance: prepared, not released, and the shim's instance still there. */
    @Override
    public boolean running() {
        return !released && !shim.closed();
    }

    /** Changes the remote's settings; true when they changed (the session is then marked changed). */
    private boolean editRemote(java.util.function.UnaryOperator<RemoteSettings> change) {
        return edited(s -> {
            RemoteSettings now = change.apply(s.remote());
            if (now.equals(s.remote())) {
                return false;
            }
            s.setRemote(now);
            return true;
        });
    }

    /** An edit of the state beside the parameters; when it changed something, the host is told. */
    private boolean edited(java.util.function.Predicate<PluginState> edit) {
        if (!state.edit(edit)) {
            return false;
        }
        shim.stateChanged();
        return true;
    }
}
