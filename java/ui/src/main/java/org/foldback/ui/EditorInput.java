package org.foldback.ui;

import org.foldback.control.Controller;
import org.foldback.control.EditorView;
import org.foldback.engine.Layout;
import org.foldback.engine.dose.HearingDose;
import org.foldback.engine.meter.BusMeter;
import org.foldback.engine.meter.VuReference;
import org.foldback.engine.mix.CueActions;
import org.foldback.engine.param.ParamKind;
import org.foldback.engine.param.ParamRole;
import org.foldback.engine.param.ParamSpec;
import org.foldback.engine.param.ParamStore;
import org.foldback.engine.param.Params;

/**
 * Mouse and keys to edits, on the message thread. A fader drag is one gesture from mouse down to
 * mouse up; a click on a button, a wheel step, an arrow key or a double-click (reset to default)
 * is one whole gesture each. Values are read back from the host, so a drag always continues from
 * what the host has, whatever automation did meanwhile. Everything goes through the instance's
 * {@link Controller}, as it would for any other surface.
 */
public final class EditorInput {
    /** Normalized change per point of vertical drag is 1 / (fader height); shift drags 10x finer. */
    static final float FINE = 0.1f;
    private static final double CALIBRATION_START_DB_SPL = HearingDose.CALIBRATION_TYPICAL_DB_SPL;
    private static final double CALIBRATION_MIN_DB_SPL = HearingDose.CALIBRATION_MIN_DB_SPL;
    private static final double CALIBRATION_MAX_DB_SPL = HearingDose.CALIBRATION_MAX_DB_SPL;
    /** One wheel notch or arrow key: 1% of the range (0.1% with shift). */
    static final float STEP = 0.01f;
    /** Points of vertical drag that sweep a value box's whole range (the box itself is too short to drag along). */
    static final float VALUE_DRAG_SPAN = 200f;

    private final EditorLayout layout = new EditorLayout();
    private final Controller host;
    private final float[] rect = new float[4];

    private volatile int selectedCue;
    private int dragParam = -1;
    private int dragControl = Control.NONE;
    private float dragStartValue;
    private float dragStartX;
    private float dragStartY;
    private int focused = Control.NONE;
    private boolean talkbackHeld;
    private final NameField rename = new NameField();
    private final PresetPanel presets;
    private final RemotePanel remote;
    private final OscPanel osc;

    private final Programs programs;

    public EditorInput(Controller instance) {
        this.host = instance;
        this.programs = Programs.of(instance);
        this.presets = new PresetPanel(programs, PresetStore.of(instance));
        this.remote = new RemotePanel(instance);
        this.osc = new OscPanel(instance);
    }

    /** The OSC panel (drawn by the renderer while open). */
    OscPanel osc() {
        return osc;
    }

    /** The web remote's panel (drawn by the renderer while open). */
    RemotePanel remote() {
        return remote;
    }

    /** The instance's programs, as the preset control shows them. */
    Programs programs() {
        return programs;
    }

    public void resized(float w, float h) {
        layout.resize(w, h);
    }

    public int selectedCue() {
        return selectedCue;
    }

    /** The name field (drawn by the renderer while {@link NameField#active()}). */
    NameField rename() {
        return rename;
    }

    /** The preset panel (drawn by the renderer while open). */
    PresetPanel presets() {
        return presets;
    }

    public void mouse(int kind, float x, float y, int modifiers, float wheel) {
        switch (kind) {
            case EditorView.MOUSE_DOWN -> down(x, y);
            case EditorView.MOUSE_DRAG -> drag(x, y, modifiers);
            case EditorView.MOUSE_UP -> up();
            case EditorView.MOUSE_WHEEL -> wheel(x, y, modifiers, wheel);
            // A double-click in the open panel is two clicks on it, already handled as such; it
            // must not reach the control under the panel (a fader would jump to its default).
            case EditorView.MOUSE_DOUBLE_CLICK -> {
                if (remote.isOpen() && onRemoteTitle(x, y)) {
                    rename.begin(Control.of(Control.REMOTE_TITLE, 0), remote.instanceName()); // the instance's name
                } else if ((!presets.isOpen() || layout.panelHit(x, y, rect) == Control.NONE)
                        && (!remote.isOpen() || layout.remoteHit(x, y, rect) == Control.NONE)
                        && (!osc.isOpen() || layout.oscHit(x, y, rect) == Control.NONE)) {
                    doubleClick(layout.hit(x, y, rect));
                }
            }
            default -> { }
        }
    }

