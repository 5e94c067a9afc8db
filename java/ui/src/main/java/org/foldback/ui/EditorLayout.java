package org.foldback.ui;

import org.foldback.control.EditorView;
import org.foldback.engine.Layout;

/**
 * Where everything sits, in points, for an editor of a given size. Pure arithmetic on the size:
 * the GL thread (drawing) and the message thread (hit tests) each keep their own instance.
 *
 * <pre>
 *  [cue tabs .........................................] [REMOTE] [A][B] [talkback][latch]
 *  [Kick][Bass] ... names (double-click to rename)       | cue name
 *  [ 1  ][ 2 M] ... numbers: stereo/mono switch          | (cue meter and buttons start here)
 *  [S1][S2] ... [S16]   one strip per source:            | cue section:
 *   clip light, meter + send fader, pan, mute            | meter, level fader, buttons, loudness
 * </pre>
 *
 * The remote panel, over the strips while open (REMOTE opens it):
 * <pre>
 *  [WEB REMOTE  instance name ...........] [PORT 8337] [ON]
 *  [problem: port 8337 is in use; 8338 is free ..........] [USE 8338]
 *  [QR code  ]  1 Vocals   PIN 123456   [NEW PIN] [LOCK]
 *  [         ]  ... one row per cue
 *  [         ]  PHONES
 *  address       192.168.1.33   Foldback 1, cue 2     [DISCONNECT]
 * </pre>
 *
 * The OSC panel, in the same place while open (OSC, right of REMOTE, opens it):
 * <pre>
 *  [OSC  serving on UDP port 8000 ..........] [PORT 8000] [ON]
 *  [what the server does, or why not (a port in use, a refused address) ...]
 *  ALLOWED CLIENTS                       CLIENTS HEARD
 *  127.0.0.0/8          [REMOVE]         127.0.0.1   214 messages, feedback     3 s ago
 *  ... one row each                      ... one row each (the wheel scrolls both lists)
 *  [ADD ADDRESS ...............]
 * </pre>
 */
public final class EditorLayout {
    public static final int DEFAULT_WIDTH = EditorView.DEFAULT_WIDTH;
    public static final int DEFAULT_HEIGHT = EditorView.DEFAULT_HEIGHT;
    public static final int MIN_WIDTH = EditorView.MIN_WIDTH;
    public static final int MIN_HEIGHT = EditorView.MIN_HEIGHT;

    static final float MARGIN = 8f;
    static final float TAB_BAR = 36f;
    static final float LABEL = 16f;
    /**
     * Above each strip, over its number (the stereo/mono switch): the source's name. Every meter
     * starts this much lower; the cue section's buttons, read-outs and side column do not (they
     * need the height at the smallest size), so they start at {@link #controlsTop()}.
     */
    static final float NAME_H = 15f;
    static final float CLIP = 8f;
    static final float BOTTOM = 60f;
    static final float CUE_SECTION = 420f;
    /** Cue section columns, from its left edge: meter, VU scale labels, level fader, buttons, read-outs. */
    static final float CUE_METER_W = 44f;
    static final float VU_SCALE_X = 60f;
    static final float CUE_FADER_X = 78f;
    static final float BUTTONS_X = 110f;
    static final float BUTTON_W = 72f;
    static final float SIDE_X = 200f;
    /** The ear column (tone, crossfeed, ambience, maximum level, calibration, dose), right of the side column. */
    static final float EAR_X = 312f;
    static final float EAR_W = CUE_SECTION - EAR_X - MARGIN;
    /** Where the side column's controls start below the meters' top (the read-outs are above). */
    static final float SIDE_TOP = 142f;
    /** Side rows are a little tighter than the buttons: all seven fit above the preset row at the smallest size. */
    static final float SIDE_PITCH = 24f;
    static final float BUTTON_H = 22f;
    static final float BUTTON_GAP = 5f;
    /** The preset panel: over the cue section's lower part, its bottom just above the preset row. */
    static final float PANEL_W = 260f;
    static final float PANEL_PAD = 4f;
    static final float PANEL_ROW_H = 18f;
    /** List rows shown at once; the wheel scrolls through more. */
    public static final int PANEL_ROWS = 10;
    /** The remote panel: over the strips, under the tabs; the QR code left, a row per cue and per phone right. */
    static final float REMOTE_W = 560f;
    static final float REMOTE_QR = 150f;
    static final float REMOTE_ROW_H = 20f;
    /** Phones listed at once (the wheel scrolls through more). */
    public static final int REMOTE_PHONE_ROWS = 4;
    /** The OSC panel's allowed addresses (left column) and clients (right), rows shown at once. */
    public static final int OSC_ALLOWED_ROWS = 7;
    public static final int OSC_CLIENT_ROWS = 8;
    static final float OSC_ALLOWED_W = 230f;
    /** The lists a panel draws as rows of text: which one {@link #listRow} places. */
    static final int LIST_PHONES = 0;
    static final int LIST_OSC_ALLOWED = 1;
    static final int LIST_OSC_CLIENTS = 2;

