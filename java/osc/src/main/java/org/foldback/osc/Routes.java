package org.foldback.osc;

import java.util.Arrays;

/**
 * What addresses already met name ({@link FoldbackMessages.Route}, {@link ArdourCue.Command}), by
 * the address's bytes, so a flood of the same addresses is matched without making a String or
 * splitting it. An address is looked for in {@link #PROBES} slots from its hash's; when all hold
 * others, the first is taken over (that costs one more resolution later, never a wrong answer).
 * Only addresses that resolved are kept, so the table holds no more than the address space.
 */
final class Routes {
    static final int SLOTS = 4096;

    private final byte[][] addresses = new byte[SLOTS][];
    private final Object[] routes = new Object[SLOTS];

    static final int PROBES = 8;

    Object get(byte[] data, int from, int length) {
        int s = slot(data, from, length);
        for (int i = 0; i < PROBES; i++) {
            byte[] a = addresses[(s + i) & (SLOTS - 1)];
            if (a == null) {
                return null;
            }
            if (Arrays.equals(a, 0, a.length, data, from, from + length)) {
                return routes[(s + i) & (SLOTS - 1)];
            }
        }
        return null;
    }

    void put(byte[] data, int from, int length, Object route) {
        int s = slot(data, from, length);
        int at = s;
        for (int i = 0; i < PROBES; i++) {
            byte[] a = addresses[(s + i) & (SLOTS - 1)];
            if (a == null || Arrays.equals(a, 0, a.length, data, from, from + length)) {
                at = (s + i) & (SLOTS - 1);
                break;
            }
        }
        addresses[at] = Arrays.copyOfRange(data, from, from + length);
        routes[at] = route;
    }

    /** Forgets every address (the instances changed: no route may keep a gone one alive). */
    void clear() {
        Arrays.fill(addresses, null);
        Arrays.fill(routes, null);
    }

    private static int slot(byte[] data, int from, int length) {
        int h = 1;
        for (int i = from; i < from + length; i++) {
            h = 31 * h + data[i];
        }
        return (h ^ h >>> 16) & (SLOTS - 1);
    }
}
