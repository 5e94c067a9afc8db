package org.foldback.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.foldback.engine.param.ParamSpec;
import org.foldback.engine.param.ParamStore;
import org.foldback.engine.param.Params;
import org.junit.jupiter.api.Test;

class AbAndCuePresetTest {
    @Test
    void switchingStoresTheLiveValuesAndLoadsTheOtherSlot() {
        ParamStore live = new ParamStore();
        PluginState s = new PluginState();
        live.set(Params.cue(0).level(), -3f);          // edit while on A
        s.switchTo(Slot.B, live);
        assertEquals(Slot.B, s.activeSlot());
        assertEquals(0f, live.get(Params.cue(0).level()), "B still has the default");
        assertEquals(-3f, s.slot(Slot.A).get(Params.cue(0).level()), "A kept the edit");
        live.set(Params.cue(0).level(), -9f);          // edit while on B
        s.switchTo(Slot.A, live);
        assertEquals(-3f, live.get(Params.cue(0).level()));
        assertEquals(-9f, s.slot(Slot.B).get(Params.cue(0).level()));
        s.switchTo(Slot.A, live);                   // already on A: nothing changes
        assertEquals(-3f, live.get(Params.cue(0).level()));
    }

    @Test
    void copyAtoBFromEitherSide() {
        ParamStore live = new ParamStore();
        PluginState s = new PluginState();
        live.set(Params.cue(1).send(2).pan(), 0.75f);
        s.copyAtoB(live);
        assertTrue(s.slot(Slot.A).sameAs(s.slot(Slot.B)));
        s.switchTo(Slot.B, live);
        live.set(Params.cue(1).send(2).pan(), -0.5f);
        s.copyAtoB(live);                           // on B: B is overwritten and the live store follows
        assertEquals(0.75f, live.get(Params.cue(1).send(2).pan()));
        assertEquals(0.75f, s.slot(Slot.B).get(Params.cue(1).send(2).pan()));
    }

    @Test
    void slotsSurviveEncoding() throws Exception {
        ParamStore live = new ParamStore();
        PluginState s = new PluginState();
        live.set(Params.cue(3).fold(), 2);
        s.switchTo(Slot.B, live);
        s.capture(live);
        PluginState back = StateCodec.decode(StateCodec.encode(s)).state();
        assertEquals(Slot.B, back.activeSlot());
        assertEquals(2f, back.slot(Slot.A).get(Params.cue(3).fold()));
        assertEquals(0f, back.slot(Slot.B).get(Params.cue(3).fold()));
    }

    @Test
    void cuePresetMovesOneCueToAnother() throws Exception {
        Random rnd = new Random(3);
        ParamStore live = new ParamStore();
        for (ParamSpec p : Params.TABLE) {
            live.set(p.index(), RandomStates.value(p, rnd));
        }
        PluginState s = new PluginState();
        s.setCueName(1, "Bass \"DI\" \u00e9");
        float[] before = new float[Params.count()];
        for (int i = 0; i < before.length; i++) {
            before[i] = live.get(i);
        }

        byte[] file = CuePreset.capture(live, s, 1).encode();
        List<String> warnings = new ArrayList<>();
        CuePreset preset = CuePreset.decode(file, warnings);
        assertEquals(List.of(), warnings);
        preset.applyTo(live, s, 6);

        assertEquals("Bass \"DI\" \u00e9", s.cueName(6));
        for (ParamSpec p : Params.TABLE) {
            String id = p.id();
            float expected = before[p.index()];
            if (id.startsWith("cue7.")) {
                expected = before[Params.byId("cue2." + id.substring(5)).index()];
                assertEquals(expected, s.params().get(p.index()), id + " in the state");
            }
            assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(live.get(p.index())), id);
        }
        assertTrue(file.length < 8 * 1024, "a cue preset is small: " + file.length + " bytes");
    }

    @Test
    void cuePresetMayOmitValuesAndRejectsOtherFormats() throws Exception {
        String blob = "{\"format\":\"foldback-cue\",\"schema\":1,\"name\":\"Click\",\"params\":"
                + "{\"level\":12,\"src5.level\":0.0,\"eq.low\":1}}";
        List<String> warnings = new ArrayList<>();
        CuePreset p = CuePreset.decode(blob.getBytes(StandardCharsets.UTF_8), warnings);
        assertEquals(10f, p.value("level"));
        assertNull(p.value("mono"));
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(new String(p.encode(), StandardCharsets.UTF_8).contains("\"eq.low\": 1"));
        ParamStore live = new ParamStore();
        live.set(Params.cue(0).fold(), 3);
        p.applyTo(live, new PluginState(), 0);
        assertEquals(0f, live.get(Params.cue(0).fold()), "omitted values take defaults");
        assertThrows(StateFormatException.class, () -> CuePreset.decode(
                StateCodec.encode(new PluginState()), new ArrayList<>()));
    }
}
