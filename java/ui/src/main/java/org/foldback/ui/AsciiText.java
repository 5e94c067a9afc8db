package org.foldback.ui;

import java.nio.ByteBuffer;

/**
 * A reusable direct buffer of ASCII text for NanoVG, filled without allocating: labels and
 * numbers drawn every frame go through one of these instead of through Strings.
 */
final class AsciiText {
    private final ByteBuffer bytes;

    AsciiText(int capacity) {
        bytes = ByteBuffer.allocateDirect(capacity);
    }

    AsciiText clear() {
        bytes.clear();
        return this;
    }

    AsciiText append(CharSequence s) {
        for (int i = 0; i < s.length() && bytes.hasRemaining(); i++) {
            char c = s.charAt(i);
            bytes.put((byte) (c < 128 ? c : '?'));
        }
        return this;
    }

    AsciiText append(char c) {
        if (bytes.hasRemaining()) {
            bytes.put((byte) (c < 128 ? c : '?'));
        }
        return this;
    }

    AsciiText append(long n) {
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
    AsciiText appendDb(double db, double floor) {
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
