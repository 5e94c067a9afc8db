package org.foldback.ui;

import org.foldback.engine.param.ParamKind;
import org.foldback.engine.param.ParamRole;
import org.foldback.engine.param.Params;

/**
 * The things on screen one can click, as plain ints (kind and index packed), so hit tests and
 * drawing allocate nothing. A control edits a parameter (of the selected cue, of a source, or of
 * the plugin) or is an action.
 *
 * <p>Each kind is described once, in the table in the static block below: its name, and for a
 * control that edits a parameter, the parameter's role, its label and the colour it lights in.
 * Input and drawing follow from the parameter (a toggle flips, a choice steps, a level drags),
 * so a new button on a parameter is one kind, one row here and its place in {@link #CUE_BUTTONS}
 * or {@link #SIDE}, plus its hit-test entry in {@link EditorLayout}.
 */
public final class Control {
    public static final int NONE = -1;

    // Kinds. Per-source kinds take the source index; TAB takes the cue index.
    public static final int TAB = 1;
    public static final int SEND_LEVEL = 2;
    public static final int SEND_PAN = 3;
    public static final int SEND_MUTE = 4;
    public static final int SOURCE_CLIP = 5;
    public static final int CUE_LEVEL = 10;
    public static final int CUE_MUTE = 11;
    public static final int CUE_DIM = 12;
    public static final int CUE_MONO = 13;
    public static final int CUE_POLARITY_LEFT = 14;
    public static final int CUE_POLARITY_RIGHT = 15;
    public static final int CUE_SWAP = 16;
    public static final int CUE_LIMITER = 17;
    public static final int CUE_CLIP = 18;
    public static final int TALKBACK = 20;
    public static final int TALKBACK_LATCH = 21;
    /** Actions on the selected cue: copy it onto the next cue; put it back to defaults. */
    public static final int CUE_CLONE = 22;
    public static final int CUE_RESET = 23;
    /** A/B compare: the index is the slot (0 = A, 1 = B). */
    public static final int SLOT = 24;
    /** Factory presets: previous and next. */
    public static final int PRESET_PREV = 25;
    public static final int PRESET_NEXT = 26;
    /** The selected cue's name above the cue section: double-click to rename. */
    public static final int CUE_NAME = 27;
    /** Value boxes (drag vertically, wheel, arrows, double-click for the default). */
    public static final int CUE_DIM_AMOUNT = 28;
    public static final int CUE_CEILING = 29;
    public static final int TALKBACK_DIM = 30;
    /** Choice boxes: a click steps to the next choice, wheel and arrows step either way. */
    public static final int TALKBACK_SOURCE = 31;
    public static final int CLICK_SOURCE = 32;
    /** Actions: reset the selected cue's loudness (integrated, range, maxima); switch 0 VU between -18 and -20 dBFS. */
    public static final int LOUDNESS_RESET = 33;
    public static final int METER_REFERENCE = 34;
    /** The loaded preset's name in the preset row: a click opens or closes the preset panel. */
    public static final int PRESETS = 35;
    /** The preset panel (drawn only while open): a visible list row (the index), and its actions. */
    public static final int PRESET_ROW = 36;
    public static final int PRESET_SAVE_AS = 37;
    public static final int PRESET_RENAME = 38;
    public static final int PRESET_DELETE = 39;
    /** The panel's title line, where the name field opens for save as and rename. */
    public static final int PRESET_TITLE = 40;
    /** A source's number above its strip, under its name: a click switches the source between stereo and mono (index: the source). */
    public static final int SOURCE_MODE = 41;
    /** The selected cue's mono sum law (-3 or -6 dB) and whether it hears talkback. */
    public static final int CUE_MONO_LAW = 42;
    public static final int CUE_HEARS_TALKBACK = 43;
    /** The web remote: the top-bar button that opens its panel. */
    public static final int REMOTE = 44;
    /** The remote panel (drawn only while open): its title line (and the rest of its box), on/off, the port box. */
    public static final int REMOTE_TITLE = 45;
    public static final int REMOTE_SWITCH = 46;
    public static final int REMOTE_PORT = 47;
    /** Shown when the port is taken: a click chooses the free port the remote offers. */
    public static final int REMOTE_OFFER = 48;
    /** Per cue (the index): a new random PIN; lock (phones may look, not change). */
    public static final int REMOTE_NEW_PIN = 49;
    public static final int REMOTE_LOCK = 50;
    /** A visible row of the connected phones (the index): disconnect that phone. */
    public static final int REMOTE_DISCONNECT = 51;
    /** A source's name above its strip (index: the source): double-click to rename. */
    public static final int SOURCE_NAME = 52;
    /** A source's send into the instance's reverb: a thin bar under its mute (index: the source). */
    public static final int AMBIENCE_SEND = 53;
    /** The performer's ear, in the ear column: the selected cue's tone, crossfeed, ambience return and maximum level, and the reverb's room. */
    public static final int CUE_TONE_HP = 54;
    public static final int CUE_TONE_LOW = 55;
    public static final int CUE_TONE_HIGH = 56;
    public static final int CUE_CROSSFEED = 57;
    public static final int CUE_AMBIENCE = 58;
    public static final int AMBIENCE_SIZE = 59;
    public static final int AMBIENCE_DECAY = 60;
    public static final int AMBIENCE_PREDELAY = 61;
    public static final int CUE_MAX_SPL = 62;
    /** The selected cue's calibration (state, not a parameter): a click calibrates at 100 dB SPL, the wheel moves it, below 60 it is off. */
    public static final int CALIBRATION = 63;
    /** Clears the selected cue's hearing dose. */
    public static final int DOSE_RESET = 64;
    /** OSC: the top-bar button that opens its panel. */
    public static final int OSC = 65;
    /** The OSC panel (drawn only while open): its title line (and the rest of its box), on/off, the port box. */
    public static final int OSC_TITLE = 66;
    public static final int OSC_SWITCH = 67;
    public static final int OSC_PORT = 68;
    /** Under the allowed addresses: opens a field for one more address or block. */
    public static final int OSC_ADD = 69;
    /** A visible row of the allowed addresses (the index): remove that address. */
    public static final int OSC_REMOVE = 70;

