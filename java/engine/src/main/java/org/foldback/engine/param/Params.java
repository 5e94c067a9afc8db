package org.foldback.engine.param;

import static org.foldback.engine.Layout.MAX_CUES;
import static org.foldback.engine.Layout.MAX_SOURCES;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameter table: every parameter of Foldback, declared once ({@link ParamRole} holds the
 * columns), in a fixed order, and reached by group:
 *
 * <pre>
 * Params.global().talkbackOn()          Params.source(s).mode()
 * Params.cue(c).level()                 Params.cue(c).send(s).pan()
 * Params.cue(c).all()                   Params.get(i).address()   (the way back: role, cue, source)
 * </pre>
 *
 * <p>Lookups return the index into {@link #TABLE} and {@link ParamStore}; they allocate nothing
 * (the groups are built once), so the audio thread uses them too. IDs are 1-based to match what
 * users read ({@code cue1} is the first cue); cue and source arguments are 0-based, as code uses
 * them.
 *
 * <p>The order: the globals, then each source's roles, then for each cue its own roles followed
 * by its send roles for each source. Never rename or remove an ID once released. A released ID
 * keeps its index: ParamsTest pins every one (test resource {@code released-ids.txt}), so a new
 * role, which moves the indices after it, fails that test until the move is decided on purpose.
 */
public final class Params {

    /** Send level and cue level range in dB; the minimum means off. */
    public static final float LEVEL_MIN_DB = ParamSpec.MINUS_INF_DB;
    public static final float LEVEL_MAX_DB = 10f;

    /** The whole table, in index order. */
    public static final List<ParamSpec> TABLE;

    private static final GlobalParams GLOBAL;
    private static final SourceParams[] SOURCES = new SourceParams[MAX_SOURCES];
    private static final CueParams[] CUES = new CueParams[MAX_CUES];
    private static final Map<String, ParamSpec> BY_ID;
    /**
     * Every parameter's default, in index order, as values and as raw float bits: computed once
     * per JVM. Every instance starts from them several times (its store, the state's two slots,
     * each copy of the state), and a new instance runs mostly in the interpreter, where a walk of
     * the table costs tens of microseconds and a copy of an array next to nothing.
     */
    private static final float[] DEFAULTS;
    private static final int[] DEFAULT_BITS;

    static {
        Builder b = new Builder();
        GLOBAL = new GlobalParams(b.group(ParamScope.GLOBAL, -1, -1));
        for (int s = 0; s < MAX_SOURCES; s++) {
            SOURCES[s] = new SourceParams(s, b.group(ParamScope.SOURCE, -1, s));
        }
        for (int c = 0; c < MAX_CUES; c++) {
            List<ParamSpec> own = b.group(ParamScope.CUE, c, -1);
            SendParams[] sends = new SendParams[MAX_SOURCES];
            for (int s = 0; s < MAX_SOURCES; s++) {
                sends[s] = new SendParams(c, s, b.group(ParamScope.SEND, c, s));
            }
            CUES[c] = new CueParams(c, own, sends);
        }
        TABLE = Collections.unmodifiableList(b.specs);
        BY_ID = indexById(TABLE);
        DEFAULTS = new float[TABLE.size()];
        DEFAULT_BITS = new int[TABLE.size()];
        for (ParamSpec p : TABLE) {
            DEFAULTS[p.index()] = p.defaultValue();
            DEFAULT_BITS[p.index()] = Float.floatToRawIntBits(p.defaultValue());
        }
    }

    private Params() {}

    /** A new array of every parameter's default value, by index. */
    public static float[] defaults() {
        return DEFAULTS.clone();
    }

    /**
     * Every parameter's default as raw float bits, by index (what {@link ParamStore} holds): the
     * table's own array, for a caller that copies it (an {@code AtomicIntegerArray} does).
     */
    static int[] sharedDefaultBits() {
        return DEFAULT_BITS;
    }

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

    /** The plugin-wide parameters: bypass, talkback, click. */
    public static GlobalParams global() {
        return GLOBAL;
    }

    /** Source {@code source}'s parameters (0-based). */
    public static SourceParams source(int source) {
        return SOURCES[source];
    }

    /** Cue {@code cue}'s parameters and sends (0-based). */
    public static CueParams cue(int cue) {
        return CUES[cue];
    }

    /**
     * The parameter in {@code role} for this cue and source (0-based; ignored where the role's
     * scope has none): how code that holds a role rather than a method (the editor's controls)
     * finds its parameter. Allocates nothing.
     */
    public static int index(ParamRole role, int cue, int source) {
        return switch (role.scope()) {
            case GLOBAL -> GLOBAL.param(role);
            case SOURCE -> SOURCES[source].param(role);
            case CUE -> CUES[cue].param(role);
            case SEND -> CUES[cue].send(source).param(role);
        };
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

    /** Appends specs with consecutive indices, a group at a time. */
    private static final class Builder {
        final List<ParamSpec> specs = new ArrayList<>();

        /** One spec per role of {@code scope}, for this cue and source; returns them. */
        List<ParamSpec> group(ParamScope scope, int cue, int source) {
            List<ParamSpec> group = new ArrayList<>();
            for (ParamRole role : ParamRole.of(scope)) {
                ParamAddress at = new ParamAddress(role, cue, source);
                ParamShape shape = role.shape();
                if (role == ParamRole.SEND_LEVEL && source == 0) {
                    // Out of the box every cue hears the main input: the plugin passes audio through.
                    shape = shape.withDefault(0f);
                }
                ParamSpec spec = new ParamSpec(specs.size(), at.id(), at.name(), at, shape);
                specs.add(spec);
                group.add(spec);
            }
            return group;
        }
    }
}
