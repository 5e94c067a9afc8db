package org.foldback.osc;

import java.net.InetSocketAddress;
import java.util.List;
import org.foldback.control.Controller;
import org.foldback.engine.param.ParamSpec;
import org.foldback.engine.param.ParamText;
import org.foldback.engine.param.Params;

/**
 * Foldback's own address space, below {@code /foldback} (docs/OSC.md has every message with an
 * example). Every message is checked whole before anything changes; an edit goes through the
 * instance's controller as a gesture ({@link Gestures}); a cue the engineer locked for the remote
 * is read-only here too.
 */
final class FoldbackMessages {
    private final Instances instances;
    private final Gestures gestures;
    private final Subscriptions subscriptions;

    FoldbackMessages(Instances instances, Gestures gestures, Subscriptions subscriptions) {
        this.instances = instances;
        this.gestures = gestures;
        this.subscriptions = subscriptions;
    }

    /**
     * What an address below an instance names, resolved once: the instance, the parameter, the
     * shortcut (or null for /param/&lt;id&gt;) and whether it is a touch. {@link Routes} keeps it for
     * the address's bytes while {@code generation} and the instance's enabled cues and sources
     * hold, so a flood of the same addresses is not parsed again.
     */
    record Route(Controller instance, int param, Shortcuts.Target shortcut, boolean touch, long generation,
            int cues, int sources) {
        /** Still what the address names: the same instances (and names) as when resolved, and the same enabled cues and sources. */
        boolean holds(long current) {
            return generation == current && instance.cueCount() == cues && instance.sourceCount() == sources;
        }
    }

    /**
     * {@code parts} is the address split at '/': "", "foldback", ... Returns the route when the
     * address names a parameter (to be kept for the next message to it), else null.
     */
    Route handle(String[] parts, Args args, InetSocketAddress sender, long now, OscOut out, long generation)
            throws Refused {
        if (parts.length < 3) {
            throw new Refused("unknown address");
        }
        switch (parts[2]) {
            case "query":
                query(args, sender, out);
                return null;
            case "subscribe":
                subscribe(args, sender, now, out);
                return null;
            case "unsubscribe":
                subscriptions.unsubscribe(replyTo(sender, args, 0));
                return null;
            default:
                break;
        }
        Controller c = instances.find(parts[2]);
        if (parts.length < 4) {
            throw new Refused("unknown address");
        }
        boolean touch = parts[parts.length - 1].equals("z");
        int end = touch ? parts.length - 1 : parts.length;
        int param;
        Shortcuts.Target shortcut = null;
        if (parts[3].equals("param")) {
            if (end != 5) {
                throw new Refused("a parameter's address is /foldback/<instance>/param/<id>");
            }
            ParamSpec p = Params.byId(parts[4]);
            if (p == null) {
                throw new Refused("no parameter '" + (parts[4].length() > 40 ? parts[4].substring(0, 40) : parts[4]) + "'");
            }
            param = p.index();
        } else {
            shortcut = Shortcuts.parse(java.util.Arrays.copyOf(parts, end), 3, c.cueCount(), c.sourceCount());
            param = shortcut.param();
        }
        Route route = new Route(c, param, shortcut, touch, generation, c.cueCount(), c.sourceCount());
        apply(route, args, sender, now);
        return route;
    }

    /** A message to a resolved address: checked (value, lock) before anything changes, then a gesture. */
    void apply(Route route, Args args, InetSocketAddress sender, long now) throws Refused {
        Controller c = route.instance();
        int param = route.param();
        float normalized = route.touch() ? 0f : value(param, route.shortcut(), args);
        int cue = Params.get(param).address().cue();
        if (cue >= 0 && c.remoteLocked(cue)) {
            throw new Refused("cue " + (cue + 1) + " is locked");
        }
        if (route.touch()) {
            gestures.touch(sender.getAddress(), c, param, args.number(0, "touch") >= 0.5f, now);
        } else {
            gestures.move(sender.getAddress(), c, param, normalized, now);
        }
    }

    /**
     * The normalized value a message asks for: text as a host shows it (refused when it means
     * nothing or is out of range, as the host refuses typed text); a number normalized 0..1 on
     * /param (clamped, as hosts clamp), or plain units on a shortcut (clamped to the range).
     */
    private static float value(int param, Shortcuts.Target shortcut, Args args) throws Refused {
        ParamSpec p = Params.get(param);
        if (args.isText(0)) {
            // Text read in place is looked up first: a fader sending "L30" again parses nothing.
            float known = args instanceof MessageReader r ? r.knownText(0, p) : Float.NaN;
            if (!Float.isNaN(known)) {
                return known;
            }
            float v;
            try {
                v = p.normalize(ParamText.parse(p, args.text(0)));
            } catch (IllegalArgumentException e) {
                throw new Refused(e.getMessage());
            }
            if (args instanceof MessageReader r) {
                r.learnText(0, p, v);
            }
            return v;
        }
        float v = args.number(0, "value");
        if (shortcut != null) {
            return Shortcuts.normalized(shortcut, v);
        }
        return Math.max(0f, Math.min(1f, v));
    }

    /** Replies with every instance, its cues and its sources by name. */
    private void query(Args args, InetSocketAddress sender, OscOut out) throws Refused {
        InetSocketAddress to = replyTo(sender, args, 0);
        List<Controller> all = instances.all();
        for (Controller c : all) {
            out.add("/foldback/instance", c.id(), c.name(), c.cueCount(), c.sourceCount());
            for (int cue = 0; cue < c.cueCount(); cue++) {
                out.add("/foldback/cue", c.id(), cue + 1, c.snapshot().cueName(cue), c.remoteLocked(cue) ? 1 : 0);
            }
            for (int s = 0; s < c.sourceCount(); s++) {
                out.add("/foldback/source", c.id(), s + 1, c.sourceName(s));
            }
        }
        out.add("/foldback/query/done", all.size());
        out.flush(to);
    }

    private void subscribe(Args args, InetSocketAddress sender, long now, OscOut out) throws Refused {
        InetSocketAddress to = replyTo(sender, args, 0);
        float rate = args.has(1) ? args.number(1, "rate") : Subscriptions.DEFAULT_RATE;
        Controller only = args.has(2) ? instances.find(args.text(2)) : null;
        float granted = subscriptions.subscribe(to, rate, only, now);
        out.send(to, "/foldback/subscribed", to.getPort(), granted, Subscriptions.TTL_NANOS / 1e9f);
    }

    /** The sender's address at the port in argument {@code i}, or the sender's own port without one. */
    private static InetSocketAddress replyTo(InetSocketAddress sender, Args args, int i) throws Refused {
        if (!args.has(i)) {
            return sender;
        }
        return new InetSocketAddress(sender.getAddress(), args.integer(i, 1, 65535, "reply port"));
    }
}
