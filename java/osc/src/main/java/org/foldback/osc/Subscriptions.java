package org.foldback.osc;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.foldback.control.Changes;
import org.foldback.control.Controller;
import org.foldback.control.StateSnapshot;
import org.foldback.engine.Layout;
import org.foldback.engine.meter.MeterReading;
import org.foldback.engine.param.Params;

/**
 * Clients that asked for feedback ({@code /foldback/subscribe <reply port> [rate] [instance]}):
 * at their rate each gets the parameters that changed since its last update (from any surface,
 * the host or automation: a {@link Changes} cursor per client and instance, so the first update is
 * the whole state), names when they change, and meters. A subscription lasts {@link #TTL_NANOS}
 * from its last renewal: a vanished tablet costs nothing after that.
 */
final class Subscriptions {
    static final long TTL_NANOS = 10_000_000_000L;
    static final int MAX = 16;
    static final float MIN_RATE = 1f;
    static final float MAX_RATE = 30f;
    static final float DEFAULT_RATE = 10f;
    /** Silence reads as this many dB, not -inf: some clients cannot show infinities. */
    static final float FLOOR_DB = -120f;

    private static final class Subscriber {
        final InetSocketAddress to;
        float rate;
        Controller only;
        long expires;
        long due;
        final Map<Controller, Changes> cursors = new HashMap<>();

        Subscriber(InetSocketAddress to) {
            this.to = to;
        }
    }

    private final Map<InetSocketAddress, Subscriber> subscribers = new LinkedHashMap<>();
    private final MeterReading reading = new MeterReading();

    /** Subscribes or renews; returns the rate granted. */
    synchronized float subscribe(InetSocketAddress to, float rate, Controller only, long now) throws Refused {
        Subscriber s = subscribers.get(to);
        if (s == null) {
            if (subscribers.size() >= MAX) {
                throw new Refused("at most " + MAX + " subscribers; try again when one has expired");
            }
            s = new Subscriber(to);
            subscribers.put(to, s);
            s.due = now;
        }
        if (s.only != only) {
            s.cursors.clear();
        }
        s.only = only;
        s.rate = Math.max(MIN_RATE, Math.min(MAX_RATE, rate));
        s.expires = now + TTL_NANOS;
        return s.rate;
    }

    synchronized boolean unsubscribe(InetSocketAddress to) {
        return subscribers.remove(to) != null;
    }

    synchronized int count() {
        return subscribers.size();
    }

    /** Whether any live subscription sends to the device at {@code address}. */
    synchronized boolean feeds(java.net.InetAddress address, long now) {
        for (Subscriber s : subscribers.values()) {
            if (s.to.getAddress().equals(address) && now - s.expires <= 0) {
                return true;
            }
        }
        return false;
    }

    /** The feedback thread: drops expired subscribers, updates the ones that are due. */
    synchronized void tick(long now, Iterable<Controller> instances, OscOut out) {
        for (Iterator<Subscriber> it = subscribers.values().iterator(); it.hasNext(); ) {
            Subscriber s = it.next();
            if (now - s.expires > 0) {
                it.remove();
                continue;
            }
            if (now - s.due < 0) {
                continue;
            }
            long period = (long) (1e9 / s.rate);
            // On the rate's own grid, not the tick's: a late tick does not slow the updates down.
            s.due = now - s.due > period ? now + period : s.due + period;
            for (Controller c : instances) {
                if (s.only == null || s.only == c) {
                    update(s, c, out);
                }
            }
            if (s.cursors.size() > 0) {
                for (Iterator<Controller> k = s.cursors.keySet().iterator(); k.hasNext(); ) {
                    if (!contains(instances, k.next())) {
                        k.remove();
                    }
                }
            }
            out.flush(s.to);
        }
    }

    private static boolean contains(Iterable<Controller> instances, Controller c) {
        for (Controller i : instances) {
            if (i == c) {
                return true;
            }
        }
        return false;
    }

