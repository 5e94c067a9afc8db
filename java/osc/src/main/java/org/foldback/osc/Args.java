package org.foldback.osc;

import java.util.List;

/**
 * A message's arguments: numbers of any OSC type (i, h, f, d), T/F, text. Two readers: JavaOSC's
 * decoded list ({@link #of}) for bundles and anything unusual, and {@link MessageReader}, which
 * reads a plain message's arguments in place in the received bytes without allocating.
 */
abstract class Args {
    /** How many arguments there are. */
    abstract int size();

    /** Argument {@code i} is text ('s'). */
    abstract boolean textAt(int i);

    /** Argument {@code i} as a number (NaN passes through); refused when it is neither a number nor T/F. */
    abstract float numberAt(int i, String what) throws Refused;

    /** Argument {@code i} as text (only for {@link #textAt}). */
    abstract String text(int i);

    final boolean has(int i) {
        return size() > i;
    }

    final boolean isText(int i) {
        return has(i) && textAt(i);
    }

    /** Argument {@code i} as a number (i, h, f, d, T, F); refused when missing, text or NaN. */
    final float number(int i, String what) throws Refused {
        if (!has(i)) {
            throw new Refused(what + " is missing");
        }
        float v = numberAt(i, what);
        if (Float.isNaN(v)) {
            throw new Refused(what + " is not a number (NaN)");
        }
        return v;
    }

    /** Argument {@code i} as a whole number in [min, max]; refused otherwise. */
    final int integer(int i, int min, int max, String what) throws Refused {
        float v = number(i, what);
        if (v != Math.rint(v) || v < min || v > max) {
            throw new Refused(what + " must be a whole number from " + min + " to " + max);
        }
        return (int) v;
    }

    static Args of(List<Object> args) {
        return new Args() {
            @Override
            int size() {
                return args.size();
            }

            @Override
            boolean textAt(int i) {
                return args.get(i) instanceof CharSequence;
            }

            @Override
            float numberAt(int i, String what) throws Refused {
                Object o = args.get(i);
                if (o instanceof Number n) {
                    return n.floatValue();
                } else if (o instanceof Boolean b) {
                    return b ? 1f : 0f;
                }
                throw new Refused(what + " must be a number");
            }

            @Override
            String text(int i) {
                return args.get(i).toString();
            }
        };
    }
}
