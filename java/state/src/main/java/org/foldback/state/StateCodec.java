package org.foldback.state;

import java.util.Set;

/**
 * Reads and writes Foldback's state and preset files: versioned, human-readable JSON (see
 * docs/STATE.md). This is what a host's getState / setState goes through.
 *
 * <p>{@code encode(decode(x))} gives back the bytes {@code x} for any state this version wrote,
 * and every float reads back with the same bits.
 */
public final class StateCodec {
    public static final String STATE_FORMAT = "foldback-state";
    public static final String PRESET_FORMAT = "foldback-preset";
    /** The schema this version writes. History and migrations: docs/STATE.md. */
    public static final int CURRENT_SCHEMA = 3;
    public static final String WRITER = "foldback 0.1.0";
    /** Blobs larger than this are refused before parsing. */
    public static final int MAX_BYTES = Json.MAX_BYTES;

    private StateCodec() {}

    /** The state as UTF-8 JSON. Capture the live store into it first ({@link PluginState#capture}). */
    public static byte[] encode(PluginState state) {
        // Every new instance's host asks for its state right after creating it: the default
        // state, whose bytes were written at build time (DefaultStateFile; without them, once per
        // JVM). PluginState.sameAs decides, to the bit.
        if (state.sameAs(DefaultState.STATE)) {
            return DefaultState.Bytes.BYTES.clone();
        }
        return StateWriter.write(STATE_FORMAT, null, null, state);
    }

    /** A new instance's state; never handed out, so never changed. */
    private static final class DefaultState {
        static final PluginState STATE = new PluginState();

        /** Read (or written) at the first default state encoded, not when the first state is compared. */
        private static final class Bytes {
            static final byte[] BYTES = DefaultStateFile.bytes();
        }
    }

    /**
     * Reads a state (or a preset, whose name is then ignored) into a new object. Nothing live is
     * touched: apply the result with {@link PluginState#applyTo} once this returns.
     *
     * @throws StateFormatException with a readable reason for anything that cannot be loaded
     */
    public static Decoded decode(byte[] blob) throws StateFormatException {
        return StateReader.read(blob, Set.of(STATE_FORMAT, PRESET_FORMAT), "state");
    }

    /** A preset file: the state's schema plus "name" and "description". */
    public static byte[] encodePreset(String name, String description, PluginState state) {
        if (name == null) {
            throw new IllegalArgumentException("a preset needs a name");
        }
        return StateWriter.write(PRESET_FORMAT, name, description, state);
    }

    /** Reads a preset file; {@link Decoded#name()} is its name. */
    public static Decoded decodePreset(byte[] blob) throws StateFormatException {
        return StateReader.read(blob, Set.of(PRESET_FORMAT), "preset");
    }
}
