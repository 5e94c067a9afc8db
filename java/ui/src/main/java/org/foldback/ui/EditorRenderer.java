package org.foldback.ui;

import static org.lwjgl.nanovg.NanoVG.*;

import org.foldback.control.Controller;
import org.foldback.control.DspLoad;
import org.foldback.control.OscStatus;
import org.foldback.control.RemoteStatus;
import org.foldback.control.StateSnapshot;
import org.foldback.engine.Layout;
import org.foldback.engine.dose.DoseReading;
import org.foldback.engine.meter.MeterReading;
import org.foldback.engine.param.ParamReader;
import org.foldback.engine.param.ParamSpec;
import org.foldback.engine.param.Params;
import org.foldback.engine.param.SendParams;
import org.lwjgl.nanovg.NVGColor;
import org.lwjgl.opengl.GL11;

/**
 * Draws one frame with NanoVG, on the GL thread. Meters are read lock-free from the meter bank
 * into readings made once; colours and text buffers are made once too, so a steady-state frame
 * allocates nothing on the Java heap.
 *
 * <p>Meter colours are plain and distinct on purpose (the screenshot test reads them): sample
 * peak in {@link #PEAK}, RMS over it in {@link #RMS}, the peak hold as a light line.
 */
final class EditorRenderer {
    static final int[] BACKGROUND = {24, 26, 30};
    static final int[] PEAK = {48, 192, 80};
    static final int[] RMS = {150, 235, 170};
    static final int[] HOT = {230, 180, 40};
    static final int[] OVER = {230, 60, 50};
    /** The ambience sends' bars: a cool colour apart from the cues' and the warnings. */
    static final int[] AMBIENCE = {80, 170, 200};
    static final int[] METER_BACK = {10, 11, 13};
    static final int[] FIELD = {235, 235, 225};
    /** The 0 VU mark (the meter reference) on every meter and on the VU scale: amber, unlike any bar. */
    static final int[] REFERENCE = {200, 140, 40};
    /** VU scale marks, in VU (dB relative to the reference), as on a VU meter's face. */
    static final int[] VU_MARKS = {3, 0, -3, -5, -7, -10, -20};
    static final int[][] CUE_COLOURS = {
        {66, 135, 245}, {245, 166, 35}, {126, 211, 33}, {208, 2, 27},
        {144, 19, 254}, {80, 227, 194}, {248, 231, 28}, {189, 16, 224}
    };

    private final long vg;
    private final int font;
    private final NVGColor colour = NVGColor.calloc();
    private final EditorLayout layout = new EditorLayout();
    private final float[] r = new float[4];
    private final float[] m = new float[4];
    private final MeterReading[] readings = new MeterReading[Layout.MAX_SOURCES + Layout.MAX_CUES];
    private final DoseReading dose = new DoseReading();
    private final DspLoad dspLoad = new DspLoad();
    private final Utf8Text dspText = new Utf8Text(60);
    private long dspShownTenths = Long.MIN_VALUE;
    private long dspShownLate = Long.MIN_VALUE;
    private long dspLateSeenNanos = Long.MIN_VALUE;
    private final Utf8Text text = new Utf8Text(64);
    private final Utf8Text[] cueNames = new Utf8Text[Layout.MAX_CUES];
    private final String[] cueNameSeen = new String[Layout.MAX_CUES];
    // The rename field's text, encoded when it changes (a key press), not per frame.
    private final Utf8Text fieldText = new Utf8Text(Layout.MAX_NAME_LENGTH * 4);
    private final Utf8Text fieldPrefix = new Utf8Text(Layout.MAX_NAME_LENGTH * 4);
    private String fieldSeen;
    // The last load's or preset action's problem (the snapshot's notice), encoded when it changes.
    private final Utf8Text noticeText = new Utf8Text(400);
    /** "Foldback 0.1.0": which build is loaded, for support questions (the status editor says it too). */
    private final Utf8Text versionText = finished(new Utf8Text(40).append("Foldback ").append(org.foldback.engine.Version.number()));
    private String noticeSeen;
    private int caretSeen = -1;
    private final float[] bounds = new float[4];
    // The preset panel's visible rows, encoded when the list or the scroll changes, not per frame.
    private final Utf8Text[] rowNames = new Utf8Text[EditorLayout.PANEL_ROWS];
    private String[] rowsSeenList;
    private int rowsSeenScroll = -1;
    // Source names, encoded when a rename changes them (a new String), not per frame.
    private final Utf8Text[] sourceNames = new Utf8Text[Layout.MAX_SOURCES];
    private final String[] sourceNameSeen = new String[Layout.MAX_SOURCES];
    // The remote panel's texts, encoded when what they show changes (a new object), not per frame.
    private final Utf8Text[] pinText = new Utf8Text[Layout.MAX_CUES];
    private final String[] pinSeen = new String[Layout.MAX_CUES];
    private final Utf8Text remoteName = new Utf8Text(Layout.MAX_NAME_LENGTH * 4);
    private String remoteNameSeen;
    private final Utf8Text remoteMessage = new Utf8Text(400);
    private final Utf8Text remoteAddress = new Utf8Text(200);
    private final Utf8Text[] phoneText = new Utf8Text[EditorLayout.REMOTE_PHONE_ROWS];
    private RemoteStatus statusSeen;
    private String messageSeen;
    private int phoneScrollSeen = -1;
    private int phonesShown;
    // The OSC panel's texts, encoded when what they show changes, not per frame.
    private final Utf8Text oscMessage = new Utf8Text(400);
    private final Utf8Text[] allowedText = new Utf8Text[EditorLayout.OSC_ALLOWED_ROWS];
    private final Utf8Text[] clientText = new Utf8Text[EditorLayout.OSC_CLIENT_ROWS];
    private OscStatus oscSeen;
    private String oscMessageSeen;
    private boolean oscEnabledSeen;
    private int oscPortSeen = -1;
    private java.util.List<String> allowedSeen;
    private int allowedScrollSeen = -1;
    private int clientScrollSeen = -1;
    private int allowedShown;
    private int clientsShown;