    /** The side column under the read-outs, top to bottom, as drawn. */
    static final int[] SIDE = {
        LOUDNESS_RESET, METER_REFERENCE, CUE_DIM_AMOUNT, CUE_CEILING, TALKBACK_DIM, TALKBACK_SOURCE, CLICK_SOURCE
    };

    /** The cue-section buttons, top to bottom, as drawn. */
    static final int[] CUE_BUTTONS = {
        CUE_MUTE, CUE_DIM, CUE_MONO, CUE_MONO_LAW, CUE_POLARITY_LEFT, CUE_POLARITY_RIGHT, CUE_SWAP, CUE_LIMITER,
        CUE_HEARS_TALKBACK
    };

    /** The ear column, right of the side column, top to bottom, as drawn; the dose read-out follows it. */
    static final int[] EAR = {
        CUE_TONE_HP, CUE_TONE_LOW, CUE_TONE_HIGH, CUE_CROSSFEED, CUE_AMBIENCE, AMBIENCE_SIZE, AMBIENCE_DECAY,
        AMBIENCE_PREDELAY, CUE_MAX_SPL, CALIBRATION, DOSE_RESET
    };

    /** The cue-section action buttons, below the parameter buttons. */
    static final int[] CUE_ACTIONS = {CUE_CLONE, CUE_RESET};

    /** How a control that edits a parameter looks when lit (on, or a choice other than the first). */
    public enum Lit {
        /** Never lit (a choice where no value is the exceptional one: the mono law). */
        NEVER,
        /** Amber: a switch that changes what is heard (dim, mono, polarity, talkback...). */
        ACTIVE,
        /** Red: something is silenced (mutes). */
        ALERT,
        /** Green: protection on (the limiter). */
        SAFE
    }

    private static final int KINDS = 71;   // every kind above is below this
    private static final String[] NAME = new String[KINDS];
    private static final boolean[] INDEXED = new boolean[KINDS];
    private static final ParamRole[] ROLE = new ParamRole[KINDS];
    private static final String[] LABEL = new String[KINDS];
    private static final Lit[] LIT = new Lit[KINDS];

