package org.foldback.ui;

/**
 * A port the engineer types into a panel (the web remote's TCP port, OSC's UDP port): a number
 * from 1024 to 65535, the range both servers' settings allow (ports below need root).
 */
final class PortText {
    static final int MIN = 1024;
    static final int MAX = 65535;
    /** What the panel says when the typed text is no such number. */
    static final String REFUSED = "the port must be a number from " + MIN + " to " + MAX;

    private PortText() {
    }

    /** The port {@code typed} names, or -1 when it is not a number from {@link #MIN} to {@link #MAX}. */
    static int parse(String typed) {
        int wanted;
        try {
            wanted = Integer.parseInt(typed.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
        return wanted < MIN || wanted > MAX ? -1 : wanted;
    }
}
