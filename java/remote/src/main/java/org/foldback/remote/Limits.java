package org.foldback.remote;

/**
 * What the server allows one client and all clients together. The defaults are what the plugin
 * uses; tests make a server with other figures (a fuzz that must reach the parser, a lockout that
 * must end within the test).
 *
 * @param maxClients         open WebSockets at once; the next is refused
 * @param maxMessageBytes    largest text message a client may send (Jetty closes the socket beyond it)
 * @param messagesPerSecond  steady rate a client may send; a fader dragged on a phone sends ~30/s
 * @param burst              messages a client may send at once above the steady rate
 * @param wrongPinsAllowed   wrong PINs from one address before it is locked out
 * @param lockoutMillis      how long the lockout lasts
 * @param framesPerSecond    meter frames per second to each client (and the change poll's rate)
 */
public record Limits(int maxClients, int maxMessageBytes, double messagesPerSecond, int burst,
        int wrongPinsAllowed, long lockoutMillis, int framesPerSecond) {

    public static final Limits DEFAULT = new Limits(32, 2048, 60, 120, 5, 60_000, 30);

    public Limits withRate(double perSecond, int newBurst) {
        return new Limits(maxClients, maxMessageBytes, perSecond, newBurst, wrongPinsAllowed, lockoutMillis,
                framesPerSecond);
    }

    public Limits withLockout(long millis) {
        return new Limits(maxClients, maxMessageBytes, messagesPerSecond, burst, wrongPinsAllowed, millis,
                framesPerSecond);
    }
}
