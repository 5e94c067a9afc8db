package org.foldback.ui;

import java.util.ArrayList;
import java.util.List;
import org.foldback.control.Changes;
import org.foldback.control.Controller;
import org.foldback.control.RemoteStatus;
import org.foldback.control.StateSnapshot;
import org.foldback.engine.Layout;
import org.foldback.engine.meter.MeterReading;
import org.foldback.engine.param.ParamReader;
import org.foldback.engine.param.ParamSpec;
import org.foldback.engine.param.ParamStore;
import org.foldback.engine.param.ParamText;
import org.foldback.engine.param.Params;

/**
 * An instance as the editor's tests see it: records gestures (applying performed values to the
 * store, as a host echoes them), meter resets (bus * 100 + what) and state edits in order; its
 * programs and user presets are the recording fakes the tests already use.
 */
final class FakeController implements Controller {
    final ParamStore store;
    final List<String> log = new ArrayList<>();
    final List<Integer> resets = new ArrayList<>();
    final RecordingPrograms programs;
    final MemoryPresets user;
    private final String[] cueNames = new String[Layout.MAX_CUES];
    private final String[] sourceNames = new String[Layout.MAX_SOURCES];
    private final String[] pins = new String[Layout.MAX_CUES];
    private final boolean[] locked = new boolean[Layout.MAX_CUES];
    private boolean remoteOn;
    private int remotePort = 8337;
    private int pinsMade;
    /** What the process's remote says, as a test sets it; the phones a test's disconnects took away. */
    RemoteStatus remoteStatus = RemoteStatus.OFF;
    final List<RemoteStatus.Phone> disconnected = new ArrayList<>();
    private int meterReference = -18;
    private boolean slotB;
    private long version;

    FakeController(ParamStore store, RecordingPrograms programs, MemoryPresets user) {
        this.store = store;
        this.programs = programs;
        this.user = user;
        for (int c = 0; c < cueNames.length; c++) {
            cueNames[c] = "Cue " + (c + 1);
        }
        for (int src = 0; src < sourceNames.length; src++) {
            sourceNames[src] = "Src " + (src + 1);
        }
    }

    @Override
    public int id() {
        return 1;
    }

    private String name;

    @Override
    public String name() {
        return name != null ? name : "Foldback 1";
    }

    @Override
    public void setName(String newName) {
        name = newName == null || newName.isBlank() ? null : newName.strip();
        log.add("state changed");
    }

    @Override
    public int sourceCount() {
        return Layout.MAX_SOURCES;
    }

    @Override
    public int cueCount() {
        return Layout.MAX_CUES;
    }

    @Override
    public ParamReader params() {
        return store;
    }

    @Override
    public float value(int param) {
        return store.normalized(param);
    }

    @Override
    public String format(int param, float normalized) {
        ParamSpec p = Params.get(param);
        return ParamText.format(p, p.denormalize(normalized));
    }

    @Override
    public float parse(int param, String text) {
        return Float.NaN;
    }

    @Override
    public void beginEdit(int param) {
        log.add("begin " + Params.get(param).id());
    }

    @Override
    public void performEdit(int param, float normalized) {
        log.add("perform " + Params.get(param).id());
        store.setNormalized(param, normalized);
    }

    @Override
    public void endEdit(int param) {
        log.add("end " + Params.get(param).id());
    }

    @Override
    public boolean readCueMeter(int cue, MeterReading into) {
        return false;
    }

    @Override
    public boolean readSourceMeter(int source, MeterReading into) {
        return false;
    }

    @Override
    public boolean limiting(int cue) {
        return false;
    }

    @Override
    public void resetCueMeter(int cue, int what) {
        resets.add((Layout.MAX_SOURCES + cue) * 100 + what);
    }

    @Override
    public void resetSourceMeter(int source, int what) {
        resets.add(source * 100 + what);
    }

    @Override
    public StateSnapshot snapshot() {
        return new StateSnapshot(version, List.of(cueNames), List.of(sourceNames), meterReference, slotB, programs.current(), user.loaded(),
                null);
    }

    @Override
    public void renameCue(int cue, String name) {
        if (!name.equals(cueNames[cue])) {
            cueNames[cue] = name;
            version++;
            log.add("state changed");
        }
    }

    @Override
    public void setMeterReference(int dbfs) {
        meterReference = dbfs;
        version++;
        log.add("state changed");
    }

    @Override
    public void selectSlot(boolean b) {
        slotB = b;
        version++;
        log.add("slot " + (b ? "B" : "A"));
    }