    EditorRenderer(long vg, int font) {
        this.vg = vg;
        this.font = font;
        for (int i = 0; i < readings.length; i++) {
            readings[i] = new MeterReading();
        }
        for (int c = 0; c < cueNames.length; c++) {
            cueNames[c] = new Utf8Text(Layout.MAX_NAME_LENGTH * 4); // UTF-8: up to 4 bytes a code point
        }
        for (int i = 0; i < rowNames.length; i++) {
            rowNames[i] = new Utf8Text(Layout.MAX_NAME_LENGTH * 4); // a preset name has the same limit
        }
        for (int i = 0; i < sourceNames.length; i++) {
            sourceNames[i] = new Utf8Text(Layout.MAX_NAME_LENGTH * 4);
        }
        for (int i = 0; i < pinText.length; i++) {
            pinText[i] = new Utf8Text(16);
        }
        for (int i = 0; i < phoneText.length; i++) {
            phoneText[i] = new Utf8Text(Layout.MAX_NAME_LENGTH * 4 + 80);
        }
        for (int i = 0; i < allowedText.length; i++) {
            allowedText[i] = new Utf8Text(Layout.MAX_NAME_LENGTH * 4);
        }
        for (int i = 0; i < clientText.length; i++) {
            clientText[i] = new Utf8Text(120);
        }
    }

    void free() {
        colour.free();
    }

    /**
     * One frame of {@code instance}: its played values, meters and state snapshot, read without a
     * lock and without a call into the host (OpenGL thread).
     */
    void draw(int widthPx, int heightPx, float scale, Controller instance, int cue, Programs programs,
            NameField rename, PresetPanel presets, RemotePanel remote, OscPanel osc) {
        ParamReader params = instance.params();
        StateSnapshot state = instance.snapshot();
        float w = widthPx / scale;
        float h = heightPx / scale;
        layout.resize(w, h);
        GL11.glViewport(0, 0, widthPx, heightPx);
        GL11.glClearColor(BACKGROUND[0] / 255f, BACKGROUND[1] / 255f, BACKGROUND[2] / 255f, 1f);
        GL11.glClear(GL11.GL_COLOR_BUFFER_BIT | GL11.GL_STENCIL_BUFFER_BIT | GL11.GL_DEPTH_BUFFER_BIT);

        boolean metered = true;
        for (int s = 0; s < Layout.MAX_SOURCES; s++) {
            metered &= instance.readSourceMeter(s, readings[s]);
        }
        for (int c = 0; c < Layout.MAX_CUES; c++) {
            metered &= instance.readCueMeter(c, readings[Layout.MAX_SOURCES + c]);
        }

        nvgBeginFrame(vg, w, h, scale);
        drawTabs(state, cue);
        drawTalkback(params);
        drawSlots(state);
        drawPresets(programs, presets);
        topButton(Control.of(Control.REMOTE, 0), remote.isOpen(), remote.status().running(), "REMOTE");
        topButton(Control.of(Control.OSC, 0), osc.isOpen(), osc.status().running(), "OSC");
        for (int s = 0; s < Layout.MAX_SOURCES; s++) {
            drawStrip(s, params, cue, metered ? readings[s] : null, state.meterReference());
            drawSourceName(s, state, rename);
        }
        drawCueSection(params, cue, metered ? readings[Layout.MAX_SOURCES + cue] : null, instance.limiting(cue), state);
        drawEar(instance, params, cue);
        drawCueName(cue, rename);
        drawPresetPanel(presets, programs, rename);
        drawRemotePanel(remote, rename, state, instance.id());
        drawOscPanel(osc, rename);
        drawNotice(state.notice());
        drawDspLoad(instance);
        nvgEndFrame(vg);
    }

    private void drawTabs(StateSnapshot state, int selected) {
        for (int c = 0; c < Layout.MAX_CUES; c++) {
            layout.rect(Control.of(Control.TAB, c), r);
            int[] col = CUE_COLOURS[c];
            fillRound(r, 4f, c == selected ? col : null, 60, 64, 72);
            fill(col[0], col[1], col[2], 255);
            rect(r[0], r[1] + r[3] - 3f, r[2], 3f);
            String name = state.cueName(c);
            if (name != cueNameSeen[c]) { // a rename: encode once, not per frame
                cueNameSeen[c] = name;
                cueNames[c].clear().append(name).done();
            }
            label(cueNames[c].bytesForDraw(), r[0] + r[2] / 2, r[1] + r[3] / 2 - 1f, 13f, 235);
        }
    }

    private void drawTalkback(ParamReader params) {
        drawParam(Control.of(Control.TALKBACK, 0), params, 0);
        drawParam(Control.of(Control.TALKBACK_LATCH, 0), params, 0);
    }

    /** < and > through the factory presets, then a box with what is loaded: a click opens the panel. */
    private void drawPresets(Programs programs, PresetPanel presets) {
        layout.rect(Control.of(Control.PRESET_PREV, 0), r);
        button(r, false, HOT, "<");
        layout.rect(Control.of(Control.PRESET_NEXT, 0), r);
        button(r, false, HOT, ">");
        layout.rect(Control.of(Control.PRESETS, 0), r);
        fillRound(r, 3f, presets.isOpen() ? HOT : null, 52, 55, 62);
        String user = presets.loadedName();
        int current = programs.current();
        // Stored Strings, encoded into a reused buffer: no allocation.
        text.clear().append(user != null ? user : current < 0 ? "(no preset)" : programs.name(current));
        leftLabel(text.done(), r[0] + 6f, r[1] + r[3] / 2, 12f, presets.isOpen() ? 20 : 225);
        text.clear().append(presets.isOpen() ? "\u25BE" : "\u25B4"); // ▾ open, ▴ closed: the panel opens upwards
        drawText(text.done(), r[0] + r[2] - 6f, r[1] + r[3] / 2, 11f, presets.isOpen() ? 20 : 200,
                NVG_ALIGN_RIGHT | NVG_ALIGN_MIDDLE);
    }

