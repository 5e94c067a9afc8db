package org.foldback.remote;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.foldback.control.RemoteStatus.Phone;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.foldback.control.Controller;

/**
 * The web remote's server: the performer's page over HTTP and one WebSocket per phone at
 * {@code /ws}, on Jetty's threads and one ticker thread (changes and meters to every client at
 * {@link Limits#framesPerSecond()}). It only ever talks to instances through {@link Controller};
 * the audio thread never sees it. Protocol: {@link ClientSession}, {@link CueEdits}, {@link CueView}.
 */
public final class RemoteServer implements AutoCloseable {
    /** How far above a taken port to look for a free one to offer. */
    private static final int PORTS_TRIED = 50;

    private final Supplier<List<Controller>> all;
    private final Limits limits;
    private final Consumer<String> log;
    private final Lockouts lockouts;
    private final Set<ClientSession> sessions = ConcurrentHashMap.newKeySet();
    private final Server jetty;
    private final ServerConnector connector;
    private final ScheduledExecutorService ticker;

    private RemoteServer(Supplier<List<Controller>> all, Limits limits, Consumer<String> log, int port) {
        this.all = all;
        this.limits = limits;
        this.log = log;
        this.lockouts = new Lockouts(limits.wrongPinsAllowed(), limits.lockoutMillis(), log);
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("foldback-remote");
        threads.setDaemon(true);
        jetty = new Server(threads);
        connector = new ServerConnector(jetty, 1, 1);
        connector.setPort(port);
        jetty.addConnector(connector);
        WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(jetty, container -> {
            container.setMaxTextMessageSize(limits.maxMessageBytes());
            container.setMaxBinaryMessageSize(64);
            container.setIdleTimeout(Duration.ofMinutes(2));
            // A client that stops reading cannot make the server queue without end.
            container.setMaxOutgoingFrames(64);
            container.addMapping("/ws", (request, response, callback) -> {
                String origin = request.getHeaders().get(HttpHeader.ORIGIN);
                String host = request.getHeaders().get(HttpHeader.HOST);
                String address = Request.getRemoteAddr(request);
                if (origin != null && !origin.equals("http://" + host)) {
                    // Another site's page in the performer's browser must not reach the mix.
                    log.accept("remote: refused a WebSocket from " + address + " with a foreign Origin");
                    Response.writeError(request, response, callback, 403, "foreign origin");
                    return null;
                }
                if (sessions.size() >= limits.maxClients()) {
                    Response.writeError(request, response, callback, 503, "the remote serves "
                            + limits.maxClients() + " phones at most");
                    return null;
                }
                return new ClientSession(this, address);
            });
        });
        ws.setHandler(new StaticFiles());
        jetty.setHandler(ws);
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "foldback-remote-tick");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts a server on {@code port} (0: any free port) over the instances {@code all} gives,
     * of which it lists and admits only those whose remote is switched on.
     *
     * @throws PortInUseException when the port is taken, with a free one to offer
     */
    public static RemoteServer start(int port, Supplier<List<Controller>> all, Limits limits, Consumer<String> log)
            throws IOException {
        RemoteServer s = new RemoteServer(all, limits, log, port);
        try {
            s.jetty.start();
        } catch (Exception e) {
            s.close();
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                throw new PortInUseException(port, freePortNear(port), e);
            }
            throw new IOException("the remote could not start: " + e.getMessage(), e);
        }
        long period = Math.max(1, 1000 / limits.framesPerSecond());
        s.ticker.scheduleAtFixedRate(s::tick, period, period, TimeUnit.MILLISECONDS);
        log.accept("remote: serving on port " + s.port());
        return s;
    }

    /** A free port above {@code port}, found by binding it for a moment; 0 when none is. */
    static int freePortNear(int port) {
        for (int p = Math.max(1024, port + 1); p < Math.min(65536, port + 1 + PORTS_TRIED); p++) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(false);
                probe.bind(new InetSocketAddress(p));
                return p;
            } catch (IOException taken) {
                // try the next
            }
        }
        return 0;
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Open WebSockets now. */
    public int clients() {
        return sessions.size();
    }

    private long lastTick;

    private void tick() {
        // A fixed-rate timer that fell behind fires the missed ticks at once; phones want an even
        // stream, not a burst, so a tick that comes less than half a period after the last is skipped.
        long now = System.nanoTime();
        if (now - lastTick < 500_000_000L / limits.framesPerSecond()) {
            return;
        }
        lastTick = now;
        Frames frames = new Frames();
        for (ClientSession s : sessions) {
            try {
                s.tick(frames);
            } catch (RuntimeException e) {
                log.accept("remote: tick failed for " + s.address() + ": " + e);
            }
        }
    }

    private volatile Runnable phonesListener = () -> { };

    /** Called (on a server thread, quickly) whenever {@link #phones()} changes: the process's service re-reads it then. */
    public void onPhonesChanged(Runnable listener) {
        phonesListener = listener;
    }

    /** A session's phone changed what the panel lists (it came, logged in, was dropped from its cue or left). */
    void phonesChanged() {
        phonesListener.run();
    }

    /** The phones connected now. */
    public List<Phone> phones() {
        List<Phone> list = new ArrayList<>();
        for (ClientSession s : sessions) {
            list.add(s.describe());
        }
        return list;
    }

    /** Disconnects the phones that match (the engineer's "disconnect" in the panel). */
    public void disconnect(Phone phone) {
        for (ClientSession s : sessions) {
            if (s.describe().equals(phone)) {
                s.end("the engineer disconnected this phone");
            }
        }
    }

    /** Ends every session of one cue (the engineer changed its PIN: the ticker would too, within a tick). */
    public void endSessions(Controller c, int cue) {
        for (ClientSession s : sessions) {
            if (s.admittedTo(c, cue)) {
                s.end("the PIN changed: log in again");
            }
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        for (ClientSession s : new ArrayList<>(sessions)) {
            s.end("the remote stopped");
        }
        try {
            jetty.stop();
        } catch (Exception e) {
            log.accept("remote: stopping: " + e);
        }
    }

    // ---- For the sessions -----------------------------------------------------------------------

    Limits limits() {
        return limits;
    }

    Lockouts lockouts() {
        return lockouts;
    }

    void log(String line) {
        log.accept(line);
    }

    /** The instances a phone may reach: those the host runs and whose remote the engineer switched on. */
    List<Controller> instances() {
        List<Controller> on = new ArrayList<>();
        for (Controller c : all.get()) {
            if (c.running() && c.remoteEnabled()) {
                on.add(c);
            }
        }
        return on;
    }

    Controller instance(int id) {
        for (Controller c : instances()) {
            if (c.id() == id) {
                return c;
            }
        }
        return null;
    }

    void opened(ClientSession s) {
        sessions.add(s);
        phonesChanged();
        if (sessions.size() > limits.maxClients()) {
            // Two upgrades raced past the check: the later one goes.
            s.end("the remote serves " + limits.maxClients() + " phones at most");
        }
    }

    void closed(ClientSession s) {
        sessions.remove(s);
        phonesChanged();
    }

}
