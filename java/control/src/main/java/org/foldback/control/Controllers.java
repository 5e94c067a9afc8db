package org.foldback.control;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every Foldback instance in this host process (one JVM, one class loader for our jar), for the
 * surfaces that serve them all: the web remote and OSC list instances from here. An instance
 * registers when the shim creates it and leaves when the shim destroys it (NativeProcessor.dispose).
 */
public final class Controllers {
    private static final CopyOnWriteArrayList<Controller> LIVE = new CopyOnWriteArrayList<>();

    private Controllers() {}

    public static void register(Controller c) {
        LIVE.addIfAbsent(c);
    }

    public static void unregister(Controller c) {
        LIVE.remove(c);
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