    /**
     * The open preset panel over the cue section: its title (or the name field while a preset is
     * named), a row per preset (factory ones tagged), and SAVE AS, RENAME, DELETE (which asks for
     * a second click, and then reads SURE?).
     */
    private void drawPresetPanel(PresetPanel presets, Programs programs, NameField field) {
        if (!presets.isOpen()) {
            return;
        }
        layout.panel(r);
        panelBox(r);

        layout.rect(Control.of(Control.PRESET_TITLE, 0), r);
        int target = field.target();
        if (field.active() && Control.kind(target) != Control.CUE_NAME) {
            drawField(r, field, 12f);
        } else {
            text.clear().append("PRESETS");
            leftLabel(text.done(), r[0] + 4f, r[1] + r[3] / 2, 11f, 170);
        }

        String[] user = presets.userNames();
        int scroll = presets.scroll();
        int factory = programs.count();
        int count = factory + user.length;
        if (user != rowsSeenList || scroll != rowsSeenScroll) { // a new list or a scroll: encode once
            rowsSeenList = user;
            rowsSeenScroll = scroll;
            for (int i = 0; i < rowNames.length; i++) {
                int row = scroll + i;
                rowNames[i].clear().append(row < factory ? programs.name(row) : row < count ? user[row - factory] : "").done();
            }
        }
        int selected = presets.selected();
        for (int i = 0; i < rowNames.length && scroll + i < count; i++) {
            int row = scroll + i;
            layout.rect(Control.of(Control.PRESET_ROW, i), r);
            if (row == selected) {
                fillRound(r, 2f, HOT, 0, 0, 0);
            }
            // A long name stops before the factory tag instead of running under it.
            nvgScissor(vg, r[0], r[1], r[2] - (row < factory ? 52f : 4f), r[3]);
            leftLabel(rowNames[i].bytesForDraw(), r[0] + 4f, r[1] + r[3] / 2, 12f, row == selected ? 20 : 225);
            nvgResetScissor(vg);
            if (row < factory) {
                text.clear().append("factory");
                drawText(text.done(), r[0] + r[2] - 4f, r[1] + r[3] / 2, 10f, row == selected ? 40 : 140,
                        NVG_ALIGN_RIGHT | NVG_ALIGN_MIDDLE);
            }
        }
        if (count > EditorLayout.PANEL_ROWS) { // a scroll bar: where the visible rows are in the list
            layout.rect(Control.of(Control.PRESET_ROW, 0), r);
            float top = r[1];
            float h = EditorLayout.PANEL_ROWS * r[3];
            fill(110, 112, 120, 255);
            rect(r[0] + r[2] + 1f, top + h * scroll / count, 2f, h * EditorLayout.PANEL_ROWS / count);
        }

        boolean userSelected = presets.selectedUser() != null;
        layout.rect(Control.of(Control.PRESET_SAVE_AS, 0), r);
        button(r, false, HOT, "SAVE AS");
        layout.rect(Control.of(Control.PRESET_RENAME, 0), r);
        button(r, false, HOT, userSelected ? "RENAME" : "");
        layout.rect(Control.of(Control.PRESET_DELETE, 0), r);
        button(r, presets.confirmingDelete(), OVER, !userSelected ? "" : presets.confirmingDelete() ? "SURE?" : "DELETE");
    }

    /** A panel's button in the top bar (REMOTE, OSC): lit while its panel is open, a green light while the process's server runs. */
    private void topButton(int control, boolean open, boolean serving, String name) {
        layout.rect(control, r);
        fillRound(r, 3f, open ? HOT : null, 52, 55, 62);
        text.clear().append(name);
        label(text.done(), r[0] + r[2] / 2 + 5f, r[1] + r[3] / 2, 11f, open ? 20 : 220); // right of the light
        fill(serving ? PEAK[0] : 70, serving ? PEAK[1] : 72, serving ? PEAK[2] : 78, 255);
        nvgBeginPath(vg);
        nvgCircle(vg, r[0] + 9f, r[1] + r[3] / 2, 3.5f);
        nvgFill(vg);
    }

    /** An open panel's box: dark, outlined. */
    private void panelBox(float[] box) {
        fillRound(box, 4f, null, 36, 38, 44);
        nvgStrokeWidth(vg, 1f);
        nvgStrokeColor(vg, nvgRGBA((byte) 110, (byte) 112, (byte) 120, (byte) 255, colour));
        nvgStroke(vg);
    }

    /** A server's port box (or the field while a port is typed into it) and its on/off switch, lit green while on. */
    private void portAndSwitch(int portControl, int switchControl, NameField field, int port, boolean enabled) {
        layout.rect(portControl, r);
        if (field.active() && field.target() == portControl) {
            drawField(r, field, 12f);
        } else {
            fillRound(r, 3f, null, 52, 55, 62);
            text.clear().append("PORT ").append(port);
            label(text.done(), r[0] + r[2] / 2, r[1] + r[3] / 2, 11f, 225);
        }
        layout.rect(switchControl, r);
        button(r, enabled, PEAK, enabled ? "ON" : "OFF");
    }

    /** The first {@code shown} rows of a panel's list: each row's text, and its button ({@code buttonKind}) when there is one. */
    private void listRows(int list, Utf8Text[] texts, int shown, int buttonKind, String buttonName) {
        for (int row = 0; row < shown; row++) {
            layout.listRow(list, row, r);
            nvgScissor(vg, r[0], r[1], r[2], r[3]);
            leftLabel(texts[row].bytesForDraw(), r[0] + 4f, r[1] + r[3] / 2, 11f, 225);
            nvgResetScissor(vg);
            if (buttonKind != Control.NONE) {
                layout.rect(Control.of(buttonKind, row), r);
                button(r, false, OVER, buttonName);
            }
        }
    }

    /** A source's name over its strip (clipped to it), or the name field while it is renamed. */
    private void drawSourceName(int s, StateSnapshot state, NameField field) {
        layout.rect(Control.of(Control.SOURCE_NAME, s), r);
        if (field.active() && field.target() == Control.of(Control.SOURCE_NAME, s)) {
            r[2] = Math.max(r[2], 90f); // a short strip: the field grows to the right while typing
            drawField(r, field, 11f);
            return;
        }
        String name = state.sourceName(s);
        if (name != sourceNameSeen[s]) { // a rename: encode once, not per frame
            sourceNameSeen[s] = name;
            sourceNames[s].clear().append(name).done();
        }
        nvgScissor(vg, r[0], r[1], r[2], r[3]);
        label(sourceNames[s].bytesForDraw(), r[0] + r[2] / 2, r[1] + r[3] / 2, 10f, 215);
        nvgResetScissor(vg);
    }

