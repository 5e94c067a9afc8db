package org.foldback.control;

import java.util.List;

/**
 * What the process's web remote is doing, for the engineer's panel: an immutable value the remote
 * replaces whole when something changes (the server starts or stops, a phone connects, logs in or
 * leaves), so a surface that reads it every frame can tell a change by its identity and does no
 * work (and allocates nothing) otherwise.
 *
 * @param running     whether the server is listening
 * @param address     the address a phone opens ({@code http://LAN-IP:PORT/}), "" when not running
 * @param port        the port it listens on, 0 when not running
 * @param problem     why it is not running though an instance wants it (a port in use...), or null
 * @param offeredPort a free port to choose instead when the wanted one is in use, else 0
 * @param phones      the phones connected now
 * @param qr          the address as a QR code, {@code qr[y][x]} true for a dark module (quiet zone
 *                    included); empty when not running
 */
public record RemoteStatus(boolean running, String address, int port, String problem, int offeredPort,
        List<Phone> phones, boolean[][] qr) {

    /** The remote when no server is (or can be) running: nothing to show. */
    public static final RemoteStatus OFF = new RemoteStatus(false, "", 0, null, 0, List.of(), new boolean[0][0]);

    public RemoteStatus {
        phones = List.copyOf(phones);
    }

    /**
     * A connected phone: its network address and the instance id and cue (1-based) it is admitted
     * to, both 0 before it logs in.
     */
    public record Phone(String address, int instance, int cue) {}
}
