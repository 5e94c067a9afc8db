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
import org.foldback.state.RemoteSettings;

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
        float v = Float.NaN;
        synchronized (shimGate) {
            if (!shimGone && shim.connected()) {
                v = shim.value(param);
            }
        }
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
        synchronized (shimGate) {
            if (!shimGone) {
                shim.beginEdit(param);
            }
        }
    }

    @Override
    public void performEdit(int param, float normalized) {
        if (Float.isNaN(normalized)) {
            return;
        }
        float v = Math.max(0f, Math.min(1f, normalized));
        synchronized (shimGate) {
            if (!shim.connected()) {
                params.setNormalized(param, v);
            } else if (!shimGone) {
                shim.performEdit(param, v);
            }
        }
    }

    @Override
    public void endEdit(int param) {
        synchronized (shimGate) {
            if (!shimGone) {
                shim.endEdit(param);
            }
        }
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
            tellHostStateChanged();
        }
    }

    @Override
    public synchronized void setMeterReference(int dbfs) {
        PluginState s = owner.pluginState();
        if (s.meterReferenceDbfs() != dbfs) {
            s.setMeterReferenceDbfs(dbfs);
            owner.stateEdited();
            tellHostStateChanged();
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
        synchronized (shimGate) {
            if (!shim.connected()) {
                owner.loadProgram(index);
            } else if (!shimGone) {
                shim.setProgram(index);
            }
        }
    }

    @Override
    public List<String> userPresets() {
        return owner.userPresetNames();
    }

    @Override
    public String loadUserPreset(String presetName) {
        synchronized (shimGate) {
            return shimGone ? "the instance is not running" : owner.loadUserPreset(presetName);
        }
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

    // ---- Sources, "me" marks and the web remote ------------------------------------------------

    @Override
    public synchronized String sourceName(int source) {
        return owner.pluginState().sourceName(source);
    }

    @Override
    public synchronized String sourceColour(int source) {
        return owner.pluginState().sourceColour(source);
    }

    @Override
    public void setSourceName(int source, String newName) {
        edited(s -> {
            if (newName != null && !newName.equals(s.sourceName(source))) {
                s.setSourceName(source, newName);
                return true;
            }
            return false;
        });
    }

    @Override
    public synchronized boolean isMe(int cue, int source) {
        return owner.pluginState().isMe(cue, source);
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
    public synchronized boolean remoteEnabled() {
        return owner.pluginState().remote().enabled();
    }

    @Override
    public synchronized int remotePort() {
        return owner.pluginState().remote().port();
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
        synchronized (this) {
            return owner.pluginState().remote().pin(cue);
        }
    }

    @Override
    public String regenerateRemotePin(int cue) {
        String pin = RemoteSettings.newPin();
        editRemote(r -> r.withPin(cue, pin));
        return pin;
    }

    @Override
    public synchronized boolean remoteLocked(int cue) {
        return owner.pluginState().remote().locked(cue);
    }

    @Override
    public void setRemoteLocked(int cue, boolean locked) {
        editRemote(r -> r.withLocked(cue, locked));
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

    /** Runs an edit of the state beside the parameters; when it changed something, tells the host. */
    private synchronized boolean edited(java.util.function.Predicate<PluginState> edit) {
        if (!edit.test(owner.pluginState())) {
            return false;
        }
        owner.stateEdited();
        tellHostStateChanged();
        return true;
    }

    // ---- The shim's lifetime ------------------------------------------------------------------------
    // The shim has no "destroyed" call apart from release, which also comes before every new
    // prepare; after release its native instance may be freed at once. Surfaces that outlive an
    // instance (the web remote's threads) must then not call into the shim: every shim call here
    // runs under shimGate, and release closes the gate before it returns (so before the shim frees
    // anything); the next prepare opens it again.

    private final Object shimGate = new Object();
    private boolean shimGone;

    /** The shim released the instance (its native object may be freed next). Message thread. */
    public void shimReleased() {
        synchronized (shimGate) {
            shimGone = true;
        }
    }

    /** The shim prepared the instance: its native object is there. */
    public void shimPrepared() {
        synchronized (shimGate) {
            shimGone = false;
        }
    }

    @Override
    public boolean running() {
        synchronized (shimGate) {
            return !shimGone;
        }
    }

    private void tellHostStateChanged() {
        synchronized (shimGate) {
            if (!shimGone) {
                shim.stateChanged();
            }
        }
    }
}
