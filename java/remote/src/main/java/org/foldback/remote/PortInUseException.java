package org.foldback.remote;

import java.io.IOException;

/** The chosen port is taken; {@link #freePort()} is one near it that was free a moment ago (0 if none was found). */
public final class PortInUseException extends IOException {
    private final int port;
    private final int freePort;

    PortInUseException(int port, int freePort, Throwable cause) {
        super("port " + port + " is in use" + (freePort > 0 ? "; port " + freePort + " is free" : ""), cause);
        this.port = port;
        this.freePort = freePort;
    }

    public int port() {
        return port;
    }

    public int freePort() {
        return freePort;
    }
}