    /**
     * The open remote panel over the strips: title with this instance's name, port and switch; the
     * server's state or problem (a port in use, with the free one offered); the QR code and the
     * address; each cue's PIN, NEW PIN and LOCK; the connected phones with DISCONNECT.
     */
    private void drawRemotePanel(RemotePanel panel, NameField field, StateSnapshot state, int instanceId) {
        if (!panel.isOpen()) {
            return;
        }
        boolean enabled = panel.enabled(); // first: it makes the PINs and locks written before it visible
        RemoteStatus status = panel.status();
        layout.remotePanel(r);
        panelBox(r);

        layout.rect(Control.of(Control.REMOTE_TITLE, 0), r);
        if (field.active() && field.target() == Control.of(Control.REMOTE_TITLE, 0)) {
            drawField(r, field, 12f); // the instance's name being typed
        } else {
            String name = panel.instanceName();
            if (name != remoteNameSeen) {
                remoteNameSeen = name;
                remoteName.clear().append("WEB REMOTE    ").append(name).done();
            }
            leftLabel(remoteName.bytesForDraw(), r[0] + 4f, r[1] + r[3] / 2, 12f, 225);
        }

        portAndSwitch(Control.of(Control.REMOTE_PORT, 0), Control.of(Control.REMOTE_SWITCH, 0), field, panel.port(), enabled);

        String message = panel.message();
        if (status != statusSeen || message != messageSeen || panel.phoneScroll() != phoneScrollSeen) {
            encodeRemote(status, message, panel.phoneScroll(), state, instanceId); // on a change only
        }
        layout.remoteMessage(r);
        boolean problem = message != null || status.problem() != null;
        drawText(remoteMessage.bytesForDraw(), r[0] + 4f, r[1] + r[3] / 2, 11f, 200, NVG_ALIGN_LEFT | NVG_ALIGN_MIDDLE,
                problem ? OVER : null);
        if (status.offeredPort() > 0) {
            layout.rect(Control.of(Control.REMOTE_OFFER, 0), r);
            text.clear().append("USE ").append(status.offeredPort());
            button(r, true, HOT, text.done());
        }

        layout.remoteQr(r);
        drawQr(r, status.qr());
        drawText(remoteAddress.bytesForDraw(), r[0] + r[2] / 2, r[1] + r[3] + 10f, 11f, 235,
                NVG_ALIGN_CENTER | NVG_ALIGN_MIDDLE, null);

        for (int c = 0; c < Layout.MAX_CUES; c++) {
            layout.remoteCue(c, r);
            fill(CUE_COLOURS[c][0], CUE_COLOURS[c][1], CUE_COLOURS[c][2], 255);
            rect(r[0], r[1] + 2f, 3f, r[3] - 4f);
            nvgScissor(vg, r[0], r[1], 150f, r[3]);
            leftLabel(cueNames[c].bytesForDraw(), r[0] + 8f, r[1] + r[3] / 2, 12f, 225);
            nvgResetScissor(vg);
            String pin = panel.pin(c);
            if (pin != pinSeen[c]) {
                pinSeen[c] = pin;
                pinText[c].clear().append("PIN ").append(pin == null ? "" : pin).done();
            }
            leftLabel(pinText[c].bytesForDraw(), r[0] + 160f, r[1] + r[3] / 2, 13f, 255);
            layout.rect(Control.of(Control.REMOTE_NEW_PIN, c), r);
            button(r, false, HOT, "NEW PIN");
            layout.rect(Control.of(Control.REMOTE_LOCK, c), r);
            button(r, panel.locked(c), OVER, "LOCK");
        }

        text.clear().append("PHONES");
        leftLabel(text.done(), layout.remoteX0() + 2f * EditorLayout.PANEL_PAD + EditorLayout.REMOTE_QR + 8f,
                layout.remotePhonesHeadingY(), 10f, 150);
        listRows(EditorLayout.LIST_PHONES, phoneText, phonesShown, Control.REMOTE_DISCONNECT, "DISCONNECT");
    }

    /**
     * The open OSC panel over the strips: title, port and switch; what the server does or why not
     * (a port in use, a refused setting) in red; the allowed addresses with REMOVE and ADD ADDRESS
     * (or the field while one is typed); the clients heard lately, each with how long ago.
     */
    private void drawOscPanel(OscPanel panel, NameField field) {
        if (!panel.isOpen()) {
            return;
        }
        OscStatus status = panel.status();
        String message = panel.message();
        boolean enabled = panel.enabled();
        int port = panel.port();
        layout.oscPanel(r);
        panelBox(r);
        layout.rect(Control.of(Control.OSC_TITLE, 0), r);
        text.clear().append("OSC");
        leftLabel(text.done(), r[0] + 4f, r[1] + r[3] / 2, 12f, 225);
        portAndSwitch(Control.of(Control.OSC_PORT, 0), Control.of(Control.OSC_SWITCH, 0), field, port, enabled);

        if (status != oscSeen || message != oscMessageSeen || enabled != oscEnabledSeen || port != oscPortSeen
                || panel.clientRows().first() != clientScrollSeen) {
            encodeOsc(status, message, enabled, port, panel.clientRows()); // on a change only
        }
        java.util.List<String> allowed = panel.allowed();
        if (allowed != allowedSeen || panel.allowedRows().first() != allowedScrollSeen) {
            encodeAllowed(allowed, panel.allowedRows());
        }
        layout.oscMessage(r);
        drawText(oscMessage.bytesForDraw(), r[0] + 4f, r[1] + r[3] / 2, 11f, 200, NVG_ALIGN_LEFT | NVG_ALIGN_MIDDLE,
                message != null || status.problem() != null ? OVER : null);

        float headingY = layout.oscHeadingY();
        text.clear().append("ALLOWED CLIENTS (").append(allowed.size()).append(')');
        leftLabel(text.done(), layout.remoteX0() + EditorLayout.PANEL_PAD, headingY, 10f, 150);
        text.clear().append("CLIENTS HEARD");
        leftLabel(text.done(), layout.oscClientsX(), headingY, 10f, 150);
        listRows(EditorLayout.LIST_OSC_ALLOWED, allowedText, allowedShown, Control.OSC_REMOVE, "REMOVE");
        layout.rect(Control.of(Control.OSC_ADD, 0), r);
        if (field.active() && field.target() == Control.of(Control.OSC_ADD, 0)) {
            drawField(r, field, 12f);
        } else {
            button(r, false, HOT, "ADD ADDRESS");
        }
        listRows(EditorLayout.LIST_OSC_CLIENTS, clientText, clientsShown, Control.NONE, "");
        // How long ago each client was heard: a figure per frame into the shared buffer, no allocation.
        long now = System.currentTimeMillis();
        java.util.List<OscStatus.Client> clients = status.clients();
        int first = panel.clientRows().first();
        for (int row = 0; row < clientsShown && first + row < clients.size(); row++) {
            long seconds = Math.max(0, (now - clients.get(first + row).lastSeenMillis()) / 1000);
            layout.listRow(EditorLayout.LIST_OSC_CLIENTS, row, r);
            text.clear().append(seconds).append(" s ago");
            drawText(text.done(), r[0] + r[2] - 4f, r[1] + r[3] / 2, 11f, 200, NVG_ALIGN_RIGHT | NVG_ALIGN_MIDDLE);
        }
    }

