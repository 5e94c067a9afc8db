package org.foldback.state;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The OSC server's settings for one instance: whether it is on, its UDP port, and the client
 * addresses it accepts messages from. Immutable.
 *
 * <p>OSC has no authentication, so who may send is a setting: a list of IP addresses or CIDR
 * blocks ("192.168.1.20", "192.168.1.0/24", "::1"). The default is loopback only, so switching
 * OSC on opens nothing to the network until the engineer names the tablets' network. Host names
 * are refused: a setting must never make the plugin ask a name server.
 *
 * <p>Saved in the host's session (like the web remote's), never in a preset: which machines may
 * drive a studio's mixer is the studio's, not something a shared file should carry.
 */
public final class OscSettings {
    /** TouchOSC's default outgoing port, so a layout reaches Foldback without changing its setup. */
    public static final int DEFAULT_PORT = 8000;
    public static final int MIN_PORT = 1024;
    public static final int MAX_PORT = 65535;
    /** At most this many entries: a settings list, not a firewall. */
    public static final int MAX_ALLOWED = 32;
    public static final List<String> LOOPBACK = List.of("127.0.0.0/8", "::1");
    /**
     * The default, built without checking its own constant addresses (OscSettingsTest checks
     * them): every new instance's state holds it, and the check (regular expressions, an address
     * parse) was ~5 ms of the first instance's start (native/bench/PERFORMANCE.md, "Session 9").
     */
    public static final OscSettings OFF = new OscSettings(false, DEFAULT_PORT, LOOPBACK, false);

    /** Compiled at the first check, not with the class (see {@link #OFF}). */
    private static final class Literals {
        static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
        static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    }

    private final boolean enabled;
    private final int port;
    private final List<String> allowed;

    private OscSettings(boolean enabled, int port, List<String> allowed) {
        this(enabled, port, allowed, true);
    }

    private OscSettings(boolean enabled, int port, List<String> allowed, boolean check) {
        if (check) {
            check(port, allowed);
        }
        this.enabled = enabled;
        this.port = port;
        this.allowed = List.copyOf(allowed);
    }

    private static void check(int port, List<String> allowed) {
        if (port < MIN_PORT || port > MAX_PORT) {
            throw new IllegalArgumentException("the OSC port must be " + MIN_PORT + " to " + MAX_PORT + ", not " + port);
        }
        if (allowed.size() > MAX_ALLOWED) {
            throw new IllegalArgumentException("at most " + MAX_ALLOWED + " allowed OSC client addresses");
        }
        for (String a : allowed) {
            checkBlock(a);
        }
    }

    /**
     * Checks one allowed-client entry: an IPv4 or IPv6 literal, optionally "/prefix".
     *
     * @throws IllegalArgumentException saying why it is not one
     */
    public static void checkBlock(String block) {
        if (block == null) {
            throw new IllegalArgumentException("an allowed OSC client address is missing");
        }
        int slash = block.indexOf('/');
        String address = slash < 0 ? block : block.substring(0, slash);
        int bits;
        if (Literals.IPV4.matcher(address).matches()) {
            bits = 32;
        } else if (Literals.IPV6.matcher(address).matches()) {
            bits = 128;
        } else {
            throw new IllegalArgumentException("'" + Quote.text(block)
                    + "' is not an IP address or block (e.g. 192.168.1.0/24); host names are not accepted");
        }
        try {
            // A literal (checked above) is parsed without any name lookup.
            InetAddress parsed = InetAddress.getByName(address);
            if (parsed.getAddress().length * 8 != bits) {
                throw new UnknownHostException();
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + Quote.text(block) + "' is not a valid IP address");
        }
        if (slash >= 0) {
            String prefix = block.substring(slash + 1);
            if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > bits) {
                throw new IllegalArgumentException("'" + Quote.text(block) + "': the prefix must be 0 to " + bits);
            }
        }
    }

    public boolean enabled() {
        return enabled;
    }

    public int port() {
        return port;
    }

    /** IP addresses or CIDR blocks whose messages the server accepts. */
    public List<String> allowed() {
        return allowed;
    }

    public OscSettings withEnabled(boolean on) {
        return new OscSettings(on, port, allowed);
    }

    public OscSettings withPort(int newPort) {
        return new OscSettings(enabled, newPort, allowed);
    }

    public OscSettings withAllowed(List<String> newAllowed) {
        return new OscSettings(enabled, port, newAllowed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OscSettings s && s.enabled == enabled && s.port == port && s.allowed.equals(allowed);
    }

    @Override
    public int hashCode() {
        return allowed.hashCode() * 31 + port * 2 + (enabled ? 1 : 0);
    }

    @Override
    public String toString() {
        return "OSC " + (enabled ? "on" : "off") + ", port " + port + ", clients " + allowed;
    }
}
