package org.foldback.control;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every Foldback instance in this host process (one JVM, one class loader for our jar), for the
 * surfaces that serve them all: the web remote and OSC list instances from here. An instance
 * registers when the shim creates it and leaves when the shim destroys it (NativeProcessor.dispose).
 * The list holds instances weakly besides: an instance whose host vanished without destroying it
 * (a crashed editor, a test) is never kept alive by a surface's list.
 */
public final class Controllers {
    private static final CopyOnWriteArrayList<java.lang.ref.WeakReference<Controller>> LIVE =
            new CopyOnWriteArrayList<>();

    private Controllers() {}

    public static void register(Controller c) {
        if (!all().contains(c)) {
            LIVE.add(new java.lang.ref.WeakReference<>(c));
        }
        surfacesChanged();
    }

    public static void unregister(Controller c) {
        LIVE.removeIf(r -> r.get() == null || r.get() == c);
        surfacesChanged();
    }

    // ---- Process-wide surfaces (the web remote's server) -------------------------------------------

    private static volatile java.util.function.Consumer<String> logSink = System.err::println;

    /** Where {@link #log} writes: the bridge points it at the plugin's log (foldback.log) at load. */
    public static void logTo(java.util.function.Consumer<String> sink) {
        logSink = sink;
    }

    /** A line in the plugin's log (foldback.log), for surfaces; never the audio thread, never a secret. */
    public static void log(String line) {
        logSink.accept(line);
    }

    /** Null until a surface is first needed: an instance switches one on, or a panel asks for its status. */
    private static volatile java.util.List<ProcessSurface> surfaces;

    /**
     * Tells the process-wide surfaces that an instance or a surface setting changed (the remote
     * switched on, its port, a state loaded). Message or background thread, never the audio thread.
     */
    public static void surfacesChanged() {
        if (surfaces == null && !anySurfaceWanted()) {
            // No surface was ever loaded, so none runs, and none would start now: leave them
            // unloaded. Loading them (the services, their worker threads) was 6-7 ms of the first
            // instance's start with both switched off (PERFORMANCE.md, "Session 9").
            return;
        }
        for (ProcessSurface s : surfaces()) {
            try {
                s.instancesChanged();
            } catch (RuntimeException | LinkageError e) {
                // A surface that fails must not take the host's message thread down with it.
                log("surface " + s.getClass().getName() + " failed: " + e);
            }
        }
    }

    /** Whether some live instance has the web remote or OSC switched on (what a process surface serves). */
    private static boolean anySurfaceWanted() {
        for (Controller c : all()) {
            if (c.remoteEnabled() || c.oscEnabled()) {
                return true;
            }
        }
        return false;
    }

    /** The process's web remote as its panel shows it; {@link RemoteStatus#OFF} when no remote is in the jar. */
    public static RemoteStatus remoteStatus() {
        return first(ProcessSurface::remoteStatus, RemoteStatus.OFF);
    }

    /** The process's OSC server as its panel shows it; {@link OscStatus#OFF} when no OSC server is in the jar. */
    public static OscStatus oscStatus() {
        return first(ProcessSurface::oscStatus, OscStatus.OFF);
    }

    /** The first surface's answer that is not null, else {@code none}. Allocates nothing: the editor asks every frame. */
    private static <T> T first(java.util.function.Function<ProcessSurface, T> ask, T none) {
        java.util.List<ProcessSurface> list = surfaces();
        for (int i = 0; i < list.size(); i++) { // by index: an iterator would be garbage
            T answer = ask.apply(list.get(i));
            if (answer != null) {
                return answer;
            }
        }
        return none;
    }

    /** Disconnects a phone from the process's web remote (the engineer's panel). */
    public static void disconnect(RemoteStatus.Phone phone) {
        for (ProcessSurface s : surfaces()) {
            s.disconnect(phone);
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
        List<Controller> live = new java.util.ArrayList<>(LIVE.size());
        for (java.lang.ref.WeakReference<Controller> r : LIVE) {
            Controller c = r.get();
            if (c != null) {
                live.add(c);
            }
        }
        if (live.size() < LIVE.size()) {
            LIVE.removeIf(r -> r.get() == null);
        }
        return live;
    }

    /** The instance with this id, or null. */
    public static Controller byId(int id) {
        for (Controller c : all()) {
            if (c.id() == id) {
                return c;
            }
        }
        return null;
    }
}
