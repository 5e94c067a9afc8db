package org.foldback.osc;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
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

    private record Key(Object client, Controller controller, int param) {}

    private static final class Open {
        long last;
        boolean held;
    }

    private final Map<Key, Open> open = new HashMap<>();

    /** A value from {@code client} for {@code param}: inside its open gesture, or a new one. */
    synchronized void move(Object client, Controller c, int param, float normalized, long now) {
        Key k = new Key(client, c, param);
        Open g = open.get(k);
        if (g == null) {
            if (open.size() >= MAX_OPEN) {
                c.edit(param, normalized);
                return;
            }
            g = new Open();
            open.put(k, g);
            c.beginEdit(param);
        }
        g.last = now;
        c.performEdit(param, normalized);
    }

    /** TouchOSC's touch: 1 opens (and holds) the gesture, 0 ends it. */
    synchronized void touch(Object client, Controller c, int param, boolean down, long now) {
        Key k = new Key(client, c, param);
        Open g = open.get(k);
        if (down) {
            if (g == null) {
                if (open.size() >= MAX_OPEN) {
                    return;
                }
                g = new Open();
                open.put(k, g);
                c.beginEdit(param);
            }
            g.held = true;
            g.last = now;
        } else if (g != null) {
            open.remove(k);
            c.endEdit(param);
        }
    }

    /** Ends the gestures nobody moved for a while; returns how many are still open. */
    synchronized int closeIdle(long now) {
        for (Iterator<Map.Entry<Key, Open>> it = open.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Open> e = it.next();
            Open g = e.getValue();
            if (now - g.last > (g.held ? HELD_NANOS : IDLE_NANOS)) {
                it.remove();
                e.getKey().controller.endEdit(e.getKey().param);
            }
        }
        return open.size();
    }

    /** Ends every open gesture (the server stops). */
    synchronized void closeAll() {
        for (Key k : open.keySet()) {
            k.controller.endEdit(k.param);
        }
        open.clear();
    }
}
