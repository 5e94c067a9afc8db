package org.foldback.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.foldback.engine.param.ParamStore;
import org.foldback.engine.param.Params;
import org.junit.jupiter.api.Test;

class RoundTripTest {
    @Test
    void thousandRandomStatesRoundTripBitForBit() throws Exception {
        Random rnd = new Random(20261123L);
        long bytes = 0;
        for (int i = 0; i < 1000; i++) {
            PluginState s = RandomStates.random(rnd);
            byte[] blob = StateCodec.encode(s);
            Decoded d = StateCodec.decode(blob);
            assertTrue(d.warnings().isEmpty(), () -> "warnings for our own state: " + d.warnings());
            PluginState back = d.state();
            for (Slot slot : Slot.values()) {
                assertTrue(s.slot(slot).sameAs(back.slot(slot)), "slot " + slot + " of state " + i);
            }
            assertEquals(s.activeSlot(), back.activeSlot());
            assertEquals(s.cueNames(), back.cueNames());
            assertEquals(s.meterReferenceDbfs(), back.meterReferenceDbfs());
            for (int c = 0; c < PluginState.CUE_COUNT; c++) {
                assertEquals(Double.doubleToRawLongBits(s.calibration(c)), Double.doubleToRawLongBits(back.calibration(c)),
                        "calibration of cue " + (c + 1) + " in state " + i);
            }
            assertArrayEquals(blob, StateCodec.encode(back), "state " + i + " re-encoded");
            bytes += blob.length;
        }
        System.out.printf("round trip: 1000 random states, %.1f KiB average%n", bytes / 1000.0 / 1024);
    }

    @Test
    void applyAndCaptureThroughTheLiveStoreKeepBits() throws Exception {
        PluginState s = RandomStates.random(new Random(7));
        ParamStore live = new ParamStore();
        StateCodec.decode(StateCodec.encode(s)).state().applyTo(live);
        for (int i = 0; i < Params.count(); i++) {
            assertEquals(Float.floatToRawIntBits(s.params().get(i)), Float.floatToRawIntBits(live.get(i)),
                    Params.get(i).id());
        }
        PluginState captured = new PluginState();
        captured.capture(live);
        assertTrue(captured.params().sameAs(s.params()));
    }

    @Test
    void defaultStateIsReadableJsonWithStableIds() {
        String text = new String(StateCodec.encode(new PluginState()), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\n  \"format\": \"foldback-state\",\n  \"schema\": " + StateCodec.CURRENT_SCHEMA + ",\n"), text);
        assertTrue(text.contains("\"cue3.src5.level\": -90.0"), "send levels by ID");
        assertTrue(text.contains("\"cue1.limiter\": 1"), "toggles as 0/1");
        assertTrue(text.contains("\"name\": \"Cue 8\""));
        assertTrue(text.contains("\"reference_dbfs\": -18"));
    }
}
