package org.foldback.state;

/** The two A/B compare slots. */
public enum Slot {
    A,
    B;

    public Slot other() {
        return this == A ? B : A;
    }
}
