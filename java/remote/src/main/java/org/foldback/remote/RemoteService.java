package org.foldback.remote;

import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import org.foldback.control.Controller;
import org.foldback.control.Controllers;
import org.foldback.control.ProcessSurface;

/**
 * The one web remote of this host process (this JVM), run as the instances' states say: on when
 * any running instance has its remote switched on, on the port of the first such instance; off when
 * none has. Found by the bridge through {@link java.util.ServiceLoader} and told of every change
 * ({@link Controllers#surfacesChanged()}); starting and stopping happen on this class's own
 * thread, so the host's message thread never waits for a socket.
 */
public final class RemoteService implements ProcessSurface {
    /** How often the service looks again by itself: an instance the host dropped leaves no call behind. */
    private static final long RECHECK_SECONDS = 2;
    private static final ScheduledExecutorService WORKER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "foldback-remote-control");
        t.setDaemon(true);
        return t;
    });

    static {
        WORKER.scheduleWithFixedDelay(() -> {
            try {
                follow();
            } catch (RuntimeException e) {
                // A failed look must not end the schedule.
                log("remote: " + e);
            }
        }, RECHECK_SECONDS, RECHECK_SECONDS, TimeUnit.SECONDS);
    }

    private static RemoteServer running;
    private static volatile String status = "off";

    @Override
    public void instancesChanged() {
        WORKER.execute(RemoteService::follow);
    }

    /** What the remote is doing, for the editor and the log: "off", "serving on port N", or why it is not. */
    public static String status() {
        return status;
    }

    /** The running server's port, or 0. */
    public static synchronized int port() {
        return running == null ? 0 : running.port();
    }

    /** The phones connected to the process's server now; empty when it is off. */
    public static synchronized java.util.List<RemoteServer.Phone> phones() {
        return running == null ? java.util.List.of() : running.phones();
    }

    /** Disconnects a phone from the process's server. */
    public static synchronized void disconnect(RemoteServer.Phone phone) {
        if (running != null) {
            running.disconnect(phone);
        }
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
            running.close();
            running = null;
            status = "off";
        }
        if (wanted == 0) {
            return;
        }
        try {
            running = RemoteServer.start(wanted, Controllers::all, Limits.DEFAULT, RemoteService::log);
            status = "serving on port " + running.port();
        } catch (PortInUseException e) {
            status = e.getMessage();
            log("remote: not started: " + e.getMessage() + " (choose it in the instance's remote settings)");
        } catch (IOException | RuntimeException e) {
            status = "not started: " + e.getMessage();
            log("remote: not started: " + e.getMessage());
        }
    }

    private static void log(String line) {
        Controllers.log(line);
    }
}
