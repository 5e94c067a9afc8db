package org.foldback.state;

/**
 * A state or preset blob that cannot be loaded: truncated, corrupted, too large, of the wrong
 * format, or holding values of the wrong type. The message says why in words a user can act on.
 * Nothing has been applied when this is thrown.
 */
public final class StateFormatException extends Exception {
    public StateFormatException(String message) {
        super(message);
    }

    public StateFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
