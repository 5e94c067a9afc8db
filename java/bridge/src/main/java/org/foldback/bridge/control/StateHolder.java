package org.foldback.bridge.control;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.foldback.bridge.BridgeLog;
import org.foldback.control.StateSnapshot;
import org.foldback.engine.dose.DoseBank;
import org.foldback.engine.param.ParamStore;
import org.foldback.engine.param.Params;
import org.foldback.state.Decoded;
import org.foldback.state.ParamValues;
import org.foldback.state.PluginState;
import org.foldback.state.Slot;
import org.foldback.state.StateCodec;
import org.foldback.state.StateFormatException;
import org.foldback.state.WrittenState;

/**
 * The one owner of an instance's {@link PluginState} (names, meter reference, A/B slots, program)
 * and of what surfaces are told about it (the loaded user preset, the notice).
 *
 * <p>PluginState is not thread-safe, and four kinds of thread touch it: the host's message thread
 * (state and program loads, the editor's edits), the host's background threads (some hosts save
 * and restore state there), the OpenGL thread (drawing) and the surfaces' servers. So every change
 * runs under one lock, and every change ends by publishing an immutable {@link StateSnapshot}
 * through a volatile field; readers take that and never the lock. The audio thread takes neither:
 * it sees only the {@link ParamStore}, whose slots are atomics.
 */
public final class StateHolder {
    private final ReentrantLock lock = new ReentrantLock();
    private final ParamStore live;
    // Guarded by lock.
    private PluginState state = new PluginState();
    /** The state's bytes as last handed to the host, reused while the state is the same. */
    private final WrittenState written = new WrittenState();
    private String loadedUserPreset;
    private String notice;
    private boolean noticeFromPresetAction;
    private long version;

    private volatile StateSnapshot published;
    /** Bit c: cue c is locked for the remote surfaces; published with the snapshot, read per OSC message without the lock or a lambda. */
    private volatile int remoteLocked;
    /** Where the cues' calibrations take effect (the hearing dose, the maximum level); null = nowhere. */
    private volatile DoseBank doses;

    public StateHolder(ParamStore live) {
        this.live = live;
        publish();
    }

    /**
     * The dose meters that measure with this state's calibrations: they get them now and after
     * every change (a loaded state, a program, an edit).
     */
    public void calibrate(DoseBank doses) {
        lock.lock();
        try {
            this.doses = doses;
            publish();
        } finally {
            lock.unlock();
        }
    }

    /** The state now, immutable. Any thread, no lock. */
    public StateSnapshot snapshot() {
        return published;
    }

    /**
     * The whole state as the host stores it, with the live values taken into the active slot
     * first, then {@code pending} over them: the host's normalized value of every parameter it
     * changed since the last block, NaN for the others (NativeProcessor.getState says why). An
     * unchanged state comes back as the bytes last written ({@link WrittenState}).
     */
    public byte[] encode(float[] pending) {
        lock.lock();
        try {
            state.capture(live);
            ParamValues values = state.params();
            for (int i = 0; i < pending.length && i < Params.count(); i++) {
                if (!Float.isNaN(pending[i])) {
                    values.setNormalized(i, pending[i]);
                }
            }
            return written.encode(state);
        } finally {
            lock.unlock();
        }
    }

