package org.foldback.ui;

import java.util.ArrayList;
import java.util.List;
import org.foldback.control.Controller;
import org.foldback.control.OscStatus;

/**
 * What the OSC panel holds and does, without drawing: the switch, UDP port and allowed client
 * addresses of this instance's OSC settings, and the process's server as {@link OscStatus} tells
 * it (its port, a port in use, the clients heard from lately).
 *
 * <p>OSC stays off until the engineer clicks the switch here (or a session restores it on). The
 * settings are read from the instance when the panel opens and after each of its own actions;
 * every change goes through {@link Controller#setOsc}, which checks it whole and says why it
 * refuses, and that reason is shown until the next action. The message thread changes the panel;
 * the GL thread draws it. The server's status is a value the server replaces whole, read directly.
 */
final class OscPanel extends ServerPanel {
    private volatile List<String> allowed = List.of();
    private final ListScroll allowedRows = new ListScroll(EditorLayout.OSC_ALLOWED_ROWS);
    private final ListScroll clientRows = new ListScroll(EditorLayout.OSC_CLIENT_ROWS);

    OscPanel(Controller host) {
        super(host);
    }

    /** The allowed client addresses and blocks: an immutable list, replaced when they change. */
    List<String> allowed() {
        return allowed;
    }

    /** Which of the allowed addresses show. */
    ListScroll allowedRows() {
        return allowedRows;
    }

    /** Which of the clients show. */
    ListScroll clientRows() {
        return clientRows;
    }

    /** The process's OSC server now (one read; the same object until it changes). */
    OscStatus status() {
        return host.oscStatus();
    }

    void toggleEnabled() {
        apply(!host.oscEnabled(), host.oscPort(), host.oscAllowed());
    }

    @Override
    protected void usePort(int wanted) {
        apply(host.oscEnabled(), wanted, host.oscAllowed());
    }

    /** An address or CIDR block typed under the list: added unless the instance refuses it (a host name...). */
    void addAllowed(String typed) {
        String entry = typed.strip();
        List<String> now = host.oscAllowed();
        if (entry.isEmpty() || now.contains(entry)) {
            message = entry.isEmpty() ? null : entry + " is allowed already";
            return;
        }
        List<String> wanted = new ArrayList<>(now);
        wanted.add(entry);
        apply(host.oscEnabled(), host.oscPort(), wanted);
    }

    /** Removes the allowed address on visible row {@code row}, if there is one. */
    void removeAllowed(int row) {
        List<String> now = host.oscAllowed();
        int i = allowedRows.item(row, now.size());
        if (i < 0) {
            return;
        }
        List<String> wanted = new ArrayList<>(now);
        wanted.remove(i);
        apply(host.oscEnabled(), host.oscPort(), wanted);
    }

    /** The wheel over the allowed addresses: one row per notch. */
    void scrollAllowed(int rows) {
        allowedRows.scroll(rows, allowed.size());
    }

    /** The wheel over the clients: one row per notch. */
    void scrollClients(int rows) {
        clientRows.scroll(rows, status().clients().size());
    }

    /** The settings to the instance, which takes them whole or refuses them whole with a reason shown here. */
    private void apply(boolean on, int wantedPort, List<String> wantedAllowed) {
        message = host.setOsc(on, wantedPort, wantedAllowed);
        refresh();
    }

    @Override
    protected void refresh() {
        List<String> now = host.oscAllowed();
        if (!now.equals(allowed)) {
            allowed = now; // a new list only when it changed: drawing re-encodes only then
            allowedRows.scroll(0, now.size());
        }
        port = host.oscPort();
        enabled = host.oscEnabled();
    }
}
