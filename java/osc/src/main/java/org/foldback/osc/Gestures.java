package org.foldback.osc;

import org.foldback.control.Controller;

/**
 * Every OSC edit reaches the host as a gesture (begin, perform, end), as the editor's do. OSC has
 * no "let go" of its own, so a value message opens a gesture that closes after {@link #IDLE_NANOS}
 * without a move (a fader drag is then one gesture, as a mouse drag is); a client that sends
 * TouchOSC's touch messages ({@code <address>/z 1} and {@code 0}) holds it open itself, up to
 * {@link #HELD_NANOS} without a move (a vanished tablet leaves no gesture open). The receive
 * thread opens and moves gestures, the feedback thread closes idle ones: synchronized.
 *
 * <p>A client is its IP address: apps send from one port, but command-line tools (oscsend) send
 * each message from a new one, and a touch must still belong to the moves that follow it.
 */
final class Gestures {
    static final long IDLE_NANOS = 250_000_000L;
    static final long HELD_NANOS = 10_000_000_000L;
    /** Gestures open at once, all clients together; beyond, an edit is a whole gesture by itself. */
    static final int MAX_OPEN = 64;

    // The open gestures, in slots 0..count-1 (at most MAX_OPEN: found by a scan, so a move allocates nothing).
    private final Object[] clients = new Object[MAX_OPEN];
    private final Controller[] controllers = new Controller[MAX_OPEN];
    private final int[] params = new int[MAX_OPEN];
    private final long[] last = new long[MAX_OPEN];
    private final boolean[] held = new boolean[MAX_OPEN];
    private int count;

    private int find(Object client, Controller c, int param) {
        for (int i = 0; i < count; i++) {
            if (params[i] == param && controllers[i] == c && clients[i].equals(client)) {
                return i;
            }
        }
        return -1;
    }

    private int open(Object client, Controller c, int param) {
        int i = count++;
        clients[i] = client;
        controllers[i] = c;
        params[i] = param;
        held[i] = false;
        return i;
    }

    /** Forgets slot {@code i} (the last slot moves into it). */
    private void remove(int i) {
        int j = --count;
        clients[i] = clients[j];
        controllers[i] = controllers[j];
        params[i] = params[j];
        last[i] = last[j];
        held[i] = held[j];
        clients[j] = null;
        controllers[j] = null;
    }

    /** A value from {@code client} for {@code param}: inside its open gesture, or a new one. */
    synchronized void move(Object client, Controller c, int param, float normalized, long now) {
        int g = find(client, c, param);
        if (g < 0) {
            if (count >= MAX_OPEN) {
                c.edit(param, normalized);
                return;
            }
            g = open(client, c, param);
            c.beginEdit(param);
        }
        last[g] = now;
        c.performEdit(param, normalized);
    }

    /** TouchOSC's touch: 1 opens (and holds) the gesture, 0 ends it. */
    synchronized void touch(Object client, Controller c, int param, boolean down, long now) {
        int g = find(client, c, param);
        if (down) {
            if (g < 0) {
                if (count >= MAX_OPEN) {
                    return;
                }
                g = open(client, c, param);
                c.beginEdit(param);
            }
            held[g] = true;
            last[g] = now;
        } else if (g >= 0) {
            remove(g);
            c.endEdit(param);
        }
    }

    /** Ends the gestures nobody moved for a while; returns how many are still open. */
    synchronized int closeIdle(long now) {
        for (int i = count - 1; i >= 0; i--) {
            if (now - last[i] > (held[i] ? HELD_NANOS : IDLE_NANOS)) {
                Controller c = controllers[i];
                int param = params[i];
                remove(i);
                c.endEdit(param);
            }
        }
        return count;
    }

    /** Ends every open gesture (the server stops). */
    synchronized void closeAll() {
        while (count > 0) {
            Controller c = controllers[0];
            int param = params[0];
            remove(0);
            c.endEdit(param);
        }
    }
}
