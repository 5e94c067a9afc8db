package org.foldback.remote;

/** A client's message that cannot be done: the reply's error code and text; nothing was changed. */
final class BadMessage extends Exception {
    private final String code;

    BadMessage(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