    static {
        // Controls that edit a parameter: kind, the parameter's role, name in tests and the layout
        // dump, label on screen (a choice's current label follows it), colour when lit. Per-source
        // kinds take the source from the control's index; cue kinds act on the selected cue.
        param(SEND_LEVEL, ParamRole.SEND_LEVEL, "send.level", "", Lit.NEVER);
        param(SEND_PAN, ParamRole.SEND_PAN, "send.pan", "", Lit.NEVER);
        param(SEND_MUTE, ParamRole.SEND_MUTE, "send.mute", "M", Lit.ALERT);
        param(SOURCE_MODE, ParamRole.SOURCE_MODE, "source.mode", "", Lit.ACTIVE);
        param(CUE_LEVEL, ParamRole.CUE_LEVEL, "cue.level", "", Lit.NEVER);
        param(CUE_MUTE, ParamRole.CUE_MUTE, "cue.mute", "MUTE", Lit.ALERT);
        param(CUE_DIM, ParamRole.CUE_DIM, "cue.dim", "DIM", Lit.ACTIVE);
        param(CUE_MONO, ParamRole.CUE_FOLD, "cue.mono", "", Lit.ACTIVE);
        param(CUE_MONO_LAW, ParamRole.CUE_MONO_LAW, "cue.mono.law", "LAW ", Lit.NEVER);
        param(CUE_POLARITY_LEFT, ParamRole.CUE_POLARITY_LEFT, "cue.polarity.left", "\u00D8 L", Lit.ACTIVE);
        param(CUE_POLARITY_RIGHT, ParamRole.CUE_POLARITY_RIGHT, "cue.polarity.right", "\u00D8 R", Lit.ACTIVE);
        param(CUE_SWAP, ParamRole.CUE_SWAP, "cue.swap", "SWAP", Lit.ACTIVE);
        param(CUE_LIMITER, ParamRole.CUE_LIMITER, "cue.limiter", "LIMIT", Lit.SAFE);
        param(CUE_HEARS_TALKBACK, ParamRole.CUE_TALKBACK, "cue.talkback", "HEARS TB", Lit.ACTIVE);
        param(CUE_DIM_AMOUNT, ParamRole.CUE_DIM_AMOUNT, "cue.dim.amount", "DIM ", Lit.NEVER);
        param(CUE_CEILING, ParamRole.CUE_CEILING, "cue.limiter.ceiling", "CEIL ", Lit.NEVER);
        param(TALKBACK, ParamRole.TALKBACK_ON, "talkback", "TALKBACK", Lit.ACTIVE);
        param(TALKBACK_LATCH, ParamRole.TALKBACK_LATCH, "talkback.latch", "LATCH", Lit.ACTIVE);
        param(TALKBACK_DIM, ParamRole.TALKBACK_DIM, "talkback.dim", "TB DIM ", Lit.NEVER);
        param(TALKBACK_SOURCE, ParamRole.TALKBACK_SOURCE, "talkback.source", "TB ", Lit.ACTIVE);
        param(CLICK_SOURCE, ParamRole.CLICK_SOURCE, "click.source", "CLICK ", Lit.ACTIVE);
        param(AMBIENCE_SEND, ParamRole.SOURCE_AMBIENCE, "source.ambience", "", Lit.NEVER);
        param(CUE_TONE_HP, ParamRole.CUE_TONE_HP, "cue.tone.hp", "HP ", Lit.NEVER);
        param(CUE_TONE_LOW, ParamRole.CUE_TONE_LOW, "cue.tone.low", "LOW ", Lit.NEVER);
        param(CUE_TONE_HIGH, ParamRole.CUE_TONE_HIGH, "cue.tone.high", "HIGH ", Lit.NEVER);
        param(CUE_CROSSFEED, ParamRole.CUE_CROSSFEED, "cue.crossfeed", "XFEED ", Lit.ACTIVE);
        param(CUE_AMBIENCE, ParamRole.CUE_AMBIENCE, "cue.ambience", "AMB ", Lit.NEVER);
        param(AMBIENCE_SIZE, ParamRole.AMBIENCE_SIZE, "ambience.size", "ROOM ", Lit.NEVER);
        param(AMBIENCE_DECAY, ParamRole.AMBIENCE_DECAY, "ambience.decay", "DECAY ", Lit.NEVER);
        param(AMBIENCE_PREDELAY, ParamRole.AMBIENCE_PREDELAY, "ambience.predelay", "PRE ", Lit.NEVER);
        param(CUE_MAX_SPL, ParamRole.CUE_MAX_SPL, "cue.maxspl", "MAX ", Lit.NEVER);

        // Actions and the rest: kind and name.
        action(TAB, "tab");
        action(SOURCE_CLIP, "source.clip");
        action(CUE_CLIP, "cue.clip");
        action(CUE_CLONE, "cue.clone");
        action(CUE_RESET, "cue.reset");
        action(SLOT, "slot");
        action(PRESET_PREV, "preset.prev");
        action(PRESET_NEXT, "preset.next");
        action(CUE_NAME, "cue.name");
        action(LOUDNESS_RESET, "loudness.reset");
        action(METER_REFERENCE, "meter.reference");
        action(PRESETS, "presets");
        action(PRESET_ROW, "preset.row");
        action(PRESET_SAVE_AS, "preset.save_as");
        action(PRESET_RENAME, "preset.rename");
        action(PRESET_DELETE, "preset.delete");
        action(PRESET_TITLE, "preset.title");
        action(REMOTE, "remote");
        action(REMOTE_TITLE, "remote.title");
        action(REMOTE_SWITCH, "remote.switch");
        action(REMOTE_PORT, "remote.port");
        action(REMOTE_OFFER, "remote.offer");
        action(REMOTE_NEW_PIN, "remote.new_pin");
        action(REMOTE_LOCK, "remote.lock");
        action(REMOTE_DISCONNECT, "remote.disconnect");
        action(SOURCE_NAME, "source.name");
        action(CALIBRATION, "cue.calibration");
        action(DOSE_RESET, "dose.reset");
        action(OSC, "osc");
        action(OSC_TITLE, "osc.title");
        action(OSC_SWITCH, "osc.switch");
        action(OSC_PORT, "osc.port");
        action(OSC_ADD, "osc.add");
        action(OSC_REMOVE, "osc.remove");
        for (int kind : new int[] {TAB, SEND_LEVEL, SEND_PAN, SEND_MUTE, SOURCE_CLIP, SOURCE_MODE, PRESET_ROW,
                REMOTE_NEW_PIN, REMOTE_LOCK, REMOTE_DISCONNECT, SOURCE_NAME, AMBIENCE_SEND, OSC_REMOVE}) {
            INDEXED[kind] = true; // one per cue, source or row: the name ends in the 1-based index
        }
    }

