package org.foldback.bridge.control;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.foldback.bridge.NativeProcessor;
import org.foldback.bridge.ShimCalls;
import org.foldback.engine.FoldbackProcessor;
import org.foldback.engine.meter.MeterBank;
import org.foldback.engine.meter.MeterReading;
import org.foldback.engine.mix.CueEngine;
import org.foldback.engine.param.ParamStore;
import org.foldback.engine.param.Params;
import org.foldback.state.PluginState;

/**
 * The {@link Controller} of one plugin instance, over its {@link NativeProcessor}.
 *
 * <p>Edits go to the host through the shim (ShimCalls), which hands them to the host on its
 * message thread. Without a shim (tests, the command line) there is no host to echo them, so they
 * are applied to the parameter store directly, as a host would.
 */
public final class InstanceController implements Controller {
    private static final AtomicInteger NEXT_ID = new AtomicInteger(1);

    private final NativeProcessor owner;
    private final ParamStore params;
    private final ShimCalls shim;
    private final MeterBank meters;
    private final CueEngine engine;
    private final int id = NEXT_ID.getAndIncrement();
    private volatile String name;

    public InstanceController(NativeProcessor owner) {
        this.owner = owner;
        this.params = owner.params();
        this.shim = owner.shim();
        FoldbackProcessor fp = owner.processor() instanceof FoldbackProcessor p ? p : null;
        this.meters = fp == null ? null : fp.meters();
        this.engine = fp == null ? null : fp.engine();
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public String name() {
        String n = name;
        return n != null ? n : "Foldback " + id;
    }

    @Override
    public void setName(String newName) {
        name = newName == null || newName.isBlank() ? null : newName.strip();
    }

    @Override
    public int sourceCount() {
        return owner.activeSources();
    }

    @Override
    public int cueCount() {
        return owner.activeCues();
    }

    @Override
    public float value(int param) {
        float v = shim.connected() ? shim.value(param) : Float.NaN;
        return Float.isNaN(v) ? Params.get(param).normalize(params.get(param)) : v;
    }

    /** Java's own value (what the engine plays), without a call into the shim: for polling. */
    float storedValue(int param) {
        return Params.get(param).normalize(params.get(param));
    }

    @Override
    public String format(int param, float normalized) {
        return owner.formatValue(param, normalized);
    }

    @Override
    public float parse(int param, String text) {
        return owner.parseValue(param, text);
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

    @Override
    public void readCueMeter(int cue, MeterReading into) {
        if (meters != null) {
            meters.read(FoldbackProcessor.cueBus(cue), into);
        }
    }

    @Override
    public void readSourceMeter(int source, MeterReading into) {
        if (meters != null) {
            meters.read(FoldbackProcessor.sourceBus(source), into);
        }
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

    @Override
    public synchronized StateSnapshot snapshot() {
        PluginState s = owner.pluginState();
        return new StateSnapshot(owner.stateVersion(), s.cueNames(), s.meterReferenceDbfs(),
                s.activeSlot() == org.foldback.state.Slot.B, s.program());
    }

    @Override
    public synchronized void renameCue(int cue, String newName) {
        PluginState s = owner.pluginState();
        if (cue >= 0 && cue < PluginState.CUE_COUNT && newName != null && !newName.equals(s.cueName(cue))) {
            s.setCueName(cue, newName);
            owner.stateEdited();
            shim.stateChanged();
        }
    }

    @Override
    public synchronized void setMeterReference(int dbfs) {
        PluginState s = owner.pluginState();
        if (s.meterReferenceDbfs() != dbfs) {
            s.setMeterReferenceDbfs(dbfs);
            owner.stateEdited();
            shim.stateChanged();
        }
    }

    @Override
    public List<String> programNames() {
        return List.of(owner.programNames().split("\n"));
    }

    @Override
    public int currentProgram() {
        return owner.currentProgram();
    }

    @Override
    public void selectProgram(int index) {
        if (shim.connected()) {
            shim.setProgram(index);
        } else {
            owner.loadProgram(index);
        }
    }

    @Override
    public List<String> userPresets() {
        return owner.userPresetNames();
    }

    @Override
    public String loadUserPreset(String presetName) {
        return owner.loadUserPreset(presetName);
    }

    @Override
    public String saveUserPreset(String presetName) {
        return owner.saveUserPreset(presetName);
    }

    @Override
    public String renameUserPreset(String from, String to) {
        return owner.renameUserPreset(from, to);
    }

    @Override
    public String deleteUserPreset(String presetName) {
        return owner.deleteUserPreset(presetName);
    }

    @Override
    public String loadedUserPreset() {
        return owner.loadedUserPreset();
    }

    @Override
    public String notice() {
        return owner.notice();
    }

    @Override
    public Changes changes() {
        return new ChangeCursor(this);
    }
}