    /** The OSC panel's line and client rows for a new status, message, setting or scroll: never per frame. */
    private void encodeOsc(OscStatus status, String message, boolean enabled, int port, ListScroll rows) {
        oscSeen = status;
        oscMessageSeen = message;
        oscEnabledSeen = enabled;
        oscPortSeen = port;
        clientScrollSeen = rows.first();
        Utf8Text t = oscMessage.clear();
        if (message != null) {
            t.append(message);
        } else if (status.problem() != null) {
            t.append(status.problem());
        } else if (status.running() && (!enabled || status.port() != port)) {
            t.append("The process's OSC server runs on UDP port ").append(status.port())
                    .append(" with another instance's settings (the first with OSC on).");
        } else if (status.running()) {
            t.append("Serving on UDP port ").append(status.port()).append(status.loopbackOnly()
                    ? ", this computer only: add the tablets' network to reach it from them."
                    : " to the allowed clients.");
        } else if (enabled) {
            t.append("Starting on UDP port ").append(port).append(" ...");
        } else {
            t.append("Off: switch it on to let TouchOSC, Open Stage Control or a script mix the cues.");
        }
        t.done();
        java.util.List<OscStatus.Client> clients = status.clients();
        clientsShown = rows.shown(clients.size());
        for (int row = 0; row < clientsShown; row++) {
            OscStatus.Client c = clients.get(rows.first() + row);
            Utf8Text line = clientText[row].clear().append(c.address()).append("   ").append(c.messages())
                    .append(c.messages() == 1 ? " message" : " messages");
            if (c.feedback()) {
                line.append(", feedback");
            }
            line.done();
        }
    }

    /** The allowed addresses' rows for a new list or scroll: never per frame. */
    private void encodeAllowed(java.util.List<String> allowed, ListScroll rows) {
        allowedSeen = allowed;
        allowedScrollSeen = rows.first();
        allowedShown = rows.shown(allowed.size());
        for (int row = 0; row < allowedShown; row++) {
            allowedText[row].clear().append(allowed.get(rows.first() + row)).done();
        }
    }

    /** The panel's texts for a new status, message or scroll: runs when one of them changes, never per frame. */
    private void encodeRemote(RemoteStatus status, String message, int scroll, StateSnapshot state, int instanceId) {
        statusSeen = status;
        messageSeen = message;
        phoneScrollSeen = scroll;
        remoteMessage.clear();
        if (message != null) {
            remoteMessage.append(message);
        } else if (status.problem() != null) {
            remoteMessage.append(status.problem());
        } else if (status.running()) {
            remoteMessage.append("Serving ").append(status.phones().size()).append(" phone(s). Performers open the address and type their cue's PIN.");
        } else {
            remoteMessage.append("Off: switch it on to let performers mix their own cue from a phone.");
        }
        remoteMessage.done();
        remoteAddress.clear().append(status.running() ? status.address() : "").done();
        java.util.List<RemoteStatus.Phone> phones = status.phones();
        phonesShown = Math.max(0, Math.min(EditorLayout.REMOTE_PHONE_ROWS, phones.size() - scroll));
        for (int row = 0; row < phonesShown; row++) {
            RemoteStatus.Phone p = phones.get(scroll + row);
            Utf8Text t = phoneText[row].clear().append(p.address()).append("   ");
            if (p.cue() == 0) {
                t.append("choosing a cue");
            } else if (p.instance() == instanceId) {
                t.append("cue ").append(p.cue()).append(' ').append(state.cueName(p.cue() - 1));
            } else {
                t.append("instance ").append(p.instance()).append(", cue ").append(p.cue());
            }
            t.done();
        }
    }

    /** The QR code in {@code box}: a light square (the quiet zone is part of the modules) and one path of dark modules. */
    private void drawQr(float[] box, boolean[][] modules) {
        fill(250, 250, 250, 255);
        rect(box[0], box[1], box[2], box[3]);
        int n = modules.length;
        if (n == 0) {
            return;
        }
        float size = box[2] / n;
        fill(0, 0, 0, 255);
        nvgBeginPath(vg);
        for (int y = 0; y < n; y++) {
            boolean[] row = modules[y];
            for (int x = 0; x < row.length; x++) {
                if (row[x]) {
                    // A hair larger than a module, so neighbours join without anti-aliased seams.
                    nvgRect(vg, box[0] + x * size, box[1] + y * size, size + 0.3f, size + 0.3f);
                }
            }
        }
        nvgFill(vg);
    }

    private void drawSlots(StateSnapshot state) {
        layout.rect(Control.of(Control.SLOT, 0), r);
        button(r, !state.slotB(), PEAK, "A");
        layout.rect(Control.of(Control.SLOT, 1), r);
        button(r, state.slotB(), PEAK, "B");
    }

    private void drawStrip(int s, ParamReader params, int cue, MeterReading reading, int referenceDbfs) {
        // The source's number is its stereo/mono switch: amber while the source plays as mono.
        layout.rect(Control.of(Control.SOURCE_MODE, s), r);
        boolean mono = params.choice(Control.param(Control.of(Control.SOURCE_MODE, s), cue)) != 0;
        fillRound(r, 2f, mono ? HOT : null, 34, 36, 42);
        text.clear().append(s + 1);
        if (mono) {
            text.append(" M");
        }
        label(text.done(), r[0] + r[2] / 2, r[1] + r[3] / 2, 12f, mono ? 20 : 200);

        layout.sourceMeter(s, m);
        meter(m, reading, referenceDbfs);
        layout.rect(Control.of(Control.SOURCE_CLIP, s), r);
        clipLight(r, reading);

        SendParams send = Params.cue(cue).send(s);
        layout.rect(Control.of(Control.SEND_LEVEL, s), r);
        fader(r, params.normalized(send.level()), CUE_COLOURS[cue], params.isOn(send.mute()));

        layout.rect(Control.of(Control.SEND_PAN, s), r);
        pan(r, params.normalized(send.pan()));

        // The source's send into the reverb, for every cue: a thin bar, lit while it sends.
        layout.rect(Control.of(Control.AMBIENCE_SEND, s), r);
        int ambience = Params.source(s).ambience();
        fill(40, 42, 48, 255);
        rect(r[0], r[1], r[2], r[3]);
        if (params.get(ambience) > Params.LEVEL_MIN_DB) {
            fill(AMBIENCE[0], AMBIENCE[1], AMBIENCE[2], 255);
            rect(r[0], r[1], r[2] * params.normalized(ambience), r[3]);
        }

        drawParam(Control.of(Control.SEND_MUTE, s), params, cue);
    }

