package org.foldback.osc;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.foldback.control.Changes;
import org.foldback.control.Controller;
import org.foldback.control.StateSnapshot;
import org.foldback.engine.Layout;
import org.foldback.engine.meter.MeterReading;
import org.foldback.engine.param.CueParams;
import org.foldback.engine.param.ParamAddress;
import org.foldback.engine.param.ParamRole;
import org.foldback.engine.param.Params;

/**
 * Ardour's personal-monitoring commands ({@code /cue/...}, Ardour manual, "Personal Monitoring
 * Control"), so a phone layout made for Ardour's aux or foldback buses mixes a Foldback cue with no
 * change. Ardour's aux bus N is Foldback's cue N; with several instances the cues count on in the
 * instances' order (instance 1's cues first). Ardour's send N is the send from source N. Fader
 * positions are 0..1 on Foldback's own level law (the host's normalized value: linear in dB from
 * off at 0 to +10 dB at 1), not Ardour's fader curve. A send "enable" is the send's mute inverted.
 *
 * <p>A client is its IP address (one personal monitor per device); feedback goes to the port its
 * last /cue/connect came from, or the port given to {@code /cue/connect} (a small extension for
 * apps that listen on a port of their own). It stays {@link #IDLE_NANOS} after its last message, at most {@link #MAX}
 * at once (the one heard from longest ago makes room).
 */
final class ArdourCue {
    static final long IDLE_NANOS = 30L * 60 * 1_000_000_000L;
    static final int MAX = 16;
    static final float RATE = 10f;
    /** Above this peak the cue counts as carrying audio (/cue/signal 1). */
    static final double SIGNAL_DBFS = -60;

    private record Aux(Controller instance, int cue) {}

    private static final class Client {
        InetSocketAddress replyTo;
        int aux;
        Controller instance;
        int cue;
        Changes cursor;
        long heard;
        long due;
        float signal = -1;
    }

    private final Instances instances;
    private final Gestures gestures;
    private final Map<java.net.InetAddress, Client> clients = new LinkedHashMap<>();
    private final MeterReading reading = new MeterReading();

    ArdourCue(Instances instances, Gestures gestures) {
        this.instances = instances;
        this.gestures = gestures;
    }

    private List<Aux> auxes() {
        List<Aux> list = new ArrayList<>();
        for (Controller c : instances.all()) {
            for (int cue = 0; cue < c.cueCount(); cue++) {
                list.add(new Aux(c, cue));
            }
        }
        return list;
    }

    synchronized int clients() {
        return clients.size();
    }

    /** Whether the device at {@code address} is a client with a cue selected (it gets feedback). */
    synchronized boolean feeds(java.net.InetAddress address) {
        Client c = clients.get(address);
        return c != null && c.instance != null;
    }

    /** An edit command's address, resolved once ({@link Routes} keeps it): which control, and the send's number as written. */
    record Command(Kind kind, String send) {
        enum Kind { FADER, MUTE, SEND_FADER, SEND_ENABLE }
    }

