package org.foldback.ui;

import org.foldback.control.Controller;
import org.foldback.control.RemoteStatus;
import org.foldback.engine.Layout;

/**
 * What the web remote's panel holds and does, without drawing: the switch and port of this
 * instance's remote, each cue's PIN and lock, and the process's server as {@link RemoteStatus}
 * tells it (address, QR code, a port in use with a free one offered, the connected phones).
 *
 * <p>The message thread changes it; the GL thread draws it. PINs, locks and the switch are read
 * from the instance when the panel opens and after each of its own actions (reading them goes
 * through the instance's state, which the drawing thread must not do per frame); each PIN is a
 * String replaced only when it changes, so drawing encodes it only then. The server's status is a
 * value the remote replaces whole when it changes, read by drawing directly.
 */
final class RemotePanel {
    /** Ports a phone's browser reaches without root, as the state allows. */
    static final int MIN_PORT = 1024;
    static final int MAX_PORT = 65535;

    private final Controller host;

    private volatile boolean open;
    private volatile boolean enabled;
    private volatile int port;
    private final String[] pins = new String[Layout.MAX_CUES];
    private final boolean[] locked = new boolean[Layout.MAX_CUES];
    private volatile int phoneScroll;
    /** A refusal of the panel's own (a port typed out of range), shown until the next action. */
    private volatile String message;
    private volatile String name = "";

    RemotePanel(Controller host) {
        this.host = host;
    }

    boolean isOpen() {
        return open;
    }

    void toggle() {
        if (open) {
            close();
            return;
        }
        refresh();
        open = true;
    }

    void close() {
        open = false;
        message = null;
    }

    /** Whether this instance's remote is switched on (as read when the panel last acted). */
    boolean enabled() {
        return enabled;
    }

    int port() {
        return port;
    }

    String pin(int cue) {
        return pins[cue];
    }

    boolean locked(int cue) {
        return locked[cue];
    }

    /** The instance's name, as phones list it. */
    String instanceName() {
        return name;
    }

    String message() {
        return message;
    }

    int phoneScroll() {
        return phoneScroll;
    }

    /** The server's status now (one read; the same object until it changes). */
    RemoteStatus status() {
        return host.remoteStatus();
    }

    void toggleEnabled() {
        message = null;
        host.setRemote(!host.remoteEnabled(), host.remotePort());
        refresh();
    }

    /** A port typed into the port box: taken when it is a number from 1024 to 65535, else refused with a reason. */
    void setPort(String typed) {
        int wanted;
        try {
            wanted = Integer.parseInt(typed.strip());
        } catch (NumberFormatException e) {
            wanted = -1;
        }
        if (wanted < MIN_PORT || wanted > MAX_PORT) {
            message = "the port must be a number from " + MIN_PORT + " to " + MAX_PORT;
            return;
        }
        message = null;
        host.setRemote(host.remoteEnabled(), wanted);
        refresh();
    }

    /** The free port the remote offered instead of a taken one. */
    void takeOffer() {
        int offered = status().offeredPort();
        if (offered > 0) {
            setPort(Integer.toString(offered));
        }
    }

    /** Names the instance as phones list it (blank: back to the host's track name or "Foldback N"). */
    void rename(String newName) {
        message = null;
        host.setName(newName);
        refresh();
    }

    /** A new PIN for a cue: every phone on that cue goes back to the PIN screen. */
    void newPin(int cue) {
        message = null;
        host.regenerateRemotePin(cue);
        refresh();
    }

    void toggleLock(int cue) {
        message = null;
        host.setRemoteLocked(cue, !host.remoteLocked(cue));
        refresh();
    }

    /** Disconnects the phone on visible row {@code row}, if there is one. */
    void disconnect(int row) {
        java.util.List<RemoteStatus.Phone> phones = status().phones();
        int i = phoneScroll + row;
        if (i < phones.size()) {
            host.disconnectPhone(phones.get(i));
        }
    }

    /** The wheel over the phones: one row per notch. */
    void scrollPhones(int rows) {
        int max = Math.max(0, status().phones().size() - EditorLayout.REMOTE_PHONE_ROWS);
        phoneScroll = Math.max(0, Math.min(max, phoneScroll + rows));
    }

    /** Reads what the instance holds now. A PIN is made the first time it is asked for (the state makes it). */
    private void refresh() {
        for (int c = 0; c < Layout.MAX_CUES; c++) {
            String pin = host.remotePin(c);
            if (!pin.equals(pins[c])) {
                pins[c] = pin; // a new String only for a new PIN: drawing re-encodes only then
            }
            locked[c] = host.remoteLocked(c);
        }
        // The volatile writes last: drawing reads enabled() first, so it sees the PINs and locks written before.
        port = host.remotePort();
        name = host.name();
        enabled = host.remoteEnabled();
    }
}