    private void drawCueSection(ParamReader params, int cue, MeterReading reading, boolean limiting, StateSnapshot state) {
        layout.cueMeter(m);
        meter(m, reading, state.meterReference());
        layout.rect(Control.of(Control.CUE_CLIP, 0), r);
        clipLight(r, reading);

        layout.rect(Control.of(Control.CUE_LEVEL, 0), r);
        int level = Params.cue(cue).level();
        fader(r, params.normalized(level), CUE_COLOURS[cue], params.isOn(Params.cue(cue).mute()));
        text.clear().appendDb(params.get(level), Params.LEVEL_MIN_DB).append(" dB");
        label(text.done(), r[0] + r[2] / 2, r[1] + r[3] + 12f, 11f, 220);

        for (int kind : Control.CUE_BUTTONS) {
            drawParam(Control.of(kind, 0), params, cue);
            if (kind == Control.CUE_LIMITER) { // its light: on while the limiter reduces gain
                boolean acting = limiting;
                fill(acting ? 255 : 70, acting ? 60 : 40, 40, 255);
                nvgBeginPath(vg);
                nvgCircle(vg, r[0] + r[2] + 8f, r[1] + r[3] / 2, 4f);
                nvgFill(vg);
            }
        }
        layout.rect(Control.of(Control.CUE_CLONE, 0), r);
        button(r, false, HOT, "CLONE >");
        layout.rect(Control.of(Control.CUE_RESET, 0), r);
        button(r, false, HOT, "RESET");
        vuScale(state.meterReference());
        readouts(reading, state.meterReference());
        drawSide(params, cue, state.meterReference());
    }

    /** Loudness reset, the meter reference, and the value and choice boxes under the read-outs. */
    private void drawSide(ParamReader params, int cue, int referenceDbfs) {
        layout.rect(Control.of(Control.LOUDNESS_RESET, 0), r);
        button(r, false, HOT, "RESET LOUDNESS");
        layout.rect(Control.of(Control.METER_REFERENCE, 0), r);
        fillRound(r, 3f, null, 52, 55, 62);
        text.clear().append("0 VU = ").append(referenceDbfs).append(" dBFS");
        label(text.done(), r[0] + r[2] / 2, r[1] + r[3] / 2, 11f, 220);
        fill(REFERENCE[0], REFERENCE[1], REFERENCE[2], 255);
        rect(r[0] + 3f, r[1] + r[3] / 2 - 1f, 6f, 2f);
        for (int kind : Control.SIDE) {
            if (Control.role(Control.of(kind, 0)) != null) {
                drawParam(Control.of(kind, 0), params, cue);
            }
        }
    }

    /**
     * The ear column: the selected cue's tone, crossfeed, ambience return and maximum level, the
     * reverb's room, the calibration, and the hearing dose (a share of the weekly allowance, red
     * from 100 %; "uncalibrated" until the calibration is set, never a made-up number).
     */
    private void drawEar(Controller instance, ParamReader params, int cue) {
        for (int kind : Control.EAR) {
            if (Control.role(Control.of(kind, 0)) != null) {
                drawParam(Control.of(kind, 0), params, cue);
            }
        }
        double calibration = instance.calibration(cue);
        layout.rect(Control.of(Control.CALIBRATION, 0), r);
        fillRound(r, 3f, null, 40, 42, 48);
        text.clear().append("CAL ");
        if (Double.isNaN(calibration)) {
            text.append("off");
        } else {
            text.appendDb(calibration, 0).append(" SPL");
        }
        label(text.done(), r[0] + r[2] / 2, r[1] + r[3] / 2, 11f, 230);
        layout.rect(Control.of(Control.DOSE_RESET, 0), r);
        button(r, false, HOT, "RESET DOSE");

        layout.dose(r);
        if (!instance.readDose(cue, dose)) {
            return;
        }
        text.clear().append("DOSE ");
        int[] colour = null;
        if (!dose.calibrated) {
            text.append("uncalibrated");
        } else {
            text.append(Math.round(dose.dose * 100)).append(" %");
            colour = dose.overAllowance() ? OVER : null;
        }
        drawText(text.done(), r[0], r[1] + 7f, 12f, 225, NVG_ALIGN_LEFT | NVG_ALIGN_MIDDLE, colour);
        text.clear().append("LAeq ");
        if (Double.isNaN(dose.laeqDbSpl)) {
            text.append("--");
        } else {
            text.appendDb(dose.laeqDbSpl, 0).append(" dB");
        }
        leftLabel(text.done(), r[0], r[1] + 21f, 12f, 225);
    }

    /**
     * A control that edits a parameter, drawn from what the parameter is: a toggle as a button
     * lit while on; a choice as a button with its label and the current choice, lit when not the
     * first; a level as a value box. Labels and choices are stored Strings: no allocation.
     */
    private void drawParam(int control, ParamReader params, int cue) {
        int p = Control.param(control, cue);
        ParamSpec spec = Params.get(p);
        int[] colour = colour(Control.lit(control));
        layout.rect(control, r);
        switch (spec.kind()) {
            case BOOL -> button(r, colour != null && params.isOn(p), colour, Control.label(control));
            case CHOICE -> {
                int choice = params.choice(p);
                text.clear().append(Control.label(control)).append(spec.choices().get(choice));
                button(r, colour != null && choice != 0, colour, text.done());
            }
            case FLOAT -> valueBox(Control.label(control), params, p);
        }
    }

    private static int[] colour(Control.Lit lit) {
        return switch (lit) {
            case NEVER -> null;
            case ACTIVE -> HOT;
            case ALERT -> OVER;
            case SAFE -> PEAK;
        };
    }

    /**
     * A value in the box {@link #r}, the box filled from the left as far as the value is in its
     * range, in the parameter's unit ("Off" at a high-pass's or maximum level's off position).
     */
    private void valueBox(String name, ParamReader params, int param) {
        ParamSpec spec = Params.get(param);
        float v = params.get(param);
        fillRound(r, 3f, null, 40, 42, 48);
        fill(70, 76, 92, 255);
        rect(r[0], r[1], r[2] * params.normalized(param), r[3]);
        text.clear().append(name);
        if (spec.isOff(v)) {
            text.append("Off");
        } else if (spec.unit().equals("dB")) {
            text.appendDb(v, Params.LEVEL_MIN_DB).append(" dB");
        } else if (spec.unit().equals("s")) {
            text.appendDb(v, 0).append(" s");
        } else {
            text.append(Math.round(v)).append(' ').append(spec.unit());
        }
        label(text.done(), r[0] + r[2] / 2, r[1] + r[3] / 2, 11f, 230);
    }

