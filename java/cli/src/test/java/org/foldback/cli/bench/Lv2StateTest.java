package org.foldback.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * JUCE's MemoryBlock base64 (what JUCE's LV2 wrapper expects in its StateString property): the
 * byte count, '.', then 6-bit groups taken least significant bit first, alphabet
 * ".A-Za-z0-9+". Expected strings are worked out by hand from that definition.
 */
class Lv2StateTest {
    @Test
    void oneByte() {
        // 0x01: bits 0-5 = 1 -> 'A'; bits 6-7 = 0 -> '.'; ((8 + 5) / 6) = 2 characters.
        assertEquals("1.A.", Lv2State.juceBase64(new byte[] {0x01}));
    }

    @Test
    void groupsCrossByteBoundaries() {
        // 0xFF 0x00: bits 0-5 = 63 -> '+'; bits 6-11 = 0b000011 = 3 -> 'C'; bits 12-15 = 0 -> '.'.
        assertEquals("2.+C.", Lv2State.juceBase64(new byte[] {(byte) 0xFF, 0x00}));
        // 0x00 0x80: bit 15 set: group 2 (bits 12-17, 16-17 past the end) = 0b1000 = 8 -> 'H'.
        assertEquals("2...H", Lv2State.juceBase64(new byte[] {0x00, (byte) 0x80}));
    }

    @Test
    void emptyState() {
        assertEquals("0.", Lv2State.juceBase64(new byte[0]));
    }
}
