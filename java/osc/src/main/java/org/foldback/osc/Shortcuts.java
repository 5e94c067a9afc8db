package org.foldback.osc;

import org.foldback.engine.Layout;
import org.foldback.engine.param.CueParams;
import org.foldback.engine.param.ParamSpec;
import org.foldback.engine.param.Params;

/**
 * The readable addresses for what performers touch, in plain units, both ways: a message to
 * {@code cue/2/send/3/level -6} is parameter {@code cue2.src3.level} at -6 dB, and a change of that
 * parameter is fed back to subscribers at the same address. Cues and sources are numbered from 1.
 *
 * <pre>
 * cue/N/level  dB (-90 = off .. +10)     cue/N/send/S/level  dB        talkback  0|1
 * cue/N/mute   0|1                         cue/N/send/S/pan    -1 .. 1
 * cue/N/dim    0|1                         cue/N/send/S/mute   0|1
 * cue/N/mono   0|1 (1 = Mono sum, 0 = Stereo; feedback 1 for any fold-down)
 * </pre>
 */
final class Shortcuts {
    enum Kind { LEVEL, PAN, TOGGLE, MONO }

    /** What a shortcut address names: a parameter and how its plain value reads. */
    record Target(int param, Kind kind) {}

    /** Per parameter, its shortcut address below the instance ("cue/2/level"), or null. */
    private static final String[] SUFFIX = new String[Params.count()];
    private static final Kind[] KIND = new Kind[Params.count()];

    static {
        put(Params.global().talkbackOn(), "talkback", Kind.TOGGLE);
        for (int c = 0; c < Layout.MAX_CUES; c++) {
            CueParams cue = Params.cue(c);
            String at = "cue/" + (c + 1) + "/";
            put(cue.level(), at + "level", Kind.LEVEL);
            put(cue.mute(), at + "mute", Kind.TOGGLE);
            put(cue.dim(), at + "dim", Kind.TOGGLE);
            put(cue.fold(), at + "mono", Kind.MONO);
            for (int s = 0; s < Layout.MAX_SOURCES; s++) {
                String send = at + "send/" + (s + 1) + "/";
                put(cue.send(s).level(), send + "level", Kind.LEVEL);
                put(cue.send(s).pan(), send + "pan", Kind.PAN);
                put(cue.send(s).mute(), send + "mute", Kind.TOGGLE);
            }
        }
    }

    private Shortcuts() {}

    private static void put(int param, String suffix, Kind kind) {
        SUFFIX[param] = suffix;
        KIND[param] = kind;
    }

    /** The shortcut address of a parameter below "/foldback/&lt;instance&gt;/", or null when it has none. */
    static String suffix(int param) {
        return SUFFIX[param];
    }

    /**
     * The target of a shortcut path (the parts after the instance), within the instance's enabled
     * cues and sources; refused when it names none.
     */
    static Target parse(String[] parts, int from, int cues, int sources) throws Refused {
        int n = parts.length - from;
        if (n == 1 && parts[from].equals("talkback")) {
            return new Target(Params.global().talkbackOn(), Kind.TOGGLE);
        }
        if (n < 3 || !parts[from].equals("cue")) {
            throw new Refused("unknown address");
        }
        int cue = number(parts[from + 1], cues, "cue") - 1;
        CueParams p = Params.cue(cue);
        if (n == 3) {
            switch (parts[from + 2]) {
                case "level": return new Target(p.level(), Kind.LEVEL);
                case "mute": return new Target(p.mute(), Kind.TOGGLE);
                case "dim": return new Target(p.dim(), Kind.TOGGLE);
                case "mono": return new Target(p.fold(), Kind.MONO);
                default: throw new Refused("a cue's controls are level, mute, dim and mono");
            }
        }
        if (n == 5 && parts[from + 2].equals("send")) {
            int source = number(parts[from + 3], sources, "source") - 1;
            switch (parts[from + 4]) {
                case "level": return new Target(p.send(source).level(), Kind.LEVEL);
                case "pan": return new Target(p.send(source).pan(), Kind.PAN);
                case "mute": return new Target(p.send(source).mute(), Kind.TOGGLE);
                default: throw new Refused("a send's controls are level, pan and mute");
            }
        }
        throw new Refused("unknown address");
    }

    /** "3" within 1..max, else refused. */
    static int number(String text, int max, String what) throws Refused {
        int v;
        try {
            v = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new Refused(what + " must be a number from 1 to " + max);
        }
        if (v < 1 || v > max) {
            throw new Refused("no " + what + " " + text + " (1 to " + max + ")");
        }
        return v;
    }

    /** A plain value for a shortcut, normalized; out of range is clamped as a host clamps. */
    static float normalized(Target t, float plain) {
        ParamSpec p = Params.get(t.param());
        switch (t.kind()) {
            case TOGGLE:
                return plain >= 0.5f ? 1f : 0f;
            case MONO:
                return p.normalize(plain >= 0.5f ? 1f : 0f);
            default:
                // clamp() inside normalize: -inf and -200 dB become off, +20 dB becomes +10.
                return p.normalize(plain);
        }
    }

    /** The value fed back at a parameter's shortcut address, in the shortcut's units. */
    static float plain(int param, float normalized) {
        ParamSpec p = Params.get(param);
        float v = p.denormalize(normalized);
        return KIND[param] == Kind.MONO ? (v != 0f ? 1f : 0f) : v;
    }
}