    /** A deep copy of the state with the live values in the active slot: what a preset saves. */
    public PluginState copy() {
        lock.lock();
        try {
            state.capture(live);
            return state.copy();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Loads a host's state blob. The blob is parsed and checked whole before anything changes, so a
     * bad one leaves the current state as it was. Returns null on success, else why nothing changed.
     */
    public String load(byte[] blob) {
        try {
            Decoded decoded = StateCodec.decode(blob);
            decoded.warnings().forEach(w -> BridgeLog.line("state: " + w));
            adopt(decoded, "State", false, null);
            return null;
        } catch (StateFormatException e) {
            refuse("State not loaded, settings kept: " + e.getMessage(), false);
            return e.getMessage();
        }
    }

    /**
     * A decoded state (a host's blob or a user preset) becomes the live one: one scene change for
     * the engine, and the notice says what the load warned about, or is cleared by a clean load.
     *
     * @param keepProgram  true for a user preset (no host program: the host's program stays)
     * @param userPreset   the user preset's name, or null for a host state
     */
    public void adopt(Decoded decoded, String what, boolean keepProgram, String userPreset) {
        List<String> warnings = decoded.warnings();
        String text = warnings.isEmpty() ? null
                : what + " loaded with " + warnings.size() + (warnings.size() == 1 ? " warning" : " warnings")
                  + " (all in the log): " + warnings.get(0);
        lock.lock();
        try {
            int program = state.program();
            state = decoded.state();
            if (keepProgram) {
                state.setProgram(program);
            }
            state.applyTo(live);
            loadedUserPreset = userPreset;
            setNotice(text, false);
            publish();
        } finally {
            lock.unlock();
        }
    }

    /** A program (the default state or a factory preset) becomes the live state. */
    public void adoptProgram(PluginState loaded, int program) {
        lock.lock();
        try {
            state = loaded;
            state.setProgram(program);
            state.applyTo(live);
            loadedUserPreset = null;
            setNotice(null, false);
            publish();
        } finally {
            lock.unlock();
        }
    }

    /** Something was refused (a load, a preset action): the notice says why. */
    public void refuse(String why, boolean fromPresetAction) {
        lock.lock();
        try {
            setNotice(why, fromPresetAction);
            publish();
        } finally {
            lock.unlock();
        }
    }

    /**
     * A preset action worked: {@code loaded} maps the loaded user preset's name to what it is now
     * (a save names the new one, a rename follows, a delete forgets). An earlier action's refusal
     * no longer applies; a load's warning still does.
     */
    public void presetDone(UnaryOperator<String> loaded) {
        lock.lock();
        try {
            loadedUserPreset = loaded.apply(loadedUserPreset);
            if (noticeFromPresetAction) {
                setNotice(null, false);
            }
            publish();
        } finally {
            lock.unlock();
        }
    }

    /** True when the name changed (the host must then be told). */
    public boolean renameCue(int cue, String name) {
        lock.lock();
        try {
            if (cue < 0 || cue >= PluginState.CUE_COUNT || name == null || name.equals(state.cueName(cue))) {
                return false;
            }
            state.setCueName(cue, name);
            publish();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** True when the reference changed; anything but -18 or -20 dBFS changes nothing. */
    public boolean setMeterReference(int dbfs) {
        if (dbfs != PluginState.METER_REFERENCE_EBU && dbfs != PluginState.METER_REFERENCE_SMPTE) {
            return false;
        }
        lock.lock();
        try {
            if (state.meterReferenceDbfs() == dbfs) {
                return false;
            }
            state.setMeterReferenceDbfs(dbfs);
            publish();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A/B compare on {@code values} (the host's values, in a scratch store): they go into the
     * active slot and the other slot's come out into {@code values}. False when {@code slot} was
     * active already.
     */
    public boolean selectSlot(Slot slot, ParamStore values) {
        lock.lock();
        try {
            if (state.activeSlot() == slot) {
                return false;
            }
            state.switchTo(slot, values);
            publish();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Copies the active slot (holding {@code values}) over the other one. */
    public void copySlot(ParamStore values) {
        lock.lock();
        try {
            if (state.activeSlot() == Slot.A) {
                state.copyAtoB(values);
            } else {
                state.copyBtoA(values);
            }
            publish();
        } finally {
            lock.unlock();
        }
    }

    /** Whether cue {@code cue} is locked for the remote surfaces (the web remote, OSC), as last published. Any thread, no lock. */
    public boolean remoteLocked(int cue) {
        return cue >= 0 && cue < PluginState.CUE_COUNT && (remoteLocked & 1 << cue) != 0;
    }

    /** Reads something of the state under the lock (non-audio threads): what no snapshot carries, such as secrets. */
    public <T> T read(java.util.function.Function<PluginState, T> reader) {
        lock.lock();
        try {
            return reader.apply(state);
        } finally {
            lock.unlock();
        }
    }

    /** Runs an edit of the state under the lock; when it says it changed something, readers see it. */
    public boolean edit(java.util.function.Predicate<PluginState> change) {
        lock.lock();
        try {
            if (!change.test(state)) {
                return false;
            }
            publish();
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void setNotice(String text, boolean fromPresetAction) {
        notice = text;
        noticeFromPresetAction = text != null && fromPresetAction;
    }

    /** Under the lock (or in the constructor): the state as it is now becomes what readers see. */
    private void publish() {
        DoseBank d = doses;
        if (d != null) {
            for (int c = 0; c < Math.min(d.cues(), PluginState.CUE_COUNT); c++) {
                d.setCalibration(c, state.calibration(c));
            }
        }
        int locked = 0;
        for (int c = 0; c < PluginState.CUE_COUNT; c++) {
            locked |= state.remote().locked(c) ? 1 << c : 0;
        }
        remoteLocked = locked;
        published = new StateSnapshot(++version, state.cueNames(), state.sourceNames(), state.meterReferenceDbfs(),
                state.activeSlot() == Slot.B, state.program(), loadedUserPreset, notice);
    }
}
