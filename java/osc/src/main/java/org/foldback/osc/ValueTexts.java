package org.foldback.osc;

import org.foldback.control.Controller;
import org.foldback.engine.param.Params;

/**
 * The text each fed-back value reads as ({@link Controller#format}), kept by instance, parameter
 * shape and value, so the feedback of a flood that moves faders between the same positions makes
 * no new String. A value is looked for in {@link #PROBES} slots from its hash's; when all hold
 * others, the first is taken over. Feedback thread only.
 */
final class ValueTexts {
    static final int SLOTS = 2048;
    static final int PROBES = 8;

    private final Controller[] instances = new Controller[SLOTS];
    private final Object[] shapes = new Object[SLOTS];
    private final int[] bits = new int[SLOTS];
    private final String[] texts = new String[SLOTS];

    String format(Controller c, int param, float normalized) {
        Object shape = Params.get(param).shape();
        int b = Float.floatToRawIntBits(normalized);
        int h = System.identityHashCode(c) * 31 + System.identityHashCode(shape) * 17 + b;
        int first = (h ^ h >>> 16) & (SLOTS - 1);
        int free = first;
        for (int i = 0; i < PROBES; i++) {
            int at = (first + i) & (SLOTS - 1);
            if (texts[at] == null) {
                free = at;
                break;
            }
            if (instances[at] == c && shapes[at] == shape && bits[at] == b) {
                return texts[at];
            }
        }
        String text = c.format(param, normalized);
        instances[free] = c;
        shapes[free] = shape;
        bits[free] = b;
        texts[free] = text;
        return text;
    }

    /** Forgets everything (an instance went away: its slots must not keep it alive). */
    void clear() {
        java.util.Arrays.fill(instances, null);
        java.util.Arrays.fill(texts, null);
    }
}
