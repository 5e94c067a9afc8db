package org.foldback.remote;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.foldback.control.Changes;
import org.foldback.control.Controller;
import org.foldback.control.StateSnapshot;

/**
 * One phone's WebSocket. Before login it may ask for the instance list and log in; after, it sees
 * and edits its one cue, and every message must carry that cue's current PIN. Messages arrive on
 * Jetty's threads, one at a time per socket; the ticker thread calls {@link #tick}; both take this
 * object's lock, so a session's state has one writer at a time.
 */
public final class ClientSession implements Session.Listener.AutoDemanding {
    /** Meter frames queued to a slow client beyond which frames are skipped (memory stays bounded). */
    private static final int MAX_IN_FLIGHT = 8;
    /**
     * How often a phone gets its cue's hearing dose: the dose is booked once a second (a whole
     * second's LAeq), so a faster stream would repeat the same figures.
     */
    private static final long DOSE_PERIOD_NANOS = 1_000_000_000L;

    private final RemoteServer server;
    private final String address;
    private final RateLimit rate;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Set<Integer> openGestures = new HashSet<>();
    private Session socket;
    private long lastRateError;

    // After login:
    private Controller controller;
    private int cue = -1;
    private byte[] pin;
    private Changes changes;
    private boolean[] watched;
    private boolean dirty;
    private long nextDose;

    ClientSession(RemoteServer server, String address) {
        this.server = server;
        this.address = address;
        this.rate = new RateLimit(server.limits().messagesPerSecond(), server.limits().burst(), System.nanoTime());
    }

    @Override
    public synchronized void onWebSocketOpen(Session session) {
        socket = session;
        server.opened(this);
    }

    @Override
    public void onWebSocketText(String text) {
        String reply;
        synchronized (this) {
            reply = handle(text);
        }
        if (reply != null) {
            send(reply);
        }
    }

    /** Everything a message does, under the session's lock; returns the reply (or null). */
    private String handle(String text) {
        long now = System.nanoTime();
        if (!rate.take(now)) {
            // One "slow down" a second at most, so the replies do not flood either.
            if (now - lastRateError < 1_000_000_000L) {
                return null;
            }
            lastRateError = now;
            return Messages.write(Messages.error("rate", "too many messages; slow down"));
        }
        try {
            ObjectNode m = Messages.parse(text);
            String type = m.get("type").textValue();
            switch (type) {
                case "ping":
                    return Messages.write(Messages.object("pong"));
                case "hello":
                    return Messages.write(instances());
                case "login":
                    return login(m);
                default:
                    return admitted(type, m);
            }
        } catch (BadMessage e) {
            return Messages.write(Messages.error(e.code(), e.getMessage()));
        } catch (RuntimeException e) {
            // A bug must not end the server; the client is told, the log has the reason (no message text).
            server.log("remote: " + address + ": " + e.getClass().getSimpleName() + " while handling a message");
            return Messages.write(Messages.error("internal", "the server could not do that"));
        }
    }

    /** The instances a phone may choose: only those whose engineer switched the remote on. */
    private ObjectNode instances() {
        ObjectNode reply = Messages.object("instances");
        ArrayNode list = reply.putArray("instances");
        for (Controller c : server.instances()) {
            // Cue numbers only: a cue's name is that cue's, shown after its PIN.
            list.addObject().put("id", c.id()).put("name", c.name()).put("cues", c.cueCount());
        }
        return reply;
    }

    private String login(ObjectNode m) throws BadMessage {
        long wait = server.lockouts().waitMillis(address, System.currentTimeMillis());
        if (wait > 0) {
            throw new BadMessage("locked-out", "too many wrong PINs; try again in " + (wait + 999) / 1000 + " s");
        }
        int id = Messages.integer(m, "instance", 1, Integer.MAX_VALUE);
        Controller c = server.instance(id);
        if (c == null) {
            throw new BadMessage("unknown-instance", "no such instance");
        }
        int n = Messages.integer(m, "cue", 1, c.cueCount()) - 1;
        String tried = Messages.text(m, "pin");
        if (!samePin(tried, c.remotePin(n))) {
            boolean locked = server.lockouts().failed(address, "instance " + id + ", cue " + (n + 1),
                    System.currentTimeMillis());
            throw new BadMessage(locked ? "locked-out" : "wrong-pin", locked
                    ? "too many wrong PINs; try again in " + server.limits().lockoutMillis() / 1000 + " s"
                    : "wrong PIN for cue " + (n + 1));
        }
        server.lockouts().succeeded(address);
        endGestures();
        controller = c;
        cue = n;
        server.phonesChanged(); // the engineer's panel lists the phone under its cue now
        pin = tried.getBytes(StandardCharsets.US_ASCII);
        changes = c.changes();
        watched = CueView.watched(n);
        // The first poll reports everything: swallow it, the welcome carries the whole mix.
        changes.poll(new Changes.Listener() {
            @Override
            public void parameter(int param, float normalized) {}
        });
        dirty = false;
        nextDose = System.nanoTime(); // the first tick after the welcome sends the dose
        ObjectNode welcome = CueView.mix(c, n);
        welcome.put("type", "welcome");
        welcome.putObject("instance").put("id", c.id()).put("name", c.name());
        return Messages.write(welcome);
    }