    public boolean key(int keyCode, int modifiers, int character) {
        if (rename.active()) {
            switch (rename.key(keyCode, character)) {
                case NameField.COMMIT -> commitRename();
                case NameField.CANCEL -> rename.cancel();
                default -> { }
            }
            return true;
        }
        if (presets.isOpen() && keyCode == EditorView.KEY_ESCAPE) {
            presets.close();
            return true;
        }
        ServerPanel server = openServerPanel();
        if (server != null && keyCode == EditorView.KEY_ESCAPE) {
            server.close();
            return true;
        }
        int param = Control.param(focused, selectedCue);
        if (param < 0) {
            return false;
        }
        float step = (modifiers & EditorView.MOD_SHIFT) != 0 ? STEP * FINE : STEP;
        return switch (keyCode) {
            case EditorView.KEY_UP, EditorView.KEY_RIGHT -> nudge(param, +1, step);
            case EditorView.KEY_DOWN, EditorView.KEY_LEFT -> nudge(param, -1, step);
            default -> false;
        };
    }

    private void down(float x, float y) {
        int inPanel = presets.isOpen() ? layout.panelHit(x, y, rect)
                : remote.isOpen() ? layout.remoteHit(x, y, rect)
                : osc.isOpen() ? layout.oscHit(x, y, rect) : Control.NONE;
        int control = inPanel != Control.NONE ? inPanel : layout.hit(x, y, rect);
        if (rename.active()) {
            int field = rename.target();
            int fieldKind = Control.kind(field);
            boolean namesLabel = fieldKind == Control.CUE_NAME || fieldKind == Control.SOURCE_NAME
                    || fieldKind == Control.REMOTE_TITLE;
            int fieldBox = fieldKind == Control.CUE_NAME ? Control.of(Control.CUE_NAME, 0)
                    : fieldKind == Control.REMOTE_PORT || fieldKind == Control.SOURCE_NAME
                            || fieldKind == Control.REMOTE_TITLE || fieldKind == Control.OSC_PORT
                            || fieldKind == Control.OSC_ADD ? field : Control.of(Control.PRESET_TITLE, 0);
            if (namesLabel && control != fieldBox) {
                commitRename(); // a click anywhere but on the field finishes a rename, as text fields do
            } else if (!namesLabel && control != fieldBox) {
                // A preset is a file, a port or an address restarts a server: only Enter takes them, a click away throws the text away.
                rename.cancel();
            }
        }
        if (presets.isOpen()) {
            if (inPanel == Control.NONE) {
                presets.close(); // a click outside closes the panel and does nothing else, as menus do
            } else {
                panelClick(inPanel);
            }
            return;
        }
        ServerPanel server = openServerPanel();
        if (server != null) {
            if (inPanel == Control.NONE) {
                server.close(); // as the preset panel: a click outside only closes it
            } else if (server == remote) {
                remoteClick(inPanel);
            } else {
                oscClick(inPanel);
            }
            return;
        }
        if (control == Control.NONE) {
            return;
        }
        focused = control;
        int kind = Control.kind(control);
        int cue = selectedCue;
        switch (kind) {
            case Control.TAB -> selectedCue = Control.index(control);
            case Control.SOURCE_CLIP -> host.resetSourceMeter(Control.index(control), BusMeter.RESET_CLIPS | BusMeter.RESET_PEAKS);
            case Control.CUE_CLIP -> host.resetCueMeter(cue, BusMeter.RESET_CLIPS | BusMeter.RESET_PEAKS);
            case Control.TALKBACK -> pressTalkback();
            case Control.CUE_CLONE -> cueAction(cue, (cue + 1) % Layout.MAX_CUES, true);
            case Control.CUE_RESET -> cueAction(cue, cue, false);
            case Control.SLOT -> host.selectSlot(Control.index(control) == 1); // A/B: the instance sends the gestures
            case Control.PRESET_PREV -> stepPreset(-1);
            case Control.PRESET_NEXT -> stepPreset(+1);
            case Control.PRESETS -> presets.toggle();
            case Control.REMOTE -> remote.toggle();
            case Control.OSC -> osc.toggle();
            case Control.SOURCE_NAME -> { } // a double-click renames it
            case Control.LOUDNESS_RESET -> host.resetCueMeter(cue, BusMeter.RESET_LOUDNESS);
            case Control.METER_REFERENCE -> switchMeterReference();
            case Control.DOSE_RESET -> host.resetDose(cue);
            case Control.CALIBRATION -> {
                if (Double.isNaN(host.calibration(cue))) {
                    host.setCalibration(cue, CALIBRATION_START_DB_SPL);
                }
            }
            default -> {
                int param = Control.param(control, cue);
                if (param < 0) {
                    return;
                }
                if (Control.isContinuous(control)) {
                    dragControl = control;
                    dragParam = param;
                    dragStartValue = normalized(param);
                    dragStartX = x;
                    dragStartY = y;
                    host.beginEdit(param);
                } else {
                    click(param);
                }
            }
        }
    }

