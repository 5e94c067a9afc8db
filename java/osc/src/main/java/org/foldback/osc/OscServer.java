package org.foldback.osc;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.OSCParseException;
import com.illposed.osc.OSCParser;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.foldback.control.Controller;
import org.foldback.control.OscStatus;

/**
 * The OSC server: one UDP socket, two threads of its own, never the audio thread.
 *
 * <ul>
 *   <li>{@code foldback-osc-in} receives a datagram, drops it unless the sender is allowed
 *       ({@link ClientFilter}), reads it in place when it is a plain message or a bundle of them
 *       ({@link MessageReader}, {@link Routes}: nothing allocated per message), else decodes it
 *       with JavaOSC's parser, and acts on each message through the instances' controllers. JavaOSC's own listener port is not used: its events do not say
 *       who sent a packet, which the allowed-clients check and every reply need.</li>
 *   <li>{@code foldback-osc-out} runs every {@link #TICK_MS} ms: feedback to subscribers and
 *       /cue clients, and ends idle gestures.</li>
 * </ul>
 * Bad datagrams (not OSC, truncated, unknown addresses, wrong arguments) change nothing; an
 * allowed sender gets {@code /foldback/error <address> <reason>} back.
 */
public final class OscServer implements AutoCloseable {
    static final long TICK_MS = 10;
    /** Bundles nested deeper than this are refused whole. */
    static final int MAX_BUNDLE_DEPTH = 4;
    /** How often the panel's list of clients may be made afresh (while something changed or anyone is listed). */
    static final long STATUS_NANOS = 500_000_000L;

    private final DatagramChannel channel;
    private final ClientFilter filter;
    private final Instances instances;
    private final Consumer<String> log;
    private final OSCSerializerAndParserBuilder codec = new OSCSerializerAndParserBuilder();
    private final Gestures gestures = new Gestures();
    private final Subscriptions subscriptions = new Subscriptions();
    private final ArdourCue cue;
    private final FoldbackMessages foldback;
    private final Thread receiver;
    private final ScheduledExecutorService feedback;
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Senders senders = new Senders();
    /** What the engineer's panel shows; made afresh on the feedback thread, at most every {@link #STATUS_NANOS}. */
    private volatile OscStatus status;
    private long statusDue;
    private long statusVersion = -1;
    private volatile boolean open = true;
    /** Addresses met before and what they name: the receive thread's alone. */
    private final Routes routes = new Routes();
    private long routesGeneration;
    /** Moves when the instances served or their names change (the feedback thread checks every tick); routes hold within one. */
    private volatile long generation;
    private Controller[] served = new Controller[0];
    private String[] servedNames = new String[0];
    private int servedCount = -1;