    private float width = DEFAULT_WIDTH;
    private float height = DEFAULT_HEIGHT;

    public void resize(float w, float h) {
        width = Math.max(1f, w);
        height = Math.max(1f, h);
    }

    public float width() {
        return width;
    }

    public float height() {
        return height;
    }

    /** Top edge of every meter (below the clip lights). */
    public float meterTop() {
        return TAB_BAR + NAME_H + LABEL + CLIP + 4f;
    }

    public float meterHeight() {
        return Math.max(20f, height - meterTop() - BOTTOM);
    }

    public float cueSectionX() {
        return width - CUE_SECTION;
    }

    public float stripWidth() {
        return (cueSectionX() - 2 * MARGIN) / Layout.MAX_SOURCES;
    }

    public float stripX(int source) {
        return MARGIN + source * stripWidth();
    }

    /** The source's meter (both channels). */
    public void sourceMeter(int source, float[] r) {
        float sw = stripWidth();
        set(r, stripX(source) + 3f, meterTop(), sw * 0.42f, meterHeight());
    }

    /** Top edge of the cue section's buttons, read-outs and side column: level with the sources' numbers' bottom. */
    public float controlsTop() {
        return meterTop() - NAME_H;
    }

    /** The cue's big meter (both channels). */
    public void cueMeter(float[] r) {
        set(r, cueSectionX() + MARGIN, meterTop(), CUE_METER_W, meterHeight());
    }

    /** Label above a strip (source name) or above the cue section (cue name). */
    public void sourceLabel(int source, float[] r) {
        set(r, stripX(source), TAB_BAR, stripWidth(), NAME_H);
    }

