package org.foldback.osc;

/** A message the server will not act on, with the reason the client is sent back. Nothing changed. */
final class Refused extends Exception {
    Refused(String reason) {
        super(reason, null, false, false);
    }
}
