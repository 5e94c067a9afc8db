package org.foldback.osc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.foldback.control.Controller;
import org.foldback.control.Controllers;
import org.foldback.control.OscStatus;
import org.foldback.control.ProcessSurface;
import org.foldback.control.SurfaceWorker;

/**
 * The one OSC server of this host process (this JVM), run as the instances' states say: on when
 * any running instance has OSC switched on, with the port and allowed clients of the first such
 * instance; off when none has. Found by the bridge through {@link java.util.ServiceLoader} and told
 * of every change ({@link Controllers#surfacesChanged()}); starting and stopping happen on this
 * class's own thread, so the host's message thread never waits for a socket.
 */
public final class OscService implements ProcessSurface {
    private static final ScheduledExecutorService WORKER =
            SurfaceWorker.start("foldback-osc-control", "osc: ", OscService::follow);

    private static OscServer running;
    private static int runningPort;
    private static List<String> runningAllowed;
    private static volatile String status = "off";
    /** The server as the panel reads it without this class's lock (start and stop hold it). */
    private static volatile OscServer serving;
    /** What the panel shows while no server runs: {@link OscStatus#OFF} or why it did not start. */
    private static volatile OscStatus idle = OscStatus.OFF;

    @Override
    public void instancesChanged() {
        WORKER.execute(OscService::follow);
    }

    /** What OSC is doing, for the editor and the log: "off", "serving on UDP port N", or why it is not. */
    public static String status() {
        return status;
    }

    @Override
    public OscStatus oscStatus() {
        return current();
    }

    /** OSC as the engineer's panel shows it: the running server's status, else why none runs (or {@link OscStatus#OFF}). */
    public static OscStatus current() {
        OscServer server = serving;
        return server != null ? server.status() : idle;
    }

    /** The running server's port, or 0. */
    public static synchronized int port() {
        return running == null ? 0 : running.port();
    }

    /** The instances OSC serves: the running ones. */
    private static List<Controller> live() {
        List<Controller> list = new ArrayList<>();
        for (Controller c : Controllers.all()) {
            if (c.running()) {
                list.add(c);
            }
        }
        return list;
    }

    private static synchronized void follow() {
        Controller first = null;
        for (Controller c : live()) {
            if (c.oscEnabled()) {
                first = c;
                break;
            }
        }
        int port = first == null ? 0 : first.oscPort();
        List<String> allowed = first == null ? List.of() : first.oscAllowed();
        if (running != null && runningPort == port && runningAllowed.equals(allowed)) {
            return;
        }
        if (running != null) {
            running.close();   // before saying it stopped: a reader may bind the port next
            serving = null;
            running = null;
            status = "off";
        }
        if (port == 0) {
            status = "off";
            idle = OscStatus.OFF;
            return;
        }
        runningPort = port;
        runningAllowed = allowed;
        try {
            running = OscServer.start(port, allowed, OscService::live, Controllers::log);
            status = "serving on UDP port " + running.port();
            serving = running;
        } catch (IOException | RuntimeException e) {
            String now = "not started: " + e.getMessage();
            if (!now.equals(status)) {
                // Tried again every few seconds (the port may come free): said once, not each time.
                Controllers.log("osc: " + now);
                idle = new OscStatus(false, 0, false, now, List.of()); // a new object only for a new problem
            }
            status = now;
        }
    }
}
