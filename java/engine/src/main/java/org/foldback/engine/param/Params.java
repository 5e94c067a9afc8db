package org.foldback.engine.param;

import static org.foldback.engine.Layout.MAX_CUES;
import static org.foldback.engine.Layout.MAX_SOURCES;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameter table: every parameter of Foldback, declared once, in a fixed order.
 *
 * <p>IDs are 1-based to match what users read ({@code cue1} is the first cue). Methods such as
 * {@link #sendLevel(int, int)} take 0-based indices, as code uses them, and return the index into
 * {@link #TABLE} and {@link ParamStore}.
 *
 * <p>Never rename or remove an ID once released; append new parameters at the end of their group
 * only with a state-schema migration (see the state module).
 */
public final class Params {

    /** Send level and cue level range in dB; the minimum means off. */
    public static final float LEVEL_MIN_DB = ParamSpec.MINUS_INF_DB;
    public static final float LEVEL_MAX_DB = 10f;

    /** Ramp times. Gains ramp over 20 ms (no zipper noise); toggles crossfade over 10 ms. */
    public static final float GAIN_SMOOTHING_MS = 20f;
    public static final float TOGGLE_FADE_MS = 10f;

    public static final List<String> SOURCE_MODES = List.of("Stereo", "Mono");
    public static final List<String> FOLD_MODES = List.of("Stereo", "Mono sum", "Left only", "Right only", "Side");
    public static final List<String> MONO_LAWS = List.of("-3 dB", "-6 dB");
    public static final List<String> SOURCE_CHOICES = sourceChoices();

    // Global parameters, in table order.
    public static final int BYPASS = 0;
    public static final int TALKBACK_ON = 1;
    public static final int TALKBACK_LATCH = 2;
    public static final int TALKBACK_DIM = 3;
    public static final int TALKBACK_SOURCE = 4;
    public static final int CLICK_SOURCE = 5;
    private static final int GLOBAL_COUNT = 6;

    // Per source: mode.
    private static final int SOURCE_BASE = GLOBAL_COUNT;
    private static final int PER_SOURCE = 1;

    // Per cue: these, then a send (level, pan, mute) per source.
    private static final int CUE_BASE = SOURCE_BASE + MAX_SOURCES * PER_SOURCE;
    private static final int CUE_LEVEL = 0;
    private static final int CUE_MUTE = 1;
    private static final int CUE_DIM = 2;
    private static final int CUE_DIM_AMOUNT = 3;
    private static final int CUE_FOLD = 4;
    private static final int CUE_MONO_LAW = 5;
    private static final int CUE_POLARITY_LEFT = 6;
    private static final int CUE_POLARITY_RIGHT = 7;
    private static final int CUE_SWAP = 8;
    private static final int CUE_LIMITER = 9;
    private static final int CUE_CEILING = 10;
    private static final int CUE_TALKBACK = 11;
    private static final int CUE_OWN = 12;
    private static final int PER_SEND = 3;
    private static final int PER_CUE = CUE_OWN + MAX_SOURCES * PER_SEND;

    /** The whole table, in index order. */
    public static final List<ParamSpec> TABLE = build();

    private static final Map<String, ParamSpec> BY_ID = indexById(TABLE);

    private Params() {}

    public static int count() {
        return TABLE.size();
    }

    public static ParamSpec get(int index) {
        return TABLE.get(index);
    }

    /** The spec with this ID, or null. */
    public static ParamSpec byId(String id) {
        return BY_ID.get(id);
    }

    public static int sourceMode(int source) {
        return SOURCE_BASE + source * PER_SOURCE;
    }

    private static int cue(int cue, int offset) {
        return CUE_BASE + cue * PER_CUE + offset;
    }

    public static int cueLevel(int cue) { return cue(cue, CUE_LEVEL); }
    public static int cueMute(int cue) { return cue(cue, CUE_MUTE); }
    public static int cueDim(int cue) { return cue(cue, CUE_DIM); }
    public static int cueDimAmount(int cue) { return cue(cue, CUE_DIM_AMOUNT); }
    public static int cueFold(int cue) { return cue(cue, CUE_FOLD); }
    public static int cueMonoLaw(int cue) { return cue(cue, CUE_MONO_LAW); }
    public static int cuePolarityLeft(int cue) { return cue(cue, CUE_POLARITY_LEFT); }
    public static int cuePolarityRight(int cue) { return cue(cue, CUE_POLARITY_RIGHT); }
    public static int cueSwap(int cue) { return cue(cue, CUE_SWAP); }
    public static int cueLimiter(int cue) { return cue(cue, CUE_LIMITER); }
    public static int cueCeiling(int cue) { return cue(cue, CUE_CEILING); }
    public static int cueTalkback(int cue) { return cue(cue, CUE_TALKBACK); }

    public static int sendLevel(int cue, int source) { return cue(cue, CUE_OWN + source * PER_SEND); }
    public static int sendPan(int cue, int source) { return sendLevel(cue, source) + 1; }
    public static int sendMute(int cue, int source) { return sendLevel(cue, source) + 2; }

    private static List<ParamSpec> build() {
        Builder b = new Builder();
        b.toggle("bypass", "Bypass", false, true);
        b.toggle("talkback.on", "Talkback", false, true);
        b.toggle("talkback.latch", "Talkback Latch", false, false);
        b.dbFloat("talkback.dim", "Talkback Dim", -60f, 0f, -15f);
        b.choice("talkback.source", "Talkback Source", SOURCE_CHOICES, 0);
        b.choice("click.source", "Click Source", SOURCE_CHOICES, 0);

        for (int s = 0; s < MAX_SOURCES; s++) {
            b.choice("src" + (s + 1) + ".mode", "Src " + (s + 1) + " Mode", SOURCE_MODES, 0);
        }

        for (int c = 0; c < MAX_CUES; c++) {
            String id = "cue" + (c + 1);
            String name = "Cue " + (c + 1);
            b.level(id + ".level", name + " Level", 0f);
            b.toggle(id + ".mute", name + " Mute", false, true);
            b.toggle(id + ".dim", name + " Dim", false, true);
            b.dbFloat(id + ".dim.amount", name + " Dim Amount", -60f, 0f, -20f);
            b.choice(id + ".mono", name + " Fold-down", FOLD_MODES, 0);
            b.choice(id + ".mono.law", name + " Mono Law", MONO_LAWS, 0);
            b.toggle(id + ".polarity.left", name + " Polarity L", false, true);
            b.toggle(id + ".polarity.right", name + " Polarity R", false, true);
            b.toggle(id + ".swap", name + " Swap L/R", false, true);
            b.toggle(id + ".limiter", name + " Limiter", true, true);
            b.dbFloat(id + ".limiter.ceiling", name + " Ceiling", -20f, 0f, -1f);
            b.toggle(id + ".talkback", name + " Hears Talkback", true, true);
            for (int s = 0; s < MAX_SOURCES; s++) {
                String sid = id + ".src" + (s + 1);
                String sname = name + " Src " + (s + 1);
                // Out of the box every cue hears the main input: the plugin passes audio through.
                b.level(sid + ".level", sname + " Level", s == 0 ? 0f : LEVEL_MIN_DB);
                b.pan(sid + ".pan", sname + " Pan");
                b.toggle(sid + ".mute", sname + " Mute", false, true);
            }
        }
        return Collections.unmodifiableList(b.specs);
    }

    private static List<String> sourceChoices() {
        List<String> list = new ArrayList<>();
        list.add("None");
        for (int s = 1; s <= MAX_SOURCES; s++) {
            list.add("Src " + s);
        }
        return List.copyOf(list);
    }

    private static Map<String, ParamSpec> indexById(List<ParamSpec> specs) {
        Map<String, ParamSpec> map = new HashMap<>();
        for (ParamSpec p : specs) {
            if (map.put(p.id(), p) != null) {
                throw new IllegalStateException("duplicate parameter ID " + p.id());
            }
        }
        return Collections.unmodifiableMap(map);
    }

    /** Appends specs with consecutive indices. */
    private static final class Builder {
        final List<ParamSpec> specs = new ArrayList<>();

        void add(String id, String name, String unit, float min, float max, float def, ParamKind kind,
                 List<String> choices, float smoothingMs, boolean automatable) {
            specs.add(new ParamSpec(specs.size(), id, name, unit, min, max, def, kind, choices,
                    smoothingMs, automatable));
        }

        void level(String id, String name, float def) {
            add(id, name, "dB", LEVEL_MIN_DB, LEVEL_MAX_DB, def, ParamKind.FLOAT, List.of(),
                    GAIN_SMOOTHING_MS, true);
        }

        void dbFloat(String id, String name, float min, float max, float def) {
            add(id, name, "dB", min, max, def, ParamKind.FLOAT, List.of(), GAIN_SMOOTHING_MS, true);
        }

        void pan(String id, String name) {
            add(id, name, "", -1f, 1f, 0f, ParamKind.FLOAT, List.of(), GAIN_SMOOTHING_MS, true);
        }

        void toggle(String id, String name, boolean def, boolean automatable) {
            add(id, name, "", 0f, 1f, def ? 1f : 0f, ParamKind.BOOL, List.of("Off", "On"),
                    TOGGLE_FADE_MS, automatable);
        }

        void choice(String id, String name, List<String> choices, int def) {
            add(id, name, "", 0f, choices.size() - 1, def, ParamKind.CHOICE, choices,
                    TOGGLE_FADE_MS, false);
        }
    }
}