    /**
     * The VU scale beside the cue meter: marks in VU on the same dB scale as the bars, placed by
     * the meter reference, 0 VU in the reference colour. With 0 VU = -18 dBFS a -18 dBFS sine's
     * peak sits at 0 VU (its VU reading, sine-calibrated, is its peak level).
     */
    private void vuScale(int referenceDbfs) {
        layout.cueMeter(m);
        float x = layout.vuScaleX();
        for (int vu : VU_MARKS) {
            float y = MeterScale.y(referenceDbfs + vu, m[1], m[3]);
            int[] c = vu == 0 ? REFERENCE : null;
            if (c != null) {
                fill(c[0], c[1], c[2], 255);
            } else {
                fill(150, 150, 160, 255);
            }
            rect(m[0] + m[2] + 1f, y - 1f, vu == 0 ? 6f : 4f, 2f); // ticks end before the labels start
            text.clear();
            if (vu > 0) {
                text.append('+');
            }
            text.append(vu);
            drawText(text.done(), x, y, 9f, vu == 0 ? 255 : 170, NVG_ALIGN_LEFT | NVG_ALIGN_MIDDLE);
        }
        text.clear().append("VU");
        drawText(text.done(), x, m[1] - 6f, 9f, 170, NVG_ALIGN_LEFT | NVG_ALIGN_MIDDLE);
    }

    /**
     * What went wrong or was changed at the last state or program load (a state from a newer
     * version, values clamped, a refused blob), in amber along the bottom edge under the strips,
     * until a clean load clears it. The log has the whole story.
     */
    /**
     * "DSP 7.3 %  late 0" left of the version: the share of the audio period this instance took
     * over the last half second, and the blocks since the host prepared it that took over half
     * their period (the shim's measurement, as pro plugins show it), in amber for three seconds after
     * a new late block. Rewritten only when it changes.
     */
    private static final long DSP_LATE_HIGHLIGHT_NANOS = 3_000_000_000L;

    private void drawDspLoad(Controller instance) {
        boolean known = instance.readDspLoad(dspLoad);
        long tenths = known ? Math.round(dspLoad.percent * 10) : -1;
        long late = known ? dspLoad.lateBlocks : -1;
        long now = System.nanoTime();
        if (late > dspShownLate && dspShownLate >= 0) {
            dspLateSeenNanos = now;   // amber while a late block is recent, not for ever after one
        }
        if (tenths != dspShownTenths || late != dspShownLate) {
            dspShownTenths = tenths;
            dspShownLate = late;
            dspText.clear().append("DSP ");
            if (known) {
                dspText.append(tenths / 10).append('.').append(tenths % 10).append(" %  late ").append(late);
            } else {
                dspText.append("-");
            }
            dspText.done();
        }
        layout.dspLoad(r);
        drawText(dspText.bytesForDraw(), r[0] + r[2], r[1] + r[3] / 2, 10f, 150, NVG_ALIGN_RIGHT | NVG_ALIGN_MIDDLE,
                dspLateSeenNanos != Long.MIN_VALUE && now - dspLateSeenNanos < DSP_LATE_HIGHLIGHT_NANOS ? HOT : null);
    }

    private static Utf8Text finished(Utf8Text text) {
        text.done();
        return text;
    }

    private void drawNotice(String notice) {
        layout.version(r);
        drawText(versionText.bytesForDraw(), r[0] + r[2], r[1] + r[3] / 2, 10f, 150, NVG_ALIGN_RIGHT | NVG_ALIGN_MIDDLE);
        if (notice == null) {
            return;
        }
        if (notice != noticeSeen) {
            noticeSeen = notice;
            noticeText.clear().append(notice).done();
        }
        drawText(noticeText.bytesForDraw(), EditorLayout.MARGIN, layout.height() - 7f, 11f, 0,
                NVG_ALIGN_LEFT | NVG_ALIGN_MIDDLE, HOT);
    }

    /** The selected cue's name over its section, or the rename field while one is open. */
    private void drawCueName(int cue, NameField rename) {
        layout.rect(Control.of(Control.CUE_NAME, 0), r);
        if (!rename.active() || rename.cue() != cue) {
            leftLabel(cueNames[cue].bytesForDraw(), r[0] + 4f, r[1] + r[3] / 2, 14f, 255);
            return;
        }
        drawField(r, rename, 14f);
    }

    /** The name field in {@code box}: light, with the typed text and the caret. */
    private void drawField(float[] box, NameField field, float size) {
        float[] r = box;
        String typed = field.text();
        int caret = Math.min(field.caret(), typed.length());
        if (typed != fieldSeen || caret != caretSeen) {
            fieldSeen = typed;
            caretSeen = caret;
            fieldText.clear().append(typed).done();
            fieldPrefix.clear().append(typed, 0, caret).done();
        }
        fill(FIELD[0], FIELD[1], FIELD[2], 255);
        nvgBeginPath(vg);
        nvgRoundedRect(vg, r[0], r[1] - 1f, r[2], r[3] + 2f, 2f);
        nvgFill(vg);
        if (font < 0) {
            return;
        }
        nvgFontFaceId(vg, font);
        nvgFontSize(vg, size);
        nvgTextAlign(vg, NVG_ALIGN_LEFT | NVG_ALIGN_MIDDLE);
        float caretX = r[0] + 4f + (fieldPrefix.bytesForDraw().hasRemaining()
                ? nvgTextBounds(vg, 0f, 0f, fieldPrefix.bytesForDraw(), bounds) : 0f);
        fill(20, 20, 24, 255);
        if (fieldText.bytesForDraw().hasRemaining()) {
            nvgText(vg, r[0] + 4f, r[1] + r[3] / 2, fieldText.bytesForDraw());
        }
        rect(caretX, r[1] + 1f, 1.5f, r[3] - 2f);
    }

    /** Loudness (EBU R 128 momentary, short-term, integrated), true peak and correlation. */
    private void readouts(MeterReading reading, int referenceDbfs) {
        layout.readouts(r);
        if (reading == null) {
            return;
        }
        float x = r[0];
        float y = r[1] + 8f;
        readout(x, y, "M ", reading.momentaryLufs, " LUFS");
        readout(x, y + 15f, "S ", reading.shortTermLufs, " LUFS");
        readout(x, y + 30f, "I ", reading.integratedLufs, " LUFS");
        readout(x, y + 45f, "LRA ", reading.loudnessRangeLu, " LU");
        readout(x, y + 60f, "TP ", MeterReading.max(reading.truePeakMaxDbtp), " dBTP");
        readout(x, y + 75f, "RMS ", MeterReading.max(reading.rmsDbfs), " dBFS");
        // VU against the chosen reference: the sine-calibrated VU level minus 0 VU's level.
        readout(x, y + 90f, "VU ", MeterReading.max(reading.vuLevelDbfs) - referenceDbfs, "");

        // Correlation, -1..+1, next to the mono switch it informs.
        float cy = y + 104f;
        float cw = Math.max(20f, r[2] - 4f);
        fill(METER_BACK[0], METER_BACK[1], METER_BACK[2], 255);
        rect(x, cy, cw, 10f);
        fill(90, 90, 100, 255);
        rect(x + cw / 2 - 0.5f, cy, 1f, 10f);
        double c = Double.isFinite(reading.correlation) ? Math.max(-1, Math.min(1, reading.correlation)) : 0;
        if (c < 0) {
            fill(OVER[0], OVER[1], OVER[2], 255);
        } else {
            fill(PEAK[0], PEAK[1], PEAK[2], 255);
        }
        rect(x + (float) (cw / 2 * (1 + c)) - 2f, cy - 2f, 4f, 14f);
        text.clear().append("corr");
        leftLabel(text.done(), x, cy + 20f, 11f, 160);
    }