    /** A message that needs a login and the cue's current PIN. */
    private String admitted(String type, ObjectNode m) throws BadMessage {
        if (controller == null) {
            throw new BadMessage("not-logged-in", "log in first");
        }
        // Checked on every message, against the PIN this session logged in with and the cue's PIN now.
        String sent = m.get("pin") != null && m.get("pin").isTextual() ? m.get("pin").textValue() : null;
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.US_ASCII), pin)
                || !samePin(sent, controller.remotePin(cue))) {
            throw new BadMessage("wrong-pin", "this message's PIN is not the cue's PIN");
        }
        if (!server.instances().contains(controller)) {
            throw new BadMessage("unknown-instance", "the instance is gone or its remote is off");
        }
        switch (type) {
            case "edit":
                requireUnlocked();
                CueEdits.edit(controller, cue, m, openGestures);
                return null;
            case "moreMe":
                requireUnlocked();
                CueEdits.moreMe(controller, cue, m, openGestures);
                return null;
            case "me":
                requireUnlocked();
                CueEdits.me(controller, cue, m);
                dirty = true;
                return null;
            case "mix":
                return Messages.write(CueView.mix(controller, cue));
            default:
                throw new BadMessage("unknown-type", "unknown message type");
        }
    }

    private void requireUnlocked() throws BadMessage {
        if (controller.remoteLocked(cue)) {
            throw new BadMessage("locked", "the engineer locked this cue: you may look but not change");
        }
    }

    private static boolean samePin(String tried, String actual) {
        return tried != null && actual != null && MessageDigest.isEqual(
                tried.getBytes(StandardCharsets.US_ASCII), actual.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * On the ticker thread: ends the session when its cue's PIN changed or its instance left;
     * otherwise sends what changed on its cue (within one tick), a meter frame, and once a second
     * the cue's hearing dose (its own cue's only, like everything else here).
     */
    void tick(Frames frames) {
        String mix = null;
        String meters = null;
        String dose = null;
        boolean end = false;
        synchronized (this) {
            if (controller == null || socket == null) {
                return;
            }
            if (!server.instances().contains(controller) || !samePin(new String(pin, StandardCharsets.US_ASCII),
                    controller.remotePin(cue))) {
                end = true;
            } else {
                changes.poll(new Changes.Listener() {
                    @Override
                    public void parameter(int param, float normalized) {
                        dirty |= watched[param];
                    }

                    @Override
                    public void state(StateSnapshot now) {
                        dirty = true;
                    }
                });
                if (dirty) {
                    dirty = false;
                    mix = frames.mix(controller, cue);
                }
                if (inFlight.get() < MAX_IN_FLIGHT) {
                    meters = frames.meters(controller, cue);
                    long now = System.nanoTime();
                    if (now - nextDose >= 0) {
                        // A skipped tick (a slow phone) leaves the dose due: it goes with the next frame sent.
                        nextDose = now + DOSE_PERIOD_NANOS;
                        dose = frames.dose(controller, cue);
                    }
                }
            }
        }
        if (end) {
            end("the PIN changed or the instance is gone: log in again");
            return;
        }
        if (mix != null) {
            send(mix);
        }
        if (meters != null) {
            send(meters);
        }
        if (dose != null) {
            send(dose);
        }
    }

    /** Ends the session: a last message saying why, then the socket closes. */
    void end(String reason) {
        Session s;
        synchronized (this) {
            endGestures();
            controller = null;
            s = socket;
        }
        server.phonesChanged();
        if (s != null && s.isOpen()) {
            s.sendText(Messages.write(Messages.object("ended").put("reason", reason)), Callback.NOOP);
            s.close(1008, "session ended", Callback.NOOP);
        }
    }

    /** A gesture left open by a vanished client is ended, so the host is not left mid-gesture. */
    private void endGestures() {
        if (controller != null) {
            for (int p : openGestures) {
                controller.endEdit(p);
            }
        }
        openGestures.clear();
    }

    private void send(String text) {
        Session s;
        synchronized (this) {
            s = socket;
        }
        if (s == null || !s.isOpen()) {
            return;
        }
        inFlight.incrementAndGet();
        s.sendText(text, Callback.from(inFlight::decrementAndGet, x -> inFlight.decrementAndGet()));
    }

    @Override
    public void onWebSocketClose(int status, String reason) {
        synchronized (this) {
            endGestures();
            controller = null;
        }
        server.closed(this);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        // Jetty closes the socket after an error (e.g. a message over the size limit); onWebSocketClose follows.
    }

    /** What the engineer's panel lists: the address and, once logged in, the instance and cue. */
    synchronized org.foldback.control.RemoteStatus.Phone describe() {
        return new org.foldback.control.RemoteStatus.Phone(address, controller == null ? 0 : controller.id(), cue < 0 || controller == null ? 0 : cue + 1);
    }

    synchronized boolean admittedTo(Controller c, int cueIndex) {
        return controller == c && cue == cueIndex;
    }

    String address() {
        return address;
    }
}
