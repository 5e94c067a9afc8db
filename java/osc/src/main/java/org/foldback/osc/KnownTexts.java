package org.foldback.osc;

import java.util.Arrays;

/**
 * Values typed as text ("L30", "-6 dB") already parsed, by the parameter shape they were parsed
 * for (parameters of one shape read text alike), so a fader sending text again parses nothing and
 * makes no String. A text is looked for in {@link #PROBES} slots from its hash's; when all hold
 * others, the first is taken over. Only text that parsed is kept (refused text is parsed, and
 * refused, every time).
 */
final class KnownTexts {
    static final int SLOTS = 1024;
    /** Longer text is parsed every time. */
    static final int MAX_LENGTH = 24;

    private final Object[] shapes = new Object[SLOTS];
    private final byte[][] texts = new byte[SLOTS][];
    private final float[] values = new float[SLOTS];

    static final int PROBES = 8;

    float get(Object shape, byte[] data, int from, int length) {
        int s = slot(shape, data, from, length);
        for (int i = 0; i < PROBES; i++) {
            int at = (s + i) & (SLOTS - 1);
            if (texts[at] == null) {
                return Float.NaN;
            }
            if (holds(at, shape, data, from, length)) {
                return values[at];
            }
        }
        return Float.NaN;
    }

    void put(Object shape, byte[] data, int from, int length, float value) {
        if (length > MAX_LENGTH || Float.isNaN(value)) {
            return;
        }
        int first = slot(shape, data, from, length);
        int s = first;
        for (int i = 0; i < PROBES; i++) {
            int at = (first + i) & (SLOTS - 1);
            if (texts[at] == null || holds(at, shape, data, from, length)) {
                s = at;
                break;
            }
        }
        shapes[s] = shape;
        texts[s] = Arrays.copyOfRange(data, from, from + length);
        values[s] = value;
    }

    private boolean holds(int at, Object shape, byte[] data, int from, int length) {
        byte[] t = texts[at];
        return shapes[at] == shape && Arrays.equals(t, 0, t.length, data, from, from + length);
    }

    private static int slot(Object shape, byte[] data, int from, int length) {
        int h = System.identityHashCode(shape);
        for (int i = from; i < from + length; i++) {
            h = 31 * h + data[i];
        }
        return (h ^ h >>> 16) & (SLOTS - 1);
    }
}