    private void drag(float x, float y, int modifiers) {
        if (dragParam < 0) {
            return;
        }
        layout.rect(dragControl, rect);
        boolean horizontal = Control.isHorizontal(dragControl);
        float span = Control.isValueBox(dragControl) ? VALUE_DRAG_SPAN : horizontal ? rect[2] : rect[3];
        float moved = horizontal ? x - dragStartX : dragStartY - y;
        float scale = (modifiers & EditorView.MOD_SHIFT) != 0 ? FINE : 1f;
        float value = clamp01(dragStartValue + moved * scale / Math.max(1f, span));
        host.performEdit(dragParam, value);
    }

    private void up() {
        if (dragParam >= 0) {
            host.endEdit(dragParam);
        }
        dragParam = -1;
        dragControl = Control.NONE;
        if (talkbackHeld) {
            talkbackHeld = false;
            edit(Params.global().talkbackOn(), 0f);
        }
    }

    private void wheel(float x, float y, int modifiers, float delta) {
        if (presets.isOpen() && layout.panelHit(x, y, rect) != Control.NONE) {
            if (delta != 0f) {
                presets.scrollBy(delta > 0 ? -1 : +1); // wheel up shows earlier rows
            }
            return;
        }
        if (remote.isOpen() && layout.remoteHit(x, y, rect) != Control.NONE) {
            if (delta != 0f) {
                remote.scrollPhones(delta > 0 ? -1 : +1);
            }
            return;
        }
        if (osc.isOpen() && layout.oscHit(x, y, rect) != Control.NONE) {
            int rows = delta > 0 ? -1 : +1;
            if (delta != 0f && x >= layout.oscClientsX()) {
                osc.scrollClients(rows);
            } else if (delta != 0f) {
                osc.scrollAllowed(rows);
            }
            return;
        }
        int control = layout.hit(x, y, rect);
        if (Control.kind(control) == Control.CALIBRATION && delta != 0f) {
            focused = control;
            calibrate(delta > 0 ? +1 : -1, (modifiers & EditorView.MOD_SHIFT) != 0 ? 0.1 : 1.0);
            return;
        }
        int param = Control.param(control, selectedCue);
        if (param < 0 || delta == 0f) {
            return;
        }
        focused = control;
        float step = (modifiers & EditorView.MOD_SHIFT) != 0 ? STEP * FINE : STEP;
        nudge(param, delta > 0 ? +1 : -1, step);
    }

    /**
     * Moves the selected cue's calibration by {@code step} dB SPL; under the lowest it becomes
     * uncalibrated (no dose is shown then), from uncalibrated the wheel starts at the usual value.
     */
    private void calibrate(int direction, double step) {
        double now = host.calibration(selectedCue);
        double next;
        if (Double.isNaN(now)) {
            next = direction > 0 ? CALIBRATION_START_DB_SPL : Double.NaN;
        } else {
            next = Math.round((now + direction * step) * 10) / 10.0;
            next = next < CALIBRATION_MIN_DB_SPL ? Double.NaN : Math.min(CALIBRATION_MAX_DB_SPL, next);
        }
        host.setCalibration(selectedCue, next);
    }