    /** The rectangle of a control; zero-size when it is not shown. */
    public void rect(int control, float[] r) {
        int i = Control.index(control);
        float sw = stripWidth();
        float mt = meterTop();
        float mh = meterHeight();
        float bottom = mt + mh;
        float cx = cueSectionX();
        switch (Control.kind(control)) {
            case Control.TAB -> {
                float tabW = Math.min(104f, (cx - 2 * MARGIN) / Layout.MAX_CUES - 4f);
                set(r, MARGIN + i * (tabW + 4f), 6f, tabW, 24f);
            }
            case Control.TALKBACK -> set(r, width - MARGIN - 164f, 6f, 100f, 24f);
            case Control.REMOTE -> set(r, cx + 4f, 6f, 70f, 24f);
            case Control.OSC -> set(r, cx + 78f, 6f, 44f, 24f);
            // The OSC panel lies where the remote's does (one is open at a time) and shares its top line.
            case Control.REMOTE_TITLE, Control.OSC_TITLE -> set(r, remoteX() + PANEL_PAD, remoteY() + PANEL_PAD,
                    REMOTE_W - 4 * PANEL_PAD - 150f, BUTTON_H);
            case Control.REMOTE_PORT, Control.OSC_PORT -> set(r, remoteX() + REMOTE_W - 2 * PANEL_PAD - 150f,
                    remoteY() + PANEL_PAD, 96f, BUTTON_H);
            case Control.REMOTE_SWITCH, Control.OSC_SWITCH -> set(r, remoteX() + REMOTE_W - PANEL_PAD - 50f,
                    remoteY() + PANEL_PAD, 50f, BUTTON_H);
            case Control.OSC_REMOVE -> set(r, remoteX() + PANEL_PAD + OSC_ALLOWED_W - 64f, oscListY() + i * REMOTE_ROW_H, 64f,
                    REMOTE_ROW_H - 2f);
            case Control.OSC_ADD -> set(r, remoteX() + PANEL_PAD, oscListY() + OSC_ALLOWED_ROWS * REMOTE_ROW_H + 2f,
                    OSC_ALLOWED_W, BUTTON_H);
            case Control.REMOTE_OFFER -> set(r, remoteX() + REMOTE_W - PANEL_PAD - 110f, remoteRow1Y(), 110f, BUTTON_H);
            case Control.REMOTE_NEW_PIN -> set(r, remoteX() + REMOTE_W - 2 * PANEL_PAD - 56f - 64f, remoteCueY(i), 64f,
                    REMOTE_ROW_H - 2f);
            case Control.REMOTE_LOCK -> set(r, remoteX() + REMOTE_W - PANEL_PAD - 56f, remoteCueY(i), 56f, REMOTE_ROW_H - 2f);
            case Control.REMOTE_DISCONNECT -> set(r, remoteX() + REMOTE_W - PANEL_PAD - 92f,
                    remotePhonesY() + i * REMOTE_ROW_H, 92f, REMOTE_ROW_H - 2f);
            case Control.SOURCE_NAME -> set(r, stripX(i) + 1f, TAB_BAR, sw - 2f, NAME_H);
            case Control.TALKBACK_LATCH -> set(r, width - MARGIN - 60f, 6f, 60f, 24f);
            case Control.SLOT -> set(r, width - MARGIN - 164f - 8f - (2 - i) * 32f, 6f, 28f, 24f);
            case Control.PRESET_PREV -> set(r, cx + BUTTONS_X, presetRowY(), 34f, BUTTON_H);
            case Control.PRESET_NEXT -> set(r, cx + BUTTONS_X + 38f, presetRowY(), 34f, BUTTON_H);
            case Control.PRESETS -> set(r, cx + BUTTONS_X + 76f, presetRowY(), width - MARGIN - (cx + BUTTONS_X + 76f), BUTTON_H);
            case Control.PRESET_TITLE -> set(r, panelX() + PANEL_PAD, panelY() + PANEL_PAD, PANEL_W - 2 * PANEL_PAD, BUTTON_H);
            case Control.PRESET_ROW -> set(r, panelX() + PANEL_PAD, panelY() + 2 * PANEL_PAD + BUTTON_H + i * PANEL_ROW_H,
                    PANEL_W - 2 * PANEL_PAD, PANEL_ROW_H);
            case Control.PRESET_SAVE_AS, Control.PRESET_RENAME, Control.PRESET_DELETE -> {
                int k = Control.kind(control) - Control.PRESET_SAVE_AS;
                float bw = (PANEL_W - 4 * PANEL_PAD) / 3f;
                set(r, panelX() + PANEL_PAD + k * (bw + PANEL_PAD), panelY() + panelHeight() - PANEL_PAD - BUTTON_H, bw, BUTTON_H);
            }
            case Control.SEND_LEVEL -> set(r, stripX(i) + sw * 0.5f, mt, sw * 0.42f, mh);
            case Control.SOURCE_CLIP -> set(r, stripX(i) + 3f, mt - CLIP - 2f, sw * 0.42f, CLIP);
            case Control.SOURCE_MODE -> set(r, stripX(i) + 2f, TAB_BAR + NAME_H + 1f, sw - 4f, LABEL - 2f);
            case Control.SEND_PAN -> set(r, stripX(i) + 3f, bottom + 8f, sw - 6f, 12f);
            case Control.SEND_MUTE -> set(r, stripX(i) + 3f, bottom + 26f, sw - 6f, 20f);
            case Control.AMBIENCE_SEND -> set(r, stripX(i) + 3f, bottom + 49f, sw - 6f, 9f);
            case Control.CUE_CLIP -> set(r, cx + MARGIN, mt - CLIP - 2f, CUE_METER_W, CLIP);
            case Control.CUE_NAME -> set(r, cx + CUE_FADER_X, TAB_BAR, CUE_SECTION - MARGIN - CUE_FADER_X, LABEL);
            case Control.CUE_LEVEL -> set(r, cx + CUE_FADER_X, mt, 26f, mh);
            default -> {
                int row = buttonRow(Control.kind(control));
                int side = sideRow(Control.kind(control));
                int ear = earRow(Control.kind(control));
                if (ear >= 0) {
                    set(r, cx + EAR_X, controlsTop() + ear * SIDE_PITCH, EAR_W, SIDE_PITCH - 4f);
                } else if (row >= 0) {
                    float x = cx + BUTTONS_X;
                    float w = BUTTON_W;
                    int kind = Control.kind(control);
                    if (kind == Control.CUE_POLARITY_LEFT || kind == Control.CUE_POLARITY_RIGHT) {
                        w = (BUTTON_W - BUTTON_GAP) / 2; // a pair on one row, as on a console
                        x += kind == Control.CUE_POLARITY_RIGHT ? w + BUTTON_GAP : 0f;
                    }
                    set(r, x, controlsTop() + row * (BUTTON_H + BUTTON_GAP), w, BUTTON_H);
                } else if (side >= 0) {
                    set(r, cx + SIDE_X, controlsTop() + SIDE_TOP + side * SIDE_PITCH, sideWidth(), SIDE_PITCH - 4f);
                } else {
                    set(r, 0, 0, 0, 0);
                }
            }
        }
    }

