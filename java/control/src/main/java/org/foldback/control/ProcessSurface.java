package org.foldback.control;

/**
 * A surface that serves every instance in the process (the web remote's server, OSC's), found through
 * {@link java.util.ServiceLoader} so the bridge needs no dependency on it. {@link Controllers}
 * calls {@link #instancesChanged} on a message or background thread (never the audio thread)
 * whenever an instance comes or goes or a surface setting changes (the remote switched on, a port,
 * a loaded state); the surface decides there whether to start, stop or restart, and must return
 * quickly (start servers on its own thread).
 */
public interface ProcessSurface {
    void instancesChanged();

    /** What this surface shows the engineer's panel, or null when it is no web remote. Any non-audio thread; no waiting. */
    default RemoteStatus remoteStatus() {
        return null;
    }

    /** What this surface shows the engineer's OSC panel, or null when it is no OSC server. Any non-audio thread; no waiting. */
    default OscStatus oscStatus() {
        return null;
    }

    /** Ends a phone's session (the engineer's "disconnect"); any non-audio thread. */
    default void disconnect(RemoteStatus.Phone phone) {
    }
}
