package org.foldback.state;

/** A preset that cannot be found, read, written or named as asked; the message says why. */
public final class PresetException extends Exception {
    public PresetException(String message) {
        super(message);
    }

    public PresetException(String message, Throwable cause) {
        super(message, cause);
    }
}