    /** The preset row: under the cue section's meters, right of the level read-out, so long preset names have room. */
    public float presetRowY() {
        return meterTop() + meterHeight() + 24f;
    }

    /** The preset panel's box (drawn only while it is open). */
    public void panel(float[] r) {
        set(r, panelX(), panelY(), PANEL_W, panelHeight());
    }

    private float panelX() {
        return width - MARGIN - PANEL_W;
    }

    private float panelY() {
        return presetRowY() - 6f - panelHeight();
    }

    private static float panelHeight() {
        return 4 * PANEL_PAD + 2 * BUTTON_H + PANEL_ROWS * PANEL_ROW_H;
    }

    /**
     * The panel's control under (x, y), {@link Control#PRESET_TITLE} for the rest of its box, or
     * {@link Control#NONE} outside it. Only asked while the panel is open. Allocates nothing.
     */
    public int panelHit(float x, float y, float[] scratch) {
        panel(scratch);
        return boxHit(x, y, scratch, PANEL_ROW_KINDS, PANEL_ROW_COUNTS, PANEL_ACTIONS, Control.PRESET_TITLE);
    }

    /** The remote panel's box (drawn only while it is open). */
    public void remotePanel(float[] r) {
        set(r, remoteX(), remoteY(), REMOTE_W, remoteHeight());
    }

    /** The QR code's square, left in the remote panel. */
    public void remoteQr(float[] r) {
        set(r, remoteX() + PANEL_PAD, remoteCueY(0), REMOTE_QR, REMOTE_QR);
    }

    /** The second line: the remote's problem (a port in use) or its state. */
    public void remoteMessage(float[] r) {
        set(r, remoteX() + PANEL_PAD, remoteRow1Y(), REMOTE_W - 3 * PANEL_PAD - 110f, BUTTON_H);
    }

