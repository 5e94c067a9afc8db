package org.foldback.control;

import java.util.List;

/**
 * What the process's OSC server is doing, for the engineer's panel: an immutable value the server
 * replaces whole when something changes (it starts or stops, a client is heard from), at most a
 * few times a second, so a panel that reads it every frame can tell a change by its identity.
 *
 * @param running      whether the server is listening
 * @param port         the UDP port it listens on, 0 when not running
 * @param loopbackOnly whether it listens on 127.0.0.1 only (every allowed block is loopback)
 * @param problem      why it is not running though an instance wants it (a port in use...), or null
 * @param clients      the allowed senders heard from lately, the most recent first
 */
public record OscStatus(boolean running, int port, boolean loopbackOnly, String problem, List<Client> clients) {

    /** OSC when no server is (or can be) running: nothing to show. */
    public static final OscStatus OFF = new OscStatus(false, 0, false, null, List.of());

    public OscStatus {
        clients = List.copyOf(clients);
    }

    /**
     * An allowed sender (a device: its IP address, whatever port it sent from).
     *
     * @param address        its IP address as text
     * @param lastSeenMillis when its last message arrived ({@link System#currentTimeMillis()})
     * @param messages       datagrams received from it
     * @param feedback       whether the server sends it feedback now (a subscription or an Ardour /cue client)
     */
    public record Client(String address, long lastSeenMillis, long messages, boolean feedback) {}
}