    /** One /cue message from {@code sender}; returns the edit command its address names (to be kept), else null. */
    synchronized Command handle(String[] parts, Args args, InetSocketAddress sender, long now, OscOut out)
            throws Refused {
        String command = parts.length > 2 ? parts[2] : "";
        Client client = clients.get(sender.getAddress());
        if (command.equals("connect")) {
            InetSocketAddress replyTo = args.has(0)
                    ? new InetSocketAddress(sender.getAddress(), args.integer(0, 1, 65535, "reply port"))
                    : sender;
            client = client(sender, now);
            client.replyTo = replyTo;
            List<Aux> auxes = auxes();
            for (int i = 0; i < auxes.size(); i++) {
                Aux a = auxes.get(i);
                out.add("/cue/name/" + (i + 1), a.instance.snapshot().cueName(a.cue));
            }
            out.flush(client.replyTo);
            select(client, 1, auxes, out);
            return null;
        }
        boolean previousAsConnect = client == null && (command.equals("previous_aux") || command.equals("previous_bus"));
        if (client == null && !previousAsConnect) {
            if (!(command.equals("aux") || command.equals("bus"))) {
                throw new Refused("send /cue/connect or /cue/aux first");
            }
        }
        switch (command) {
            case "aux":
            case "bus": {
                client = client(sender, now);
                List<Aux> auxes = auxes();
                select(client, args.integer(0, 1, Math.max(1, auxes.size()), "aux number"), auxes, out);
                return null;
            }
            case "next_aux":
            case "next_bus": {
                client = client(sender, now);
                List<Aux> auxes = auxes();
                select(client, Math.min(auxes.size(), client.aux + 1), auxes, out);
                return null;
            }
            case "previous_aux":
            case "previous_bus": {
                client = client(sender, now);
                List<Aux> auxes = auxes();
                select(client, Math.max(1, client.aux - 1), auxes, out);
                return null;
            }
            default:
                break;
        }
        Command edit;
        if (parts.length == 3 && command.equals("fader")) {
            edit = new Command(Command.Kind.FADER, null);
        } else if (parts.length == 3 && command.equals("mute")) {
            edit = new Command(Command.Kind.MUTE, null);
        } else if (parts.length == 5 && command.equals("send") && parts[3].equals("fader")) {
            edit = new Command(Command.Kind.SEND_FADER, parts[4]);
        } else if (parts.length == 5 && command.equals("send") && parts[3].equals("enable")) {
            edit = new Command(Command.Kind.SEND_ENABLE, parts[4]);
        } else {
            client(sender, now);
            if (clients.get(sender.getAddress()).instance == null) {
                throw new Refused("no aux selected");
            }
            throw new Refused("not one of the /cue commands Foldback covers");
        }
        edit(edit, args, sender, now);
        return edit;
    }

    /** An edit to the sender's selected cue; refused (changing nothing) unless it has one, unlocked. */
    synchronized void edit(Command edit, Args args, InetSocketAddress sender, long now) throws Refused {
        Client client = clients.get(sender.getAddress());
        if (client == null) {
            throw new Refused("send /cue/connect or /cue/aux first");
        }
        client.heard = now;
        if (client.instance == null) {
            throw new Refused("no aux selected");
        }
        CueParams cue = Params.cue(client.cue);
        int sources = client.instance.sourceCount();
        int param;
        float normalized;
        switch (edit.kind()) {
            case FADER:
                param = cue.level();
                normalized = clamp01(args.number(0, "position"));
                break;
            case MUTE:
                param = cue.mute();
                normalized = args.number(0, "state") >= 0.5f ? 1f : 0f;
                break;
            case SEND_FADER:
                param = cue.send(Shortcuts.number(edit.send(), sources, "send") - 1).level();
                normalized = clamp01(args.number(0, "position"));
                break;
            default:
                param = cue.send(Shortcuts.number(edit.send(), sources, "send") - 1).mute();
                normalized = args.number(0, "state") >= 0.5f ? 0f : 1f;
                break;
        }
        if (client.instance.remoteLocked(client.cue)) {
            throw new Refused("cue " + (client.cue + 1) + " is locked");
        }
        gestures.move(sender.getAddress(), client.instance, param, normalized, now);
    }

    private static float clamp01(float v) {
        return Math.max(0f, Math.min(1f, v));
    }

    private Client client(InetSocketAddress sender, long now) {
        Client c = clients.get(sender.getAddress());
        if (c == null) {
            if (clients.size() >= MAX) {
                Iterator<Client> oldest = clients.values().iterator();
                Client drop = oldest.next();
                for (Client x : clients.values()) {
                    if (x.heard - drop.heard < 0) {
                        drop = x;
                    }
                }
                clients.values().remove(drop);
            }
            c = new Client();
            c.replyTo = sender;
            clients.put(sender.getAddress(), c);
        }
        c.heard = now;
        return c;
    }

