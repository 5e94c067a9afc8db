package org.foldback.bridge;

import java.nio.charset.StandardCharsets;

/**
 * Test hook (issue 19): with FOLDBACK_TEST_HOSTILE_TEXT set, every text the shim reads back from
 * Java (parameter text, program names, refusals, the last error, the injected fault's message)
 * carries text that once broke the shim's conversion: NUL, lone and reversed surrogates, a pair,
 * what Java makes of invalid UTF-8 and of JNI's own modified UTF-8 bytes; "long" adds a
 * megabyte of it. Off (null) unless set; read once, never on the audio thread. No newline, so
 * line-separated lists keep their shape.
 */
final class HostileText {
    static final String TEXT = of(System.getenv("FOLDBACK_TEST_HOSTILE_TEXT"));

    private HostileText() {}

    static String of(String setting) {
        if (setting == null || setting.isEmpty()) {
            return null;
        }
        byte[] invalidUtf8 = {(byte) 0xc0, (byte) 0x80, (byte) 0xed, (byte) 0xa0, (byte) 0x80, (byte) 0xff, (byte) 0xf0, (byte) 0x9f};
        String text = " [hostile: \u0000|\u0000\ud7ff|\ud800|\udc00|\udc00\ud800|\ud83c\udfa7|\udbff\udfff|"
                + new String(invalidUtf8, StandardCharsets.UTF_8) + "|" + new String(invalidUtf8, StandardCharsets.ISO_8859_1)
                + "|\u001b[2J\u007f]";
        return setting.equals("long") ? text + "a\u0000\ud800".repeat(350_000) : text;
    }

    /** {@code s} with the hostile text appended when the hook is on; null stays null. */
    static String onto(String s) {
        return TEXT == null || s == null ? s : s + TEXT;
    }
}