    /**
     * Clone onto the next cue (which becomes selected) or reset, worked out on a copy of the store
     * with CueActions, then sent to the host as one gesture per parameter that changes, so the
     * host records all of it (hosts have no multi-parameter gesture).
     */
    private void cueAction(int from, int to, boolean clone) {
        ParamStore target = new ParamStore();
        for (ParamSpec p : Params.cue(from).all()) {
            target.setNormalized(p.index(), normalized(p.index()));
        }
        for (ParamSpec p : Params.cue(to).all()) {
            target.setNormalized(p.index(), normalized(p.index()));
        }
        if (clone) {
            CueActions.clone(target, from, to);
            selectedCue = to;
        } else {
            CueActions.reset(target, to);
        }
        for (ParamSpec p : Params.cue(to).all()) {
            float want = p.normalize(target.get(p.index()));
            if (want != normalized(p.index())) {
                edit(p.index(), want);
            }
        }
    }

    /** A click inside the open preset panel: load a row, or start or finish an action. */
    private void panelClick(int control) {
        switch (Control.kind(control)) {
            case Control.PRESET_ROW -> presets.clickRow(Control.index(control));
            case Control.PRESET_SAVE_AS -> {
                presets.disarm();
                rename.begin(Control.of(Control.PRESET_SAVE_AS, 0), "");
            }
            case Control.PRESET_RENAME -> {
                presets.disarm();
                String name = presets.selectedUser();
                if (name != null) {
                    rename.begin(Control.of(Control.PRESET_RENAME, 0), name);
                }
            }
            case Control.PRESET_DELETE -> presets.delete();
            default -> { }
        }
    }

    /** Whether (x, y) is on the remote panel's title line (the instance's name), not just in its box. */
    private boolean onRemoteTitle(float x, float y) {
        layout.rect(Control.of(Control.REMOTE_TITLE, 0), rect);
        return x >= rect[0] && x < rect[0] + rect[2] && y >= rect[1] && y < rect[1] + rect[3];
    }

    /** A click inside the open remote panel. */
    private void remoteClick(int control) {
        int i = Control.index(control);
        switch (Control.kind(control)) {
            case Control.REMOTE_SWITCH -> remote.toggleEnabled();
            case Control.REMOTE_PORT -> {
                if (!rename.active()) {
                    rename.begin(Control.of(Control.REMOTE_PORT, 0), Integer.toString(remote.port()));
                }
            }
            case Control.REMOTE_OFFER -> remote.takeOffer();
            case Control.REMOTE_NEW_PIN -> remote.newPin(i);
            case Control.REMOTE_LOCK -> remote.toggleLock(i);
            case Control.REMOTE_DISCONNECT -> remote.disconnect(i);
            default -> { }
        }
    }

    /** The open server panel (the remote's or OSC's; one at a time), or null. */
    private ServerPanel openServerPanel() {
        return remote.isOpen() ? remote : osc.isOpen() ? osc : null;
    }

    /** A click inside the open OSC panel. */
    private void oscClick(int control) {
        switch (Control.kind(control)) {
            case Control.OSC_SWITCH -> osc.toggleEnabled();
            case Control.OSC_PORT -> {
                if (!rename.active()) {
                    rename.begin(Control.of(Control.OSC_PORT, 0), Integer.toString(osc.port()));
                }
            }
            case Control.OSC_ADD -> {
                if (!rename.active()) {
                    rename.begin(Control.of(Control.OSC_ADD, 0), "");
                }
            }
            case Control.OSC_REMOVE -> osc.removeAllowed(Control.index(control));
            default -> { }
        }
    }

    /** Previous or next factory preset, wrapping; the first step from none loads the first or last. */
    private void stepPreset(int direction) {
        int n = programs.count();
        if (n == 0) {
            return;
        }
        int now = programs.current();
        int next = now < 0 ? (direction > 0 ? 0 : n - 1) : Math.floorMod(now + direction, n);
        programs.select(next);
    }

    /** Momentary unless latched: held while the button is, or toggled per click when latched. */
    private void pressTalkback() {
        if (host.params().isOn(Params.global().talkbackLatch())) {
            click(Params.global().talkbackOn());
        } else {
            talkbackHeld = true;
            edit(Params.global().talkbackOn(), 1f);
        }
    }