    private OscServer(DatagramChannel channel, ClientFilter filter, Supplier<List<Controller>> all, Consumer<String> log) {
        this.channel = channel;
        this.filter = filter;
        this.instances = new Instances(all);
        this.log = log;
        this.cue = new ArdourCue(instances, gestures);
        this.foldback = new FoldbackMessages(instances, gestures, subscriptions);
        this.receiver = new Thread(this::receive, "foldback-osc-in");
        receiver.setDaemon(true);
        this.feedback = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "foldback-osc-out");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts a server on {@code port} (0: any free port, for tests) for the instances {@code all}
     * supplies, accepting messages from {@code allowed} (IP literals or CIDR blocks). Binds to
     * loopback only when every allowed block is loopback.
     *
     * @throws IOException when the port cannot be had (in use: the message says so)
     */
    public static OscServer start(int port, List<String> allowed, Supplier<List<Controller>> all, Consumer<String> log)
            throws IOException {
        ClientFilter filter = new ClientFilter(allowed);
        DatagramChannel ch = DatagramChannel.open();
        try {
            ch.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
            InetAddress bind = filter.loopbackOnly() ? InetAddress.getLoopbackAddress() : null;
            ch.bind(bind == null ? new InetSocketAddress(port) : new InetSocketAddress(bind, port));
        } catch (BindException e) {
            ch.close();
            throw new IOException("UDP port " + port + " is in use; choose another for OSC", e);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        OscServer s = new OscServer(ch, filter, all, log);
        s.status = new OscStatus(true, s.port(), filter.loopbackOnly(), null, List.of());
        s.receiver.start();
        OscOut out = new OscOut(ch);
        s.feedback.scheduleWithFixedDelay(() -> s.tick(out), TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        log.accept("osc: serving on UDP port " + s.port() + (filter.loopbackOnly() ? " (loopback only)" : ""));
        return s;
    }

    public int port() {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Messages acted on, refused (with an error reply) and datagrams dropped unread (a sender not allowed). */
    public long handled() {
        return handled.get();
    }

    public long refused() {
        return refused.get();
    }

    public long dropped() {
        return dropped.get();
    }

    public int subscribers() {
        return subscriptions.count();
    }

    public int cueClients() {
        return cue.clients();
    }

    /** The server as the engineer's panel shows it: the same object until a client is heard or its state moves. */
    public OscStatus status() {
        return status;
    }

    /** The feedback thread: a new status when a datagram came in since the last, or while clients are listed (they age, feedback ends). */
    private void refreshStatus(long now) {
        if (now - statusDue < 0) {
            return;
        }
        statusDue = now + STATUS_NANOS;
        long version = senders.version();
        if (version == statusVersion && senders.isEmpty()) {
            return;
        }
        statusVersion = version;
        OscStatus was = status;
        status = new OscStatus(true, was.port(), was.loopbackOnly(), null, senders.list(System.currentTimeMillis(),
                a -> subscriptions.feeds(a, now) || cue.feeds(a)));
    }

    private void receive() {
        ByteBuffer in = ByteBuffer.allocate(65536);
        OSCParser parser = codec.buildParser();
        OscOut out = new OscOut(channel);
        MessageReader reader = new MessageReader();
        while (open) {
            SocketAddress from;
            try {
                in.clear();
                from = channel.receive(in);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                log.accept("osc: receive failed: " + e.getMessage());
                continue;
            }
            if (!(from instanceof InetSocketAddress sender) || !filter.allows(sender.getAddress())) {
                dropped.incrementAndGet();
                continue;
            }
            senders.heard(sender.getAddress(), System.currentTimeMillis());
            in.flip();
            if (reader.read(in.array(), in.limit())) {
                plain(reader, sender, out);
                continue;
            }
            if (plainBundle(reader, in.array(), in.limit(), sender, out)) {
                continue;
            }
            try {
                OSCPacket packet;
                try {
                    packet = parser.convert(in);
                } catch (OSCParseException | RuntimeException | StackOverflowError e) {
                    throw new Refused("not an OSC packet (" + e.getClass().getSimpleName() + ")");
                }
                dispatch(packet, sender, 0, out);
            } catch (Refused r) {
                refused.incrementAndGet();
                out.discard();
                out.send(sender, "/foldback/error", "", r.getMessage());
            } catch (RuntimeException e) {
                // A bug must not end the server; say it once per message and carry on.
                refused.incrementAndGet();
                out.discard();
                log.accept("osc: internal error: " + e);
                out.send(sender, "/foldback/error", "", "internal error");
            }
        }
    }

    private void dispatch(OSCPacket packet, InetSocketAddress sender, int depth, OscOut out) throws Refused {
        if (packet instanceof OSCBundle b) {
            if (depth >= MAX_BUNDLE_DEPTH) {
                throw new Refused("bundles nested too deep");
            }
            for (OSCPacket p : b.getPackets()) {
                dispatch(p, sender, depth + 1, out);
            }
            return;
        }
        OSCMessage m = (OSCMessage) packet;
        String address = m.getAddress();
        try {
            act(address, Args.of(m.getArguments()), sender, System.nanoTime(), out);
            handled.incrementAndGet();
        } catch (Refused r) {
            refuse(sender, address, r, out);
        }
    }

    /**
     * A plain message read in place: an address met before is acted on through what it was found
     * to name (no String, no split, no JavaOSC objects: the flood's steady state allocates
     * nothing here); a new one is resolved as any other and kept.
     */
    private void plain(MessageReader m, InetSocketAddress sender, OscOut out) {
        long now = System.nanoTime();
        long g = generation;
        if (g != routesGeneration) {
            routes.clear();
            routesGeneration = g;
        }
        try {
            Object route = routes.get(m.bytes(), m.start(), m.addressLength());
            if (route instanceof FoldbackMessages.Route r && r.holds(generation)) {
                foldback.apply(r, m, sender, now);
            } else if (route instanceof ArdourCue.Command c) {
                cue.edit(c, m, sender, now);
            } else {
                Object learned = act(m.address(), m, sender, now, out);
                if (learned != null) {
                    routes.put(m.bytes(), m.start(), m.addressLength(), learned);
                }
            }
            handled.incrementAndGet();
        } catch (Refused r) {
            refuse(sender, m.address(), r, out);
        }
    }

    /**
     * A bundle of plain messages (liblo's oscsendfile sends every message in one, with its time
     * tag), read in place: checked whole first, as JavaOSC parses a bundle whole before anything
     * acts; then each message as {@link #plain}. False (nothing done) for anything else: a nested
     * bundle, an element that is not plain, sizes that do not add up; JavaOSC decodes it then.
     */
    private boolean plainBundle(MessageReader m, byte[] data, int length, InetSocketAddress sender, OscOut out) {
        if (length < 16 || !isBundle(data)) {
            return false;
        }
        for (int pass = 0; pass < 2; pass++) {
            int at = 16;
            while (at < length) {
                if (at + 4 > length) {
                    return false;
                }
                int size = (data[at] & 0xff) << 24 | (data[at + 1] & 0xff) << 16 | (data[at + 2] & 0xff) << 8 | (data[at + 3] & 0xff);
                if (size <= 0 || size > length - at - 4 || !m.read(data, at + 4, size)) {
                    return false;
                }
                if (pass == 1) {
                    plain(m, sender, out);
                }
                at += 4 + size;
            }
        }
        return true;
    }

    private static final byte[] BUNDLE = {'#', 'b', 'u', 'n', 'd', 'l', 'e', 0};

    private static boolean isBundle(byte[] data) {
        for (int i = 0; i < BUNDLE.length; i++) {
            if (data[i] != BUNDLE[i]) {
                return false;
            }
        }
        return true;
    }

    /** One message; returns what its address names when that can be kept for the next message to it ({@link Routes}), else null. */
    private Object act(String address, Args args, InetSocketAddress sender, long now, OscOut out) throws Refused {
        long resolvedIn = generation;
        String[] parts = address.split("/", -1);
        if (parts.length >= 2 && parts[0].isEmpty() && parts[1].equals("foldback")) {
            return foldback.handle(parts, args, sender, now, out, resolvedIn);
        } else if (parts.length >= 3 && parts[0].isEmpty() && parts[1].equals("cue")) {
            return cue.handle(parts, args, sender, now, out);
        }
        throw new Refused("unknown address");
    }

    private void refuse(InetSocketAddress sender, String address, Refused r, OscOut out) {
        refused.incrementAndGet();
        out.discard();
        out.send(sender, "/foldback/error", address.length() > 200 ? address.substring(0, 200) : address, r.getMessage());
    }

    /**
     * The feedback thread: a new {@link #generation} when the instances served or their names
     * changed, so routes resolved before are resolved again (within a tick of the change).
     */
    private void follow(List<Controller> live) {
        boolean same = live.size() == servedCount;
        for (int i = 0; same && i < live.size(); i++) {
            same = i < served.length && served[i] == live.get(i) && servedNames[i] == live.get(i).name();
        }
        if (same) {
            return;
        }
        served = live.toArray(new Controller[0]);
        servedNames = new String[served.length];
        for (int i = 0; i < served.length; i++) {
            servedNames[i] = served[i].name();
        }
        servedCount = served.length;
        generation++;
    }

    private void tick(OscOut out) {
        try {
            long now = System.nanoTime();
            List<Controller> live = instances.all();
            follow(live);
            subscriptions.tick(now, live, out);
            cue.tick(now, live, out);
            gestures.closeIdle(now);
            refreshStatus(now);
        } catch (RuntimeException e) {
            out.discard();
            log.accept("osc: feedback failed: " + e);
        }
    }

    @Override
    public void close() {
        open = false;
        feedback.shutdownNow();
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a datagram socket does not fail in a way anyone could act on.
        }
        try {
            receiver.join(2000);
            feedback.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        gestures.closeAll();
        log.accept("osc: stopped");
    }
}
