package org.foldback.bridge.control;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every Foldback instance in this host process (one JVM, one class loader for our jar), for the
 * surfaces that serve them all: the web remote and OSC list instances from here. An instance
 * registers when the shim creates it and leaves when the shim releases it for good.
 */
public final class Controllers {
    private static final CopyOnWriteArrayList<Controller> LIVE = new CopyOnWriteArrayList<>();

    private Controllers() {}

    public static void register(Controller c) {
        LIVE.addIfAbsent(c);
        surfacesChanged();
    }

    public static void unregister(Controller c) {
        LIVE.remove(c);
        surfacesChanged();
    }

    // ---- Process-wide surfaces (the web remote's server) -------------------------------------------

    /** A line in the plugin's log (foldback.log), for surfaces; never the audio thread, never a secret. */
    public static void log(String line) {
        org.foldback.bridge.BridgeLog.line(line);
    }

    private static volatile java.util.List<ProcessSurface> surfaces;

    /**
     * Tells the process-wide surfaces that an instance or a surface setting changed (the remote
     * switched on, its port, a state loaded). Message or background thread, never the audio thread.
     */
    public static void surfacesChanged() {
        for (ProcessSurface s : surfaces()) {
            try {
                s.instancesChanged();
            } catch (RuntimeException | LinkageError e) {
                // A surface that fails must not take the host's message thread down with it.
                log("surface " + s.getClass().getName() + " failed: " + e);
            }
        }
    }

    private static java.util.List<ProcessSurface> surfaces() {
        java.util.List<ProcessSurface> list = surfaces;
        if (list == null) {
            synchronized (Controllers.class) {
                list = surfaces;
                if (list == null) {
                    java.util.List<ProcessSurface> found = new java.util.ArrayList<>();
                    try {
                        java.util.ServiceLoader.load(ProcessSurface.class, Controllers.class.getClassLoader())
                                .forEach(found::add);
                    } catch (java.util.ServiceConfigurationError e) {
                        log("process surfaces unavailable: " + e.getMessage());
                    }
                    surfaces = list = java.util.List.copyOf(found);
                }
            }
        }
        return list;
    }

    /** The live instances, in the order they were created. */
    public static List<Controller> all() {
        return List.copyOf(LIVE);
    }

    /** The instance with this id, or null. */
    public static Controller byId(int id) {
        for (Controller c : LIVE) {
            if (c.id() == id) {
                return c;
            }
        }
        return null;
    }
}