    /** Cue {@code cue}'s row right of the QR code: its number, name and PIN (the buttons are controls). */
    public void remoteCue(int cue, float[] r) {
        float x = remoteColumnX();
        set(r, x, remoteCueY(cue), remoteX() + REMOTE_W - PANEL_PAD - x, REMOTE_ROW_H - 2f);
    }

    /**
     * Visible row {@code row} of a panel's list (its text; a row's button is a control): {@link
     * #LIST_PHONES} right of the QR code, {@link #LIST_OSC_ALLOWED} left in the OSC panel (the
     * REMOVE button at its right end), {@link #LIST_OSC_CLIENTS} right of it.
     */
    public void listRow(int list, int row, float[] r) {
        float x = switch (list) {
            case LIST_PHONES -> remoteColumnX();
            case LIST_OSC_ALLOWED -> remoteX() + PANEL_PAD;
            default -> oscClientsX();
        };
        float y = (list == LIST_PHONES ? remotePhonesY() : oscListY()) + row * REMOTE_ROW_H;
        float w = list == LIST_OSC_ALLOWED ? OSC_ALLOWED_W : remoteX() + REMOTE_W - PANEL_PAD - x;
        set(r, x, y, w, REMOTE_ROW_H - 2f);
    }

    /** The "PHONES" heading over the phone rows. */
    public float remotePhonesHeadingY() {
        return remotePhonesY() - 9f;
    }

    private float remoteX() {
        return MARGIN;
    }

    /** The remote panel's left edge. */
    public float remoteX0() {
        return remoteX();
    }

    private float remoteY() {
        return TAB_BAR + 4f;
    }

    private float remoteRow1Y() {
        return remoteY() + 2 * PANEL_PAD + BUTTON_H;
    }

    private float remoteColumnX() {
        return remoteX() + 2 * PANEL_PAD + REMOTE_QR + 8f;
    }

    private float remoteCueY(int cue) {
        return remoteRow1Y() + BUTTON_H + PANEL_PAD + cue * REMOTE_ROW_H;
    }

    private float remotePhonesY() {
        return remoteCueY(Layout.MAX_CUES) + 18f;
    }

    private float remoteHeight() {
        return remotePhonesY() + REMOTE_PHONE_ROWS * REMOTE_ROW_H + PANEL_PAD - remoteY();
    }

    /** The OSC panel's box (drawn only while it is open): where the remote's is, as high as its lists need. */
    public void oscPanel(float[] r) {
        float lists = Math.max(OSC_ALLOWED_ROWS * REMOTE_ROW_H + 2f + BUTTON_H, OSC_CLIENT_ROWS * REMOTE_ROW_H);
        set(r, remoteX(), remoteY(), REMOTE_W, oscListY() + lists + PANEL_PAD - remoteY());
    }

    /** The OSC panel's second line: what the server does, or why not, or why a setting was refused. */
    public void oscMessage(float[] r) {
        set(r, remoteX() + PANEL_PAD, remoteRow1Y(), REMOTE_W - 2 * PANEL_PAD, BUTTON_H);
    }

    /** The y of the headings over the OSC panel's two lists. */
    public float oscHeadingY() {
        return oscListY() - 9f;
    }

    /** The left edge of the OSC clients' column (its heading and rows). */
    public float oscClientsX() {
        return remoteX() + 2 * PANEL_PAD + OSC_ALLOWED_W + 12f;
    }

    private float oscListY() {
        return remoteRow1Y() + BUTTON_H + PANEL_PAD + 18f;
    }

    /**
     * The remote panel's control under (x, y), {@link Control#REMOTE_TITLE} for the rest of its
     * box, or {@link Control#NONE} outside it. Only asked while the panel is open. Allocates nothing.
     */
    public int remoteHit(float x, float y, float[] scratch) {
        remotePanel(scratch);
        return boxHit(x, y, scratch, REMOTE_ROWS, REMOTE_ROW_COUNTS, REMOTE_ACTIONS, Control.REMOTE_TITLE);
    }

