package org.foldback.osc;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.foldback.control.Changes;
import org.foldback.control.Controller;
import org.foldback.control.StateSnapshot;
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
            s.cursors.keySet().removeIf(c -> !contains(instances, c));
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

    private void update(Subscriber s, Controller c, OscOut out) {
        String base = "/foldback/" + c.id() + "/";
        s.cursors.computeIfAbsent(c, Controller::changes).poll(new Changes.Listener() {
            @Override
            public void parameter(int param, float normalized) {
                out.add(base + "param/" + Params.get(param).id(), normalized, c.format(param, normalized));
                String shortcut = Shortcuts.suffix(param);
                if (shortcut != null) {
                    out.add(base + shortcut, Shortcuts.plain(param, normalized));
                }
            }

            @Override
            public void state(StateSnapshot now) {
                for (int cue = 0; cue < c.cueCount(); cue++) {
                    out.add(base + "cue/" + (cue + 1) + "/name", now.cueName(cue));
                }
                for (int src = 0; src < c.sourceCount(); src++) {
                    out.add(base + "source/" + (src + 1) + "/name", c.sourceName(src));
                }
            }
        });
        for (int cue = 0; cue < c.cueCount(); cue++) {
            if (c.readCueMeter(cue, reading)) {
                out.add(base + "cue/" + (cue + 1) + "/meter", db(MeterReading.max(reading.samplePeakDbfs)),
                        db(MeterReading.max(reading.rmsDbfs)), c.limiting(cue) ? 1 : 0);
            }
        }
        for (int src = 0; src < c.sourceCount(); src++) {
            if (c.readSourceMeter(src, reading)) {
                out.add(base + "source/" + (src + 1) + "/meter", db(MeterReading.max(reading.samplePeakDbfs)),
                        db(MeterReading.max(reading.rmsDbfs)));
            }
        }
    }

    static float db(double v) {
        return Double.isNaN(v) || v < FLOOR_DB ? FLOOR_DB : (float) v;
    }
}
