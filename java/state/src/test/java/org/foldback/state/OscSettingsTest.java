package org.foldback.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OSC server's session settings: saved with the session, never in a preset, bad ones refused whole. */
class OscSettingsTest {
    @Test
    void offByDefaultAndLoopbackOnly() {
        PluginState s = new PluginState();
        assertFalse(s.osc().enabled());
        assertEquals(List.of("127.0.0.0/8", "::1"), s.osc().allowed());
        String blob = new String(StateCodec.encode(s), StandardCharsets.UTF_8);
        assertFalse(blob.contains("\"osc\""), "the default is not written, so older states keep their bytes");
    }

    @Test
    void theUncheckedDefaultPassesTheCheck() {
        // OFF is built without the check (an instance's start path): its addresses must pass it.
        OscSettings.OFF.allowed().forEach(OscSettings::checkBlock);
        assertEquals(OscSettings.OFF, OscSettings.OFF.withEnabled(true).withEnabled(false));
        assertEquals(OscSettings.LOOPBACK, OscSettings.OFF.withAllowed(OscSettings.LOOPBACK).allowed());
    }

    @Test
    void sessionRoundTripAndNeverInPresets() throws Exception {
        PluginState s = new PluginState();
        s.setOsc(OscSettings.OFF.withEnabled(true).withPort(9100).withAllowed(List.of("192.168.1.0/24", "::1")));
        PluginState back = StateCodec.decode(StateCodec.encode(s)).state();
        assertEquals(s.osc(), back.osc());
        byte[] again = StateCodec.encode(back);
        assertEquals(new String(StateCodec.encode(s), StandardCharsets.UTF_8), new String(again, StandardCharsets.UTF_8));
        String preset = new String(StateCodec.encodePreset("P", "", s), StandardCharsets.UTF_8);
        assertFalse(preset.contains("192.168.1.0"), "a preset carries no OSC settings");
        assertEquals(OscSettings.OFF, StateCodec.decodePreset(preset.getBytes(StandardCharsets.UTF_8)).state().osc());
    }

    @Test
    void badSettingsAreRefusedWhole() {
        for (String osc : List.of("{\"port\":80}", "{\"enabled\":1}", "{\"allowed\":[\"example.com\"]}",
                "{\"allowed\":[\"10.0.0.0/33\"]}", "{\"allowed\":[\"300.1.1.1\"]}", "{\"allowed\":\"::1\"}", "[]")) {
            String blob = "{\"format\":\"foldback-state\",\"schema\":2,\"params\":{},\"osc\":" + osc + "}";
            StateFormatException e = assertThrows(StateFormatException.class,
                    () -> StateCodec.decode(blob.getBytes(StandardCharsets.UTF_8)), osc);
            assertTrue(e.getMessage().startsWith("osc"), e.getMessage());
        }
    }

    @Test
    void blocksAccepted() {
        for (String ok : List.of("127.0.0.1", "0.0.0.0/0", "192.168.1.0/24", "::1", "fe80::/10", "::/0")) {
            OscSettings.checkBlock(ok);
        }
    }
}
