package org.foldback.osc;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.foldback.control.OscStatus;

/**
 * The allowed senders heard from lately, by IP address (a device, whatever port it sent from), for
 * the engineer's panel: when each was last heard and how many datagrams it sent. Only senders the
 * allowed-clients check let in are counted, so a stranger cannot fill the list. At most {@link #MAX}
 * (the one heard from longest ago makes room); one silent for {@link #FORGET_MILLIS} is forgotten.
 */
final class Senders {
    static final int MAX = 32;
    static final long FORGET_MILLIS = 10 * 60_000L;

    private static final class Seen {
        long lastMillis;
        long messages;
    }

    /** In access order: the most recently heard last. */
    private final LinkedHashMap<InetAddress, Seen> seen = new LinkedHashMap<>(16, 0.75f, true);
    private long version;

    /** The receive thread: one datagram from an allowed {@code sender}. */
    synchronized void heard(InetAddress sender, long nowMillis) {
        Seen s = seen.get(sender);
        if (s == null) {
            if (seen.size() >= MAX) {
                Iterator<InetAddress> eldest = seen.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
            s = new Seen();
            seen.put(sender, s);
        }
        s.lastMillis = nowMillis;
        s.messages++;
        version++;
    }

    /** Changes with every datagram heard: the status is made afresh only when it moved. */
    synchronized long version() {
        return version;
    }

    synchronized boolean isEmpty() {
        return seen.isEmpty();
    }

    /**
     * The senders heard within {@link #FORGET_MILLIS}, the most recent first, each marked with
     * whether {@code fed} says it gets feedback now (asked outside this class's lock).
     */
    List<OscStatus.Client> list(long nowMillis, Predicate<InetAddress> fed) {
        List<Map.Entry<InetAddress, long[]>> copy = new ArrayList<>();
        synchronized (this) {
            seen.values().removeIf(s -> nowMillis - s.lastMillis > FORGET_MILLIS);
            for (Map.Entry<InetAddress, Seen> e : seen.entrySet()) {
                copy.add(Map.entry(e.getKey(), new long[] {e.getValue().lastMillis, e.getValue().messages}));
            }
        }
        List<OscStatus.Client> clients = new ArrayList<>(copy.size());
        for (int i = copy.size() - 1; i >= 0; i--) {
            Map.Entry<InetAddress, long[]> e = copy.get(i);
            clients.add(new OscStatus.Client(e.getKey().getHostAddress(), e.getValue()[0], e.getValue()[1],
                    fed.test(e.getKey())));
        }
        return clients;
    }
}
