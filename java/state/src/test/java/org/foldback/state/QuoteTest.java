package org.foldback.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Quoted user data in messages: escaped, bounded, never a broken character (issue 19). */
class QuoteTest {
    @Test
    void plainTextStaysAsItIs() {
        assertEquals("Vocals", Quote.text("Vocals"));
        assertEquals("caf\u00e9 \ud83c\udfa7 \u4e2d", Quote.text("caf\u00e9 \ud83c\udfa7 \u4e2d"));
        assertEquals("null", Quote.text(null));
    }

    @Test
    void controlsNulAndLoneSurrogatesAreEscaped() {
        assertEquals("\\u0000", Quote.text("\u0000"));
        assertEquals("\\u0000\ud7ff", Quote.text("\u0000\ud7ff"));
        assertEquals("a\\u000ab\\u001b\\u007f\\u0085", Quote.text("a\nb\u001b\u007f\u0085"));
        assertEquals("\\ud800x\\udc00", Quote.text("\ud800x\udc00"));
        assertEquals("\\udc00\\ud800", Quote.text("\udc00\ud800"));   // a reversed pair is two lone halves
        assertEquals("a\\\\u0000", Quote.text("a\\u0000"));             // a backslash cannot fake an escape
    }

    @Test
    void longTextIsCutToTheLimitWithAMarker() {
        String q = Quote.text("a".repeat(5_000_000));
        assertEquals(Quote.LIMIT, q.length());
        assertTrue(q.endsWith("\u2026"));
        assertEquals("a".repeat(80), Quote.text("a".repeat(80)));      // exactly the limit: not cut
        assertEquals("a".repeat(79) + "\u2026", Quote.text("a".repeat(81)));
    }

    @Test
    void aCutNeverSplitsAnEscapeOrAPair() {
        for (int pad = 0; pad < 12; pad++) {
            String q = Quote.text("x".repeat(pad) + "\u0000".repeat(40), 20);
            assertTrue(q.length() <= 20, q);
            assertTrue(q.replace("\u2026", "").replaceAll("\\\\u0000", "").matches("x*"), q);
            String e = Quote.text("x".repeat(pad) + "\ud83c\udfa7".repeat(40), 20);
            assertTrue(e.length() <= 20, e);
            assertFalse(hasLoneSurrogate(e), e);
        }
    }

    @Test
    void aRefusalNamesTheFieldNotTheHostileValue() {
        String blob = "{\"format\":\"" + "\\u0000".repeat(10_000) + "\",\"schema\":1}";
        StateFormatException e = assertThrows(StateFormatException.class,
                () -> StateCodec.decode(blob.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("format"), e.getMessage());
        assertTrue(e.getMessage().length() < 300, e.getMessage().length() + " characters");
        assertFalse(e.getMessage().contains("\u0000"), e.getMessage());
    }

    @Test
    void everyRefusalOfTheHostileFuzzIsShortAndClean() throws Exception {
        java.util.Random rnd = new java.util.Random(19);
        java.util.List<byte[]> corpus = HostileStates.corpus(rnd);
        for (int i = 0; i < 1_000; i++) {
            byte[] blob = HostileStates.mutate(rnd, corpus);
            try {
                Decoded d = StateCodec.decode(blob);
                for (String w : d.warnings()) {
                    assertClean(w);
                }
            } catch (StateFormatException e) {
                assertClean(e.getMessage());
            }
        }
    }

    private static void assertClean(String message) {
        assertTrue(message.length() < 1_000, message.length() + " characters: " + message.substring(0, Math.min(200, message.length())));
        assertFalse(hasLoneSurrogate(message), message);
        for (char c : message.toCharArray()) {
            assertTrue(c >= 0x20 && !(c >= 0x7f && c <= 0x9f), "control character " + (int) c + " in " + Quote.text(message, 400));
        }
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