    /**
     * The OSC panel's control under (x, y), {@link Control#OSC_TITLE} for the rest of its box, or
     * {@link Control#NONE} outside it. Only asked while the panel is open. Allocates nothing.
     */
    public int oscHit(float x, float y, float[] scratch) {
        oscPanel(scratch);
        return boxHit(x, y, scratch, OSC_ROWS, OSC_ROW_COUNTS, OSC_ACTIONS, Control.OSC_TITLE);
    }

    /**
     * A panel's control under (x, y) given its box in {@code scratch}: a row control ({@code
     * rowKinds[k]}, {@code rowCounts[k]} of them), an action, else {@code rest} inside the box and
     * {@link Control#NONE} outside it.
     */
    private int boxHit(float x, float y, float[] scratch, int[] rowKinds, int[] rowCounts, int[] actions, int rest) {
        if (!(x >= scratch[0] && x < scratch[0] + scratch[2] && y >= scratch[1] && y < scratch[1] + scratch[3])) {
            return Control.NONE;
        }
        for (int k = 0; k < rowKinds.length; k++) {
            for (int row = 0; row < rowCounts[k]; row++) {
                if (inside(Control.of(rowKinds[k], row), x, y, scratch)) {
                    return Control.of(rowKinds[k], row);
                }
            }
        }
        for (int kind : actions) {
            if (inside(Control.of(kind, 0), x, y, scratch)) {
                return Control.of(kind, 0);
            }
        }
        return Control.of(rest, 0);
    }

    static final int[] REMOTE_ROWS = {Control.REMOTE_NEW_PIN, Control.REMOTE_LOCK, Control.REMOTE_DISCONNECT};
    static final int[] REMOTE_ROW_COUNTS = {Layout.MAX_CUES, Layout.MAX_CUES, REMOTE_PHONE_ROWS};
    static final int[] REMOTE_ACTIONS = {Control.REMOTE_SWITCH, Control.REMOTE_PORT, Control.REMOTE_OFFER};
    static final int[] OSC_ROWS = {Control.OSC_REMOVE};
    static final int[] OSC_ROW_COUNTS = {OSC_ALLOWED_ROWS};
    static final int[] OSC_ACTIONS = {Control.OSC_SWITCH, Control.OSC_PORT, Control.OSC_ADD};

    static final int[] PANEL_ACTIONS = {Control.PRESET_SAVE_AS, Control.PRESET_RENAME, Control.PRESET_DELETE};
    private static final int[] PANEL_ROW_KINDS = {Control.PRESET_ROW};
    private static final int[] PANEL_ROW_COUNTS = {PANEL_ROWS};

    /** Where the loudness and correlation read-outs go: right of the buttons, above the side controls. */
    public void readouts(float[] r) {
        set(r, cueSectionX() + SIDE_X, controlsTop(), sideWidth(), SIDE_TOP - 4f);
    }

    /** The side column's width: up to the ear column. */
    private static float sideWidth() {
        return EAR_X - SIDE_X - 6f;
    }

    /** Where "Foldback <version>" sits: the bottom edge's right end (the notice uses its left). */
    public void version(float[] r) {
        set(r, width - MARGIN - 140f, height - 13f, 140f, 12f);
    }

    /** Where "DSP 7.3 %  late 0" sits: left of the version, on the bottom edge. */
    public void dspLoad(float[] r) {
        version(r);
        set(r, r[0] - 150f, r[1], 140f, r[3]);
    }

    /** The hearing-dose read-out: two lines under the ear column's last control. */
    public void dose(float[] r) {
        set(r, cueSectionX() + EAR_X, controlsTop() + Control.EAR.length * SIDE_PITCH, EAR_W, 2 * 14f);
    }

    private static int earRow(int kind) {
        for (int row = 0; row < Control.EAR.length; row++) {
            if (Control.EAR[row] == kind) {
                return row;
            }
        }
        return -1;
    }

