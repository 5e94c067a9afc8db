package org.foldback.state;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The web remote's settings for one instance: whether it is on, the port, the name phones list the
 * instance under (the engineer's; null for the default: the host's track name or "Foldback N"), and
 * per cue a PIN and a lock (a locked cue's performers may look but not change). Immutable.
 *
 * <p>Saved in the host's session state (the engineer sets them once per session; phones keep
 * working after the session is reopened) and never in a preset: presets are exported and shared,
 * and a PIN in a shared file would open the cue to whoever has the file. {@link #toString} never
 * shows a PIN, so a log line or an exception that prints this object does not leak one.
 *
 * <p>A cue's PIN is null until first needed ({@link #withPins}), so a fresh state is the same
 * every time and round-trips to the same bytes.
 */
public final class RemoteSettings {
    public static final int DEFAULT_PORT = 8337;
    public static final int PIN_DIGITS = 6;
    /** Ports a performer's browser may reach without root: 1024 and above. */
    public static final int MIN_PORT = 1024;
    public static final int MAX_PORT = 65535;
    public static final RemoteSettings OFF =
            new RemoteSettings(false, DEFAULT_PORT, null, new String[PluginState.CUE_COUNT],
                    new boolean[PluginState.CUE_COUNT]);

    /**
     * Made at the first PIN, not with the class: every new instance's state holds remote settings,
     * and seeding a SecureRandom (its provider list, the native source) was ~6 ms of the first
     * instance's start (native/bench/PERFORMANCE.md, "Session 9").
     */
    private static final class Pins {
        static final SecureRandom RANDOM = new SecureRandom();
    }

    private final boolean enabled;
    private final int port;
    private final String name;
    private final String[] pins;
    private final boolean[] locked;

    private RemoteSettings(boolean enabled, int port, String name, String[] pins, boolean[] locked) {
        if (port < MIN_PORT || port > MAX_PORT) {
            throw new IllegalArgumentException("the remote's port must be " + MIN_PORT + " to " + MAX_PORT
                    + ", not " + port);
        }
        for (String pin : pins) {
            if (pin != null && !isPin(pin)) {
                throw new IllegalArgumentException("a remote PIN is " + PIN_DIGITS + " digits");
            }
        }
        this.enabled = enabled;
        this.port = port;
        this.name = name == null || name.isBlank() ? null : CueNames.clean(name.strip());
        this.pins = pins;
        this.locked = locked;
    }

    public static boolean isPin(String s) {
        if (s == null || s.length() != PIN_DIGITS) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Six random digits from a SecureRandom (a guessable PIN would be no PIN). */
    public static String newPin() {
        return String.format(java.util.Locale.ROOT, "%06d", Pins.RANDOM.nextInt(1_000_000));
    }

    public boolean enabled() {
        return enabled;
    }

    public int port() {
        return port;
    }

    /** The name the engineer gave the instance, or null (the default: the host's track name, else "Foldback N"). */
    public String name() {
        return name;
    }

    /** Names the instance; null or blank goes back to the default. Cut to the names' limit. */
    public RemoteSettings withName(String newName) {
        return new RemoteSettings(enabled, port, newName, pins, locked);
    }

    /** Cue {@code cue}'s PIN, or null when none was made yet. */
    public String pin(int cue) {
        return pins[cue];
    }

    public boolean locked(int cue) {
        return locked[cue];
    }

    public RemoteSettings withEnabled(boolean on) {
        return new RemoteSettings(on, port, name, pins, locked);
    }

    public RemoteSettings withPort(int newPort) {
        return new RemoteSettings(enabled, newPort, name, pins, locked);
    }

    public RemoteSettings withPin(int cue, String pin) {
        String[] p = pins.clone();
        p[cue] = pin;
        return new RemoteSettings(enabled, port, name, p, locked);
    }

    /** Every cue without a PIN gets a fresh random one. */
    public RemoteSettings withPins() {
        String[] p = pins.clone();
        for (int c = 0; c < p.length; c++) {
            if (p[c] == null) {
                p[c] = newPin();
            }
        }
        return new RemoteSettings(enabled, port, name, p, locked);
    }

    public RemoteSettings withLocked(int cue, boolean lock) {
        boolean[] l = locked.clone();
        l[cue] = lock;
        return new RemoteSettings(enabled, port, name, pins, l);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RemoteSettings r && r.enabled == enabled && r.port == port
                && java.util.Objects.equals(r.name, name) && Arrays.equals(r.pins, pins) && Arrays.equals(r.locked, locked);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(pins) * 31 + port;
    }

    /** Never the PINs: only whether each cue has one. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("remote ").append(enabled ? "on" : "off").append(", port ").append(port);
        for (int c = 0; c < pins.length; c++) {
            b.append(c == 0 ? "; cues: " : ", ").append(c + 1).append(pins[c] == null ? " no PIN" : " PIN set")
                    .append(locked[c] ? " locked" : "");
        }
        return b.toString();
    }
}
