package org.foldback.osc;

import java.util.List;

/** Reading a message's arguments as decoded by JavaOSC: numbers of any OSC type, T/F, text. */
final class Args {
    private Args() {}

    static boolean has(List<Object> args, int i) {
        return args.size() > i;
    }

    static boolean isText(List<Object> args, int i) {
        return has(args, i) && args.get(i) instanceof CharSequence;
    }

    /** Argument {@code i} as a number (i, h, f, d, T, F); refused when missing, text or NaN. */
    static float number(List<Object> args, int i, String what) throws Refused {
        if (!has(args, i)) {
            throw new Refused(what + " is missing");
        }
        Object o = args.get(i);
        float v;
        if (o instanceof Number n) {
            v = n.floatValue();
        } else if (o instanceof Boolean b) {
            v = b ? 1f : 0f;
        } else {
            throw new Refused(what + " must be a number");
        }
        if (Float.isNaN(v)) {
            throw new Refused(what + " is not a number (NaN)");
        }
        return v;
    }

    /** Argument {@code i} as a whole number in [min, max]; refused otherwise. */
    static int integer(List<Object> args, int i, int min, int max, String what) throws Refused {
        float v = number(args, i, what);
        if (v != Math.rint(v) || v < min || v > max) {
            throw new Refused(what + " must be a whole number from " + min + " to " + max);
        }
        return (int) v;
    }

    static String text(List<Object> args, int i) {
        return args.get(i).toString();
    }
}
