package org.foldback.control;

/**
 * A cursor over one instance's changes, owned by one surface or client and polled on its thread.
 * The first poll reports every parameter (the client knows nothing yet).
 */
public interface Changes {
    /** Receives what changed. */
    interface Listener {
        /** A parameter now has this normalized value (from any surface, the host or automation). */
        void parameter(int param, float normalized);

        /** The state beside the parameters changed (a name, the meter reference, a slot, a load, the notice). */
        default void state(StateSnapshot now) {}
    }

    /** Reports what changed since the last poll; returns how many parameters changed. */
    int poll(Listener listener);

    /** A cursor over {@code controller}'s played values and snapshots (what every implementation can use). */
    static Changes of(Controller controller) {
        return new ChangeCursor(controller);
    }
}
