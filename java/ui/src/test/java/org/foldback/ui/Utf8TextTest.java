package org.foldback.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8TextTest {
    private static String read(ByteBuffer b) {
        byte[] bytes = new byte[b.remaining()];
        b.duplicate().get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void formatsLevelsLikeStringFormatDoes() {
        Utf8Text t = new Utf8Text(32);
        for (double db : new double[] {-18.0, -0.04, 0.0, 3.25, -59.96, 10.0, -123.4}) {
            String expected = String.format(java.util.Locale.ROOT, "%.1f", db);
            if (expected.equals("-0.0")) {
                expected = "0.0";
            }
            assertEquals(expected, read(t.clear().appendDb(db, -200).done()), "for " + db);
        }
        assertEquals("-inf dB", read(t.clear().appendDb(-90, -90).append(" dB").done()));
        assertEquals("Src 16", read(t.clear().append("Src ").append(16).done()));
        assertEquals("café ♪ 🎧", read(t.clear().append("café ♪ 🎧").done()));
        assertEquals("caf", read(t.clear().append("café", 0, 3).done()));
        assertEquals("\uFFFD", read(t.clear().append("\uD800").done()), "a lone surrogate");
        Utf8Text small = new Utf8Text(4);
        assertEquals("ab", read(small.clear().append("ab€").done()), "a code point that does not fit is left out whole");
    }
}
