package org.foldback.cli.bench;

/** A measurement could not be made; the message says which and why. */
final class BenchException extends Exception {
    BenchException(String message) {
        super(message);
    }
}