    @Override
    public void copySlot() {
        log.add("copy slot");
    }

    @Override
    public List<String> programNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < programs.count(); i++) {
            names.add(programs.name(i));
        }
        return names;
    }

    @Override
    public void selectProgram(int index) {
        programs.select(index);
    }

    @Override
    public List<String> userPresets() {
        return user.userPresets();
    }

    @Override
    public String loadUserPreset(String name) {
        return user.load(name);
    }

    @Override
    public String saveUserPreset(String name) {
        return user.saveAs(name);
    }

    @Override
    public String renameUserPreset(String from, String to) {
        return user.rename(from, to);
    }

    @Override
    public String deleteUserPreset(String name) {
        return user.delete(name);
    }

    @Override
    public Changes changes() {
        return Changes.of(this);
    }

    @Override
    public String sourceName(int source) {
        return sourceNames[source];
    }

    @Override
    public String sourceColour(int source) {
        return "#808080";
    }

    @Override
    public void setSourceName(int source, String name) {
        if (!name.equals(sourceNames[source])) {
            sourceNames[source] = name;
            version++;
            log.add("state changed");
        }
    }

    @Override
    public boolean isMe(int cue, int source) {
        return false;
    }

    @Override
    public void setMe(int cue, int source, boolean me) {
    }

    @Override
    public boolean remoteEnabled() {
        return remoteOn;
    }

    @Override
    public int remotePort() {
        return remotePort;
    }

    @Override
    public void setRemote(boolean enabled, int port) {
        if (port < 1024 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
        if (enabled != remoteOn || port != remotePort) {
            remoteOn = enabled;
            remotePort = port;
            log.add("remote " + (enabled ? "on" : "off") + " " + port);
        }
    }

    /** PINs as the state makes them: on first asking; distinct, so a test sees a new one. */
    @Override
    public String remotePin(int cue) {
        if (pins[cue] == null) {
            pins[cue] = String.format("%06d", 100000 + pinsMade++);
        }
        return pins[cue];
    }

    @Override
    public String regenerateRemotePin(int cue) {
        pins[cue] = String.format("%06d", 900000 + pinsMade++);
        log.add("new pin " + (cue + 1));
        return pins[cue];
    }

    @Override
    public boolean remoteLocked(int cue) {
        return locked[cue];
    }

    @Override
    public void setRemoteLocked(int cue, boolean on) {
        locked[cue] = on;
        log.add((on ? "lock " : "unlock ") + (cue + 1));
    }

    @Override
    public boolean running() {
        return true;
    }

    @Override
    public RemoteStatus remoteStatus() {
        return remoteStatus;
    }

    @Override
    public void disconnectPhone(RemoteStatus.Phone phone) {
        disconnected.add(phone);
    }

    // ---- OSC and meter demand, kept in memory (the OSC panel is tested against a real instance: OscPanelTest).

    private boolean oscOn;
    private int oscPort = 8000;
    private java.util.List<String> oscAllowed = java.util.List.of("127.0.0.0/8", "::1");

    @Override
    public boolean oscEnabled() {
        return oscOn;
    }

    @Override
    public int oscPort() {
        return oscPort;
    }

    @Override
    public java.util.List<String> oscAllowed() {
        return oscAllowed;
    }

    @Override
    public String setOsc(boolean enabled, int port, java.util.List<String> allowed) {
        oscOn = enabled;
        oscPort = port;
        oscAllowed = java.util.List.copyOf(allowed);
        return null;
    }

    final int[] shownCueFigures = new int[8];

    @Override
    public void showCueMeters(int cue, int figures) {
        shownCueFigures[cue] |= figures;
    }

    @Override
    public void hideCueMeters(int cue, int figures) {
        shownCueFigures[cue] &= ~figures;
    }

    // ---- Hearing dose: calibrations and resets recorded; the dose itself is the engine's ---------

    private final double[] calibrations = {Double.NaN, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, Double.NaN, Double.NaN, Double.NaN};

    @Override
    public boolean readDose(int cue, org.foldback.engine.dose.DoseReading into) {
        return false;
    }

    @Override
    public double calibration(int cue) {
        return calibrations[cue];
    }

    @Override
    public String setCalibration(int cue, double dbSpl) {
        calibrations[cue] = dbSpl;
        log.add("calibration " + (cue + 1) + " " + dbSpl);
        return null;
    }

    @Override
    public void resetDose(int cue) {
        log.add("dose reset " + (cue + 1));
    }
}
