package org.foldback.ui;

import org.foldback.engine.param.Params;

/**
 * The things on screen one can click, as plain ints (kind and index packed), so hit tests and
 * drawing allocate nothing. A control maps to a parameter of the selected cue, or to an action.
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
    /** A source's number above its strip: a click switches the source between stereo and mono (index: the source). */
    public static final int SOURCE_MODE = 41;
    /** The selected cue's mono sum law (-3 or -6 dB) and whether it hears talkback. */
    public static final int CUE_MONO_LAW = 42;
    public static final int CUE_HEARS_TALKBACK = 43;

    /** The side column under the read-outs, top to bottom, as drawn. */
    static final int[] SIDE = {
        LOUDNESS_RESET, METER_REFERENCE, CUE_DIM_AMOUNT, CUE_CEILING, TALKBACK_DIM, TALKBACK_SOURCE, CLICK_SOURCE
    };

    /** The cue-section buttons, top to bottom, as drawn. */
    static final int[] CUE_BUTTONS = {
        CUE_MUTE, CUE_DIM, CUE_MONO, CUE_MONO_LAW, CUE_POLARITY_LEFT, CUE_POLARITY_RIGHT, CUE_SWAP, CUE_LIMITER,
        CUE_HEARS_TALKBACK
    };

    /** The cue-section action buttons, below the parameter buttons. */
    static final int[] CUE_ACTIONS = {CUE_CLONE, CUE_RESET};

    private Control() {
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

    /** The parameter a control edits while {@code cue} is selected, or -1 for actions and tabs. */
    public static int param(int control, int cue) {
        if (control == NONE) {
            return -1;
        }
        int i = index(control);
        return switch (kind(control)) {
            case SEND_LEVEL -> Params.sendLevel(cue, i);
            case SEND_PAN -> Params.sendPan(cue, i);
            case SEND_MUTE -> Params.sendMute(cue, i);
            case SOURCE_MODE -> Params.sourceMode(i);
            case CUE_MONO_LAW -> Params.cueMonoLaw(cue);
            case CUE_HEARS_TALKBACK -> Params.cueTalkback(cue);
            case CUE_LEVEL -> Params.cueLevel(cue);
            case CUE_MUTE -> Params.cueMute(cue);
            case CUE_DIM -> Params.cueDim(cue);
            case CUE_MONO -> Params.cueFold(cue);
            case CUE_POLARITY_LEFT -> Params.cuePolarityLeft(cue);
            case CUE_POLARITY_RIGHT -> Params.cuePolarityRight(cue);
            case CUE_SWAP -> Params.cueSwap(cue);
            case CUE_LIMITER -> Params.cueLimiter(cue);
            case TALKBACK -> Params.TALKBACK_ON;
            case TALKBACK_LATCH -> Params.TALKBACK_LATCH;
            case CUE_DIM_AMOUNT -> Params.cueDimAmount(cue);
            case CUE_CEILING -> Params.cueCeiling(cue);
            case TALKBACK_DIM -> Params.TALKBACK_DIM;
            case TALKBACK_SOURCE -> Params.TALKBACK_SOURCE;
            case CLICK_SOURCE -> Params.CLICK_SOURCE;
            default -> -1;
        };
    }

    /** Faders, pans and value boxes are dragged; everything else is clicked. */
    public static boolean isContinuous(int control) {
        int k = kind(control);
        return k == SEND_LEVEL || k == SEND_PAN || k == CUE_LEVEL || isValueBox(control);
    }

    /** A small box showing a value, dragged over {@link EditorInput#VALUE_DRAG_SPAN} for its whole range. */
    public static boolean isValueBox(int control) {
        int k = kind(control);
        return k == CUE_DIM_AMOUNT || k == CUE_CEILING || k == TALKBACK_DIM;
    }

    /** A short name for tests and the layout dump: "send.level.3", "cue.mute". */
    public static String name(int control) {
        int i = index(control);
        return switch (kind(control)) {
            case TAB -> "tab." + (i + 1);
            case SEND_LEVEL -> "send.level." + (i + 1);
            case SEND_PAN -> "send.pan." + (i + 1);
            case SEND_MUTE -> "send.mute." + (i + 1);
            case SOURCE_CLIP -> "source.clip." + (i + 1);
            case CUE_LEVEL -> "cue.level";
            case CUE_MUTE -> "cue.mute";
            case CUE_DIM -> "cue.dim";
            case CUE_MONO -> "cue.mono";
            case CUE_POLARITY_LEFT -> "cue.polarity.left";
            case CUE_POLARITY_RIGHT -> "cue.polarity.right";
            case CUE_SWAP -> "cue.swap";
            case CUE_LIMITER -> "cue.limiter";
            case CUE_CLIP -> "cue.clip";
            case TALKBACK -> "talkback";
            case TALKBACK_LATCH -> "talkback.latch";
            case CUE_CLONE -> "cue.clone";
            case CUE_RESET -> "cue.reset";
            case SLOT -> i == 0 ? "slot.a" : "slot.b";
            case PRESET_PREV -> "preset.prev";
            case PRESET_NEXT -> "preset.next";
            case CUE_NAME -> "cue.name";
            case CUE_DIM_AMOUNT -> "cue.dim.amount";
            case CUE_CEILING -> "cue.limiter.ceiling";
            case TALKBACK_DIM -> "talkback.dim";
            case TALKBACK_SOURCE -> "talkback.source";
            case CLICK_SOURCE -> "click.source";
            case LOUDNESS_RESET -> "loudness.reset";
            case METER_REFERENCE -> "meter.reference";
            case PRESETS -> "presets";
            case PRESET_ROW -> "preset.row." + (i + 1);
            case PRESET_SAVE_AS -> "preset.save_as";
            case PRESET_RENAME -> "preset.rename";
            case PRESET_DELETE -> "preset.delete";
            case PRESET_TITLE -> "preset.title";
            case SOURCE_MODE -> "source.mode." + (i + 1);
            case CUE_MONO_LAW -> "cue.mono.law";
            case CUE_HEARS_TALKBACK -> "cue.talkback";
            default -> "none";
        };
    }
}