    private Control() {
    }

    private static void param(int kind, ParamRole role, String name, String label, Lit lit) {
        action(kind, name);
        ROLE[kind] = role;
        LABEL[kind] = label;
        LIT[kind] = lit;
    }

    private static void action(int kind, String name) {
        if (NAME[kind] != null) {
            throw new IllegalStateException("control kind " + kind + " declared twice");
        }
        NAME[kind] = name;
    }

    public static int of(int kind, int index) {
        return kind << 8 | index;
    }

    public static int kind(int control) {
        return control >> 8;
    }

    public static int index(int control) {
        return control & 0xff;
    }

    /** The role of the parameter a control edits, or null for actions. */
    public static ParamRole role(int control) {
        int k = kind(control);
        return control == NONE || k < 0 || k >= KINDS ? null : ROLE[k];
    }

    /** The parameter a control edits while {@code cue} is selected, or -1 for actions and tabs. Allocates nothing. */
    public static int param(int control, int cue) {
        ParamRole role = role(control);
        return role == null ? -1 : Params.index(role, cue, index(control));
    }

    /** What a parameter control shows: its label, before a choice's current label or a value. */
    static String label(int control) {
        ParamRole role = role(control);
        return role == null ? "" : LABEL[kind(control)];
    }

    /** The colour a parameter control lights in. */
    static Lit lit(int control) {
        ParamRole role = role(control);
        return role == null ? Lit.NEVER : LIT[kind(control)];
    }

    /** Levels, pans and value boxes are dragged (the parameter is continuous); everything else is clicked. */
    public static boolean isContinuous(int control) {
        ParamRole role = role(control);
        return role != null && role.shape().kind() == ParamKind.FLOAT;
    }

    /** A small box in the side or ear column showing a value, dragged over {@link EditorInput#VALUE_DRAG_SPAN} for its whole range. */
    public static boolean isValueBox(int control) {
        return isContinuous(control) && (in(SIDE, kind(control)) || in(EAR, kind(control)));
    }

    /** Dragged sideways (pans, ambience sends); everything else that drags moves up and down. */
    public static boolean isHorizontal(int control) {
        int k = kind(control);
        return k == SEND_PAN || k == AMBIENCE_SEND;
    }

    private static boolean in(int[] kinds, int kind) {
        for (int k : kinds) {
            if (k == kind) {
                return true;
            }
        }
        return false;
    }

    /** A short name for tests and the layout dump: "send.level.3", "cue.mute". */
    public static String name(int control) {
        int k = kind(control);
        if (control == NONE || k < 0 || k >= KINDS || NAME[k] == null) {
            return "none";
        }
        int i = index(control);
        if (k == SLOT) {
            return i == 0 ? "slot.a" : "slot.b";
        }
        return INDEXED[k] ? NAME[k] + "." + (i + 1) : NAME[k];
    }
}