    private void readout(float x, float y, String name, double value, String unit) {
        text.clear().append(name);
        if (Double.isNaN(value)) {
            text.append("--"); // undefined yet (no gated block, silence)
        } else {
            text.appendDb(value, -99.0).append(unit);
        }
        leftLabel(text.done(), x, y, 12f, 225);
    }

    /** Two bars (L, R): sample peak, RMS over it, the hold line, the reference mark behind. */
    private void meter(float[] box, MeterReading reading, int referenceDbfs) {
        fill(METER_BACK[0], METER_BACK[1], METER_BACK[2], 255);
        rect(box[0], box[1], box[2], box[3]);
        float refY = MeterScale.y(referenceDbfs, box[1], box[3]);
        fill(REFERENCE[0], REFERENCE[1], REFERENCE[2], 255);
        rect(box[0], refY - 1f, box[2], 2f);
        if (reading == null) {
            return;
        }
        float gap = 2f;
        float bw = (box[2] - gap) / 2f;
        float bottom = box[1] + box[3];
        for (int ch = 0; ch < 2; ch++) {
            float bx = box[0] + ch * (bw + gap);
            float peakY = MeterScale.y(reading.samplePeakDbfs[ch], box[1], box[3]);
            // Peak in zones: green to -9 dBFS, amber to 0, red above.
            zone(bx, bw, peakY, bottom, MeterScale.y(-9.0, box[1], box[3]), bottom, PEAK);
            zone(bx, bw, peakY, bottom, MeterScale.y(0.0, box[1], box[3]), MeterScale.y(-9.0, box[1], box[3]), HOT);
            zone(bx, bw, peakY, bottom, box[1], MeterScale.y(0.0, box[1], box[3]), OVER);
            float rmsY = MeterScale.y(reading.rmsDbfs[ch], box[1], box[3]);
            fill(RMS[0], RMS[1], RMS[2], 255);
            rect(bx, rmsY, bw, bottom - rmsY);
            double hold = reading.samplePeakMaxDbfs[ch];
            if (hold > MeterScale.FLOOR_DB) {
                float holdY = MeterScale.y(hold, box[1], box[3]);
                fill(235, 235, 235, 255);
                rect(bx, holdY - 2f, bw, 1.5f);
            }
        }
    }

    /** The part of bar [top, bottom] that lies inside zone [zoneTop, zoneBottom]. */
    private void zone(float x, float w, float top, float bottom, float zoneTop, float zoneBottom, int[] c) {
        float t = Math.max(top, zoneTop);
        float b = Math.min(bottom, zoneBottom);
        if (b > t) {
            fill(c[0], c[1], c[2], 255);
            rect(x, t, w, b - t);
        }
    }

    private void clipLight(float[] box, MeterReading reading) {
        boolean clipped = reading != null && (reading.clipped(0) || reading.clipped(1));
        if (clipped) {
            fill(OVER[0], OVER[1], OVER[2], 255);
        } else {
            fill(50, 30, 30, 255);
        }
        rect(box[0], box[1], box[2], box[3]);
    }

    private void fader(float[] box, float normalized, int[] col, boolean muted) {
        float cx = box[0] + box[2] / 2;
        fill(50, 52, 58, 255);
        rect(cx - 1.5f, box[1], 3f, box[3]);
        float y = box[1] + box[3] * (1f - normalized);
        fill(col[0], col[1], col[2], muted ? 90 : 255);
        nvgBeginPath(vg);
        nvgRoundedRect(vg, box[0], y - 5f, box[2], 10f, 2f);
        nvgFill(vg);
    }

    private void pan(float[] box, float normalized) {
        fill(50, 52, 58, 255);
        rect(box[0], box[1] + box[3] / 2 - 1f, box[2], 2f);
        fill(200, 200, 210, 255);
        rect(box[0] + box[2] * normalized - 2f, box[1], 4f, box[3]);
    }

    private void button(float[] box, boolean on, int[] onColour, String name) {
        button(box, on, onColour, text.clear().append(name).done());
    }

    private void button(float[] box, boolean on, int[] onColour, java.nio.ByteBuffer name) {
        fillRound(box, 3f, on ? onColour : null, 52, 55, 62);
        label(name, box[0] + box[2] / 2, box[1] + box[3] / 2, 11f, on ? 20 : 220);
    }

    private void fillRound(float[] box, float radius, int[] on, int r0, int g0, int b0) {
        if (on != null) {
            fill(on[0], on[1], on[2], 255);
        } else {
            fill(r0, g0, b0, 255);
        }
        nvgBeginPath(vg);
        nvgRoundedRect(vg, box[0], box[1], box[2], box[3], radius);
        nvgFill(vg);
    }

    private void label(java.nio.ByteBuffer s, float cx, float cy, float size, int grey) {
        drawText(s, cx, cy, size, grey, NVG_ALIGN_CENTER | NVG_ALIGN_MIDDLE);
    }

    private void leftLabel(java.nio.ByteBuffer s, float x, float cy, float size, int grey) {
        drawText(s, x, cy, size, grey, NVG_ALIGN_LEFT | NVG_ALIGN_MIDDLE);
    }

    private void drawText(java.nio.ByteBuffer s, float x, float y, float size, int grey, int align) {
        drawText(s, x, y, size, grey, align, null);
    }

    /** Text in a grey level, or in {@code colour} when given. */
    private void drawText(java.nio.ByteBuffer s, float x, float y, float size, int grey, int align, int[] colour) {
        if (font < 0 || !s.hasRemaining()) {
            return;
        }
        nvgFontFaceId(vg, font);
        nvgFontSize(vg, size);
        nvgTextAlign(vg, align);
        if (colour != null) {
            fill(colour[0], colour[1], colour[2], 255);
        } else {
            fill(grey, grey, grey, 255);
        }
        nvgText(vg, x, y, s);
    }

    private void rect(float x, float y, float w, float h) {
        nvgBeginPath(vg);
        nvgRect(vg, x, y, w, h);
        nvgFill(vg);
    }

    private void fill(int red, int green, int blue, int alpha) {
        nvgRGBA((byte) red, (byte) green, (byte) blue, (byte) alpha, colour);
        nvgFillColor(vg, colour);
    }
}