    /** Every address one instance's feedback uses, encoded once (feedback thread). */
    private static final class Addresses {
        final String base;
        final byte[][] param = new byte[Params.count()][];
        final byte[][] shortcut = new byte[Params.count()][];
        final byte[][] cueMeter = new byte[Layout.MAX_CUES][];
        final byte[][] sourceMeter = new byte[Layout.MAX_SOURCES][];

        Addresses(Controller c) {
            base = "/foldback/" + c.id() + "/";
            for (int p = 0; p < Params.count(); p++) {
                param[p] = OscOut.padded(base + "param/" + Params.get(p).id());
                String suffix = Shortcuts.suffix(p);
                shortcut[p] = suffix == null ? null : OscOut.padded(base + suffix);
            }
            for (int cue = 0; cue < cueMeter.length; cue++) {
                cueMeter[cue] = OscOut.padded(base + "cue/" + (cue + 1) + "/meter");
            }
            for (int src = 0; src < sourceMeter.length; src++) {
                sourceMeter[src] = OscOut.padded(base + "source/" + (src + 1) + "/meter");
            }
        }
    }

    private static final byte[] FS = OscOut.padded(",fs");
    private static final byte[] F = OscOut.padded(",f");
    private static final byte[] FFI = OscOut.padded(",ffi");
    private static final byte[] FF = OscOut.padded(",ff");

    private final Map<Controller, Addresses> addresses = new HashMap<>();
    private final ValueTexts texts = new ValueTexts();

    /** One listener for every poll (a new one per update would be garbage per tick). */
    private final class Feed implements Changes.Listener {
        Controller c;
        Addresses at;
        OscOut out;

        @Override
        public void parameter(int param, float normalized) {
            out.message(at.param[param], FS).f(normalized).s(texts.format(c, param, normalized));
            byte[] shortcut = at.shortcut[param];
            if (shortcut != null) {
                out.message(shortcut, F).f(Shortcuts.plain(param, normalized));
            }
        }

        @Override
        public void state(StateSnapshot now) {
            for (int cue = 0; cue < c.cueCount(); cue++) {
                out.add(at.base + "cue/" + (cue + 1) + "/name", now.cueName(cue));
            }
            for (int src = 0; src < c.sourceCount(); src++) {
                out.add(at.base + "source/" + (src + 1) + "/name", c.sourceName(src));
            }
        }
    }

    private final Feed feed = new Feed();

    private void update(Subscriber s, Controller c, OscOut out) {
        Addresses at = addresses.get(c);
        if (at == null) {
            if (addresses.size() > 64) {
                // Instances come and go over a long session: start over rather than keep the gone ones.
                addresses.clear();
                texts.clear();
            }
            at = new Addresses(c);
            addresses.put(c, at);
        }
        Changes cursor = s.cursors.get(c);
        if (cursor == null) {
            cursor = c.changes();
            s.cursors.put(c, cursor);
        }
        feed.c = c;
        feed.at = at;
        feed.out = out;
        cursor.poll(feed);
        for (int cue = 0; cue < c.cueCount(); cue++) {
            if (c.readCueMeter(cue, reading)) {
                out.message(at.cueMeter[cue], FFI).f(db(MeterReading.max(reading.samplePeakDbfs)))
                        .f(db(MeterReading.max(reading.rmsDbfs))).i(c.limiting(cue) ? 1 : 0);
            }
        }
        for (int src = 0; src < c.sourceCount(); src++) {
            if (c.readSourceMeter(src, reading)) {
                out.message(at.sourceMeter[src], FF).f(db(MeterReading.max(reading.samplePeakDbfs)))
                        .f(db(MeterReading.max(reading.rmsDbfs)));
            }
        }
    }

    static float db(double v) {
        return Double.isNaN(v) || v < FLOOR_DB ? FLOOR_DB : (float) v;
    }
}
