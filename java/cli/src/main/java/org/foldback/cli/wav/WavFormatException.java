package org.foldback.cli.wav;

import java.io.IOException;

/** The file is not a WAV file we can read: garbage, truncated, or an unsupported encoding. */
public final class WavFormatException extends IOException {
    public WavFormatException(String message) {
        super(message);
    }
}