    /**
     * A toggle flips; the fold-down choice flips between Stereo and Mono sum (the other modes are
     * for checks, reached with the wheel or arrows); other choices step to the next, wrapping.
     */
    private void click(int param) {
        ParamSpec spec = Params.get(param);
        float now = spec.denormalize(normalized(param));
        if (spec.kind() == ParamKind.BOOL) {
            edit(param, now >= 0.5f ? 0f : 1f);
        } else if (spec.role() == ParamRole.CUE_FOLD) {
            edit(param, spec.normalize(now == 0f ? 1f : 0f));
        } else if (spec.kind() == ParamKind.CHOICE) {
            edit(param, spec.normalize(now >= spec.max() ? spec.min() : now + 1f));
        }
    }

    /**
     * 0 VU at -18 dBFS (EBU R68) or -20 dBFS (SMPTE RP155). The reference is part of the state the
     * host saves but no parameter, so the host is told the state changed.
     */
    private void switchMeterReference() {
        int ebu = (int) VuReference.EBU_R68.dbfs;
        host.setMeterReference(host.snapshot().meterReference() == ebu ? (int) VuReference.SMPTE_RP155.dbfs : ebu);
    }

    /** On a cue's tab or its name: rename it; on a fader or pan: back to the default. */
    private void doubleClick(int control) {
        int kind = Control.kind(control);
        if (kind == Control.TAB || kind == Control.CUE_NAME) {
            int cue = kind == Control.TAB ? Control.index(control) : selectedCue;
            selectedCue = cue;
            rename.begin(Control.of(Control.CUE_NAME, cue), host.snapshot().cueName(cue));
        } else if (kind == Control.SOURCE_NAME) {
            rename.begin(control, host.snapshot().sourceName(Control.index(control)));
        } else {
            resetToDefault(control);
        }
    }

    /**
     * The typed name: a preset's goes to the preset panel (save as, rename); a cue's into the
     * plugin state (which the host saves with the session). A cue name is not a parameter, so the
     * host is told the state changed instead of getting a gesture.
     */
    private void commitRename() {
        int target = rename.target();
        int cue = rename.cue();
        String name = rename.commit();
        if (Control.kind(target) == Control.PRESET_SAVE_AS) {
            presets.saveAs(name);
            return;
        }
        if (Control.kind(target) == Control.PRESET_RENAME) {
            presets.rename(name);
            return;
        }
        if (Control.kind(target) == Control.REMOTE_PORT) {
            remote.setPort(name);
            return;
        }
        if (Control.kind(target) == Control.OSC_PORT) {
            osc.setPort(name);
            return;
        }
        if (Control.kind(target) == Control.OSC_ADD) {
            osc.addAllowed(name);
            return;
        }
        if (Control.kind(target) == Control.REMOTE_TITLE) {
            remote.rename(name); // saved with the session; phones list the instance under it
            return;
        }
        if (Control.kind(target) == Control.SOURCE_NAME) {
            host.setSourceName(Control.index(target), name); // saved with the state; the host is told it changed
            return;
        }
        if (cue >= 0) {
            host.renameCue(cue, name); // the instance tells the host when the name changed
        }
    }

    private void resetToDefault(int control) {
        int param = Control.param(control, selectedCue);
        if (param >= 0 && Control.isContinuous(control)) {
            ParamSpec spec = Params.get(param);
            edit(param, spec.normalize(spec.defaultValue()));
        }
    }

    /** A wheel notch or arrow key: {@code step} of the range for a level, one choice for a choice. */
    private boolean nudge(int param, int direction, float step) {
        ParamSpec spec = Params.get(param);
        if (spec.kind() == ParamKind.CHOICE) {
            float now = spec.denormalize(normalized(param));
            float next = Math.max(spec.min(), Math.min(spec.max(), now + direction));
            if (next != now) {
                edit(param, spec.normalize(next));
            }
            return true;
        }
        if (spec.kind() != ParamKind.FLOAT) {
            return false;
        }
        edit(param, clamp01(normalized(param) + direction * step));
        return true;
    }

    private void edit(int param, float normalized) {
        host.edit(param, normalized);
    }

    /** The host's value: Java's store catches up only at the next audio block, and two wheel steps may come before it. */
    private float normalized(int param) {
        return host.value(param);
    }

    private static float clamp01(float v) {
        return Math.max(0f, Math.min(1f, v));
    }
}
