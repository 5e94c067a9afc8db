package org.foldback.ui;

import org.foldback.control.Controller;

/**
 * What the panels of the process's servers (the web remote's, OSC's) share, without drawing: the
 * top-bar button opens and closes them; they read this instance's switch and port when they open
 * and after each of their own actions ({@link #refresh}); a typed port is checked here
 * ({@link PortText}) before the panel hands it to the instance; a refusal is shown until the next
 * action. The message thread changes a panel, the GL thread draws it (volatile fields, read once a frame).
 */
abstract class ServerPanel {
    protected final Controller host;

    private volatile boolean open;
    /** This instance's switch and port, as read when the panel last acted. */
    protected volatile boolean enabled;
    protected volatile int port;
    /** A refusal (a port out of range, a setting the instance refused), shown until the next action. */
    protected volatile String message;

    ServerPanel(Controller host) {
        this.host = host;
    }

    final boolean isOpen() {
        return open;
    }

    final void toggle() {
        if (open) {
            close();
            return;
        }
        refresh();
        open = true;
    }

    final void close() {
        open = false;
        message = null;
    }

    /** Whether this instance has the server switched on. */
    final boolean enabled() {
        return enabled;
    }

    final int port() {
        return port;
    }

    final String message() {
        return message;
    }

    /** A port typed into the port box: handed on when it is a number from 1024 to 65535, else refused with a reason. */
    final void setPort(String typed) {
        int wanted = PortText.parse(typed);
        if (wanted < 0) {
            message = PortText.REFUSED;
            return;
        }
        usePort(wanted);
    }

    /** Sets this instance's port (already in range) and reads back what it holds. */
    protected abstract void usePort(int wanted);

    /** Reads what the instance holds now (message thread). */
    protected abstract void refresh();
}