    /** The x where the cue meter's VU scale labels start (right of the meter). */
    public float vuScaleX() {
        return cueSectionX() + VU_SCALE_X;
    }

    private static int sideRow(int kind) {
        for (int row = 0; row < Control.SIDE.length; row++) {
            if (Control.SIDE[row] == kind) {
                return row;
            }
        }
        return -1;
    }

    private static int buttonRow(int kind) {
        int row = 0;
        for (int k : Control.CUE_BUTTONS) {
            if (k == Control.CUE_POLARITY_RIGHT) {
                row--; // shares the left polarity's row
            }
            if (k == kind) {
                return row;
            }
            row++;
        }
        for (int i = 0; i < Control.CUE_ACTIONS.length; i++) {
            if (Control.CUE_ACTIONS[i] == kind) {
                return row + 1 + i;   // a row's gap sets actions apart
            }
        }
        return -1;
    }

    /** The control under (x, y), or {@link Control#NONE}. Allocates nothing. */
    public int hit(float x, float y, float[] scratch) {
        for (int c = 0; c < Layout.MAX_CUES; c++) {
            if (inside(Control.of(Control.TAB, c), x, y, scratch)) {
                return Control.of(Control.TAB, c);
            }
        }
        for (int slot = 0; slot < 2; slot++) {
            if (inside(Control.of(Control.SLOT, slot), x, y, scratch)) {
                return Control.of(Control.SLOT, slot);
            }
        }
        for (int kind : STRIP_KINDS) {
            for (int s = 0; s < Layout.MAX_SOURCES; s++) {
                if (inside(Control.of(kind, s), x, y, scratch)) {
                    return Control.of(kind, s);
                }
            }
        }
        for (int kind : ALL_SINGLE) {
            if (inside(Control.of(kind, 0), x, y, scratch)) {
                return Control.of(kind, 0);
            }
        }
        return Control.NONE;
    }

    static final int[] STRIP_KINDS = {
        Control.SEND_LEVEL, Control.SEND_PAN, Control.SEND_MUTE, Control.SOURCE_CLIP, Control.SOURCE_MODE,
        Control.SOURCE_NAME, Control.AMBIENCE_SEND
    };

    static final int[] ALL_SINGLE = {
        Control.CUE_LEVEL, Control.CUE_CLIP, Control.TALKBACK, Control.TALKBACK_LATCH,
        Control.CUE_MUTE, Control.CUE_DIM, Control.CUE_MONO, Control.CUE_MONO_LAW, Control.CUE_HEARS_TALKBACK,
        Control.CUE_POLARITY_LEFT,
        Control.CUE_POLARITY_RIGHT, Control.CUE_SWAP, Control.CUE_LIMITER, Control.CUE_CLONE, Control.CUE_RESET,
        Control.PRESET_PREV, Control.PRESET_NEXT, Control.PRESETS, Control.CUE_NAME,
        Control.LOUDNESS_RESET, Control.METER_REFERENCE, Control.CUE_DIM_AMOUNT, Control.CUE_CEILING,
        Control.TALKBACK_DIM, Control.TALKBACK_SOURCE, Control.CLICK_SOURCE,
        Control.CUE_TONE_HP, Control.CUE_TONE_LOW, Control.CUE_TONE_HIGH, Control.CUE_CROSSFEED, Control.CUE_AMBIENCE,
        Control.AMBIENCE_SIZE, Control.AMBIENCE_DECAY, Control.AMBIENCE_PREDELAY, Control.CUE_MAX_SPL,
        Control.CALIBRATION, Control.DOSE_RESET, Control.REMOTE, Control.OSC
    };

    private boolean inside(int control, float x, float y, float[] r) {
        rect(control, r);
        return x >= r[0] && x < r[0] + r[2] && y >= r[1] && y < r[1] + r[3];
    }

    static void set(float[] r, float x, float y, float w, float h) {
        r[0] = x;
        r[1] = y;
        r[2] = w;
        r[3] = h;
    }
}
