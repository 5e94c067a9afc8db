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
final class RemotePanel extends ServerPanel {
    private final String[] pins = new String[Layout.MAX_CUES];
    private final boolean[] locked = new boolean[Layout.MAX_CUES];
    private final ListScroll phones = new ListScroll(EditorLayout.REMOTE_PHONE_ROWS);
    private volatile String name = "";

    RemotePanel(Controller host) {
        super(host);
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

    int phoneScroll() {
        return phones.first();
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

    @Override
    protected void usePort(int wanted) {
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
        java.util.List<RemoteStatus.Phone> list = status().phones();
        int i = phones.item(row, list.size());
        if (i >= 0) {
            host.disconnectPhone(list.get(i));
        }
    }

    /** The wheel over the phones: one row per notch. */
    void scrollPhones(int rows) {
        phones.scroll(rows, status().phones().size());
    }

    /** Reads what the instance holds now. A PIN is made the first time it is asked for (the state makes it). */
    @Override
    protected void refresh() {
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