    /** Selects aux {@code n} (1-based) and sends its names; its values follow with the next update (a new cursor reports all). */
    private void select(Client client, int n, List<Aux> auxes, OscOut out) throws Refused {
        if (auxes.isEmpty()) {
            throw new Refused("no cue to select");
        }
        Aux a = auxes.get(Math.max(1, Math.min(auxes.size(), n)) - 1);
        client.aux = auxes.indexOf(a) + 1;
        client.instance = a.instance;
        client.cue = a.cue;
        client.cursor = a.instance.changes();
        client.due = 0;
        client.signal = -1;
        sendNames(client, out);
        update(client, out);
    }

    private void sendNames(Client client, OscOut out) {
        Controller c = client.instance;
        out.add("/cue/name", c.snapshot().cueName(client.cue));
        for (int s = 0; s < c.sourceCount(); s++) {
            out.add("/cue/send/name/" + (s + 1), c.sourceName(s));
        }
    }

    /** The feedback thread: updates every client that is due; forgets the ones gone quiet. */
    synchronized void tick(long now, List<Controller> live, OscOut out) {
        for (Iterator<Client> it = clients.values().iterator(); it.hasNext(); ) {
            Client client = it.next();
            if (now - client.heard > IDLE_NANOS) {
                it.remove();
                continue;
            }
            if (client.instance != null && !live.contains(client.instance)) {
                client.instance = null;
                client.cursor = null;
            }
            if (client.instance == null || now - client.due < 0) {
                continue;
            }
            client.due = now + (long) (1e9 / RATE);
            update(client, out);
        }
    }

    private static final byte[] F = OscOut.padded(",f");
    private static final byte[] FADER = OscOut.padded("/cue/fader");
    private static final byte[] MUTE = OscOut.padded("/cue/mute");
    private static final byte[] SIGNAL = OscOut.padded("/cue/signal");
    private static final byte[][] SEND_FADER = new byte[Layout.MAX_SOURCES][];
    private static final byte[][] SEND_ENABLE = new byte[Layout.MAX_SOURCES][];

    static {
        for (int s = 0; s < Layout.MAX_SOURCES; s++) {
            SEND_FADER[s] = OscOut.padded("/cue/send/fader/" + (s + 1));
            SEND_ENABLE[s] = OscOut.padded("/cue/send/enable/" + (s + 1));
        }
    }

    /** One listener for every update, pointed at the client being updated (no object per update). */
    private final class Feed implements Changes.Listener {
        Client client;
        OscOut out;

        @Override
        public void parameter(int param, float normalized) {
            ParamAddress a = Params.get(param).address();
            if (a.cue() != client.cue) {
                return;
            }
            ParamRole role = a.role();
            if (role == ParamRole.CUE_LEVEL) {
                out.message(FADER, F).f(normalized);
            } else if (role == ParamRole.CUE_MUTE) {
                out.message(MUTE, F).f(normalized);
            } else if (a.source() < client.instance.sourceCount() && role == ParamRole.SEND_LEVEL) {
                out.message(SEND_FADER[a.source()], F).f(normalized);
            } else if (a.source() < client.instance.sourceCount() && role == ParamRole.SEND_MUTE) {
                out.message(SEND_ENABLE[a.source()], F).f(1f - normalized);
            }
        }

        @Override
        public void state(StateSnapshot now) {
            sendNames(client, out);
        }
    }

    private final Feed feed = new Feed();

    private void update(Client client, OscOut out) {
        Controller c = client.instance;
        feed.client = client;
        feed.out = out;
        client.cursor.poll(feed);
        if (c.readCueMeter(client.cue, reading)) {
            float signal = MeterReading.max(reading.samplePeakDbfs) > SIGNAL_DBFS ? 1f : 0f;
            if (signal != client.signal) {
                client.signal = signal;
                out.message(SIGNAL, F).f(signal);
            }
        }
        out.flush(client.replyTo);
    }
}
