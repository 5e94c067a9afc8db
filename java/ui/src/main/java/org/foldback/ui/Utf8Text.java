package org.foldback.ui;

import java.nio.ByteBuffer;

/**
 * A reusable direct buffer of UTF-8 text for NanoVG, filled without allocating: labels and
 * numbers drawn every frame go through one of these instead of through Strings. Cue names may be
 * any Unicode (the state keeps them so); NanoVG draws what the font has.
 */
final class Utf8Text {
    private final ByteBuffer bytes;

    Utf8Text(int capacity) {
        bytes = ByteBuffer.allocateDirect(capacity);
    }

    Utf8Text clear() {
        bytes.clear();
        return this;
    }

    /** Appends {@code s} as UTF-8; a code point that does not fit whole is left out, as is all after it. */
    Utf8Text append(CharSequence s) {
        return append(s, 0, s.length());
    }

    /** Appends chars {@code from} to {@code to} of {@code s} (a prefix, to measure up to a caret). */
    Utf8Text append(CharSequence s, int from, int to) {
        for (int i = from; i < to; ) {
            int cp = Character.codePointAt(s, i);
            i += Character.charCount(cp);
            if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
                cp = 0xFFFD; // a lone surrogate has no UTF-8 form
            }
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes.remaining() < n) {
                break;
            }
            switch (n) {
                case 1 -> bytes.put((byte) cp);
                case 2 -> bytes.put((byte) (0xC0 | cp >> 6)).put((byte) (0x80 | cp & 0x3F));
                case 3 -> bytes.put((byte) (0xE0 | cp >> 12)).put((byte) (0x80 | cp >> 6 & 0x3F))
                        .put((byte) (0x80 | cp & 0x3F));
                default -> bytes.put((byte) (0xF0 | cp >> 18)).put((byte) (0x80 | cp >> 12 & 0x3F))
                        .put((byte) (0x80 | cp >> 6 & 0x3F)).put((byte) (0x80 | cp & 0x3F));
            }
        }
        return this;
    }

    Utf8Text append(char c) {
        if (bytes.hasRemaining()) {
            bytes.put((byte) (c < 128 ? c : '?'));
        }
        return this;
    }

    Utf8Text append(long n) {
        if (n < 0) {
            append('-');
            n = -n;
        }
        long div = 1;
        while (n / div >= 10) {
            div *= 10;
        }
        for (; div > 0; div /= 10) {
            append((char) ('0' + (n / div) % 10));
        }
        return this;
    }

    /** A level with one decimal; "-inf" at or below the floor, as meters show silence. */
    Utf8Text appendDb(double db, double floor) {
        if (!(db > floor)) {
            return append("-inf");
        }
        long tenths = Math.round(db * 10.0);
        if (tenths < 0) {
            append('-');
            tenths = -tenths;
        }
        append(tenths / 10).append('.').append((char) ('0' + tenths % 10));
        return this;
    }

    /** Text finished earlier with {@link #done}, drawn again as it is. */
    ByteBuffer bytesForDraw() {
        return bytes;
    }

    /** The text written so far, ready for nvgText (position 0, limit at the end). */
    ByteBuffer done() {
        bytes.flip();
        return bytes;
    }
}
