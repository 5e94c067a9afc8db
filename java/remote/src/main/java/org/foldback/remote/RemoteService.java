package org.foldback.remote;

import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import org.foldback.control.Controller;
import org.foldback.control.Controllers;
import org.foldback.control.ProcessSurface;
import org.foldback.control.SurfaceWorker;
import org.foldback.control.RemoteStatus;

/**
 * The one web remote of this host process (this JVM), run as the instances' states say: on when
 * any running instance has its remote switched on, on the port of the first such instance; off when
 * none has. Found by the bridge through {@link java.util.ServiceLoader} and told of every change
 * ({@link Controllers#surfacesChanged()}); starting and stopping happen on this class's own
 * thread, so the host's message thread never waits for a socket.
 */
public final class RemoteService implements ProcessSurface {
    private static final ScheduledExecutorService WORKER =
            SurfaceWorker.start("foldback-remote-control", "remote: ", RemoteService::follow);

    private static RemoteServer running;
    /** The server as the panel reads it without waiting for this class's lock (start and stop hold it). */
    private static volatile RemoteServer live;
    private static volatile String status = "off";

    /** What the panel shows: the status made for a server (or none). Replaced on this class's worker thread only. */
    private record Shown(RemoteServer server, RemoteStatus status) {}

    private static volatile Shown shown = new Shown(null, RemoteStatus.OFF);

    @Override
    public void instancesChanged() {
        WORKER.execute(RemoteService::follow);
    }

    @Override
    public RemoteStatus remoteStatus() {
        return current();
    }

    @Override
    public void disconnect(RemoteStatus.Phone phone) {
        RemoteServer server = live;
        if (server != null) {
            server.disconnect(phone);
        }
    }

    /**
     * The remote as the engineer's panel shows it: the same object until the server starts or
     * stops or its phones change (this class's worker makes the new one, never the caller), so a
     * panel drawing every frame costs one volatile read and allocates nothing.
     */
    public static RemoteStatus current() {
        return shown.status();
    }

    /** The running server's status made afresh: its address, QR code (kept while the server is the same) and phones. Worker thread. */
    private static void refresh() {
        RemoteServer server = live;
        if (server == null) {
            return;
        }
        Shown s = shown;
        RemoteStatus was = s.server() == server ? s.status() : null;
        String address = was != null ? was.address() : QrCode.address(LanAddress.find(), server.port());
        boolean[][] qr = was != null ? was.qr() : QrCode.modules(address);
        shown = new Shown(server, new RemoteStatus(true, address, server.port(), null, 0, server.phones(), qr));
    }

    /** What the remote is doing, for the editor and the log: "off", "serving on port N", or why it is not. */
    public static String status() {
        return status;
    }

    /** The running server's port, or 0. */
    public static int port() {
        RemoteServer server = live;
        return server == null ? 0 : server.port();
    }

    /** The phones connected to the process's server now; empty when it is off. */
    public static java.util.List<RemoteStatus.Phone> phones() {
        RemoteServer server = live;
        return server == null ? java.util.List.of() : server.phones();
    }

    private static synchronized void follow() {
        int wanted = 0;
        for (Controller c : Controllers.all()) {
            if (c.running() && c.remoteEnabled()) {
                wanted = c.remotePort();
                break;
            }
        }
        if (running != null && running.port() == wanted) {
            return;
        }
        if (running != null) {
            live = null;
            running.close();
            running = null;
            status = "off";
        }
        if (wanted == 0) {
            showProblem(null, 0);
            return;
        }
        try {
            running = RemoteServer.start(wanted, Controllers::all, Limits.DEFAULT, RemoteService::log);
            status = "serving on port " + running.port();
            live = running;
            running.onPhonesChanged(() -> WORKER.execute(RemoteService::refresh));
            refresh();
        } catch (PortInUseException e) {
            if (!e.getMessage().equals(status)) { // tried again every 2 s: say it once
                log("remote: not started: " + e.getMessage() + " (choose it in the instance's remote settings)");
            }
            status = e.getMessage();
            showProblem(e.getMessage(), e.freePort());
        } catch (IOException | RuntimeException e) {
            String why = "not started: " + e.getMessage();
            if (!why.equals(status)) {
                log("remote: " + why);
            }
            status = why;
            showProblem(why, 0);
        }
    }

    /** No server: the panel shows why (or nothing when none is wanted) and the port offered instead. */
    private static void showProblem(String problem, int offered) {
        Shown s = shown;
        if (s.server() == null && java.util.Objects.equals(s.status().problem(), problem)
                && s.status().offeredPort() == offered) {
            return; // unchanged: the panel keeps its object
        }
        shown = new Shown(null, problem == null ? RemoteStatus.OFF
                : new RemoteStatus(false, "", 0, problem, offered, java.util.List.of(), new boolean[0][0]));
    }

    private static void log(String line) {
        Controllers.log(line);
    }
}
