package org.foldback.engine.param;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParamsTest {

    @Test
    void indicesMatchTablePositionsAndIdsAreUnique() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < Params.count(); i++) {
            ParamSpec p = Params.get(i);
            assertEquals(i, p.index());
            assertTrue(ids.add(p.id()), p.id());
            assertTrue(p.min() < p.max(), p.id());
            assertEquals(p.defaultValue(), p.clamp(p.defaultValue()), p.id());
        }
    }

    @Test
    void accessorsPointAtTheNamedIds() {
        assertEquals("cue3.src5.level", Params.get(Params.sendLevel(2, 4)).id());
        assertEquals("cue3.src5.pan", Params.get(Params.sendPan(2, 4)).id());
        assertEquals("cue3.src5.mute", Params.get(Params.sendMute(2, 4)).id());
        assertEquals("cue8.mono", Params.get(Params.cueFold(7)).id());
        assertEquals("cue1.limiter.ceiling", Params.get(Params.cueCeiling(0)).id());
        assertEquals("src16.mode", Params.get(Params.sourceMode(15)).id());
        assertEquals("talkback.on", Params.get(Params.TALKBACK_ON).id());
        assertNotNull(Params.byId("cue8.src16.mute"));
    }

    @Test
    void textRoundTripsForEveryParameterAtMinMaxAndDefault() {
        for (ParamSpec p : Params.TABLE) {
            for (float v : new float[] {p.min(), p.max(), p.defaultValue()}) {
                String text = ParamText.format(p, v);
                assertEquals(v, ParamText.parse(p, text), 0.051f, p.id() + " '" + text + "'");
            }
        }
    }

    @Test
    void parseRejectsNonsenseAndOutOfRange() {
        ParamSpec level = Params.get(Params.cueLevel(0));
        assertThrows(IllegalArgumentException.class, () -> ParamText.parse(level, "loud"));
        assertThrows(IllegalArgumentException.class, () -> ParamText.parse(level, "+30 dB"));
        assertEquals(-6f, ParamText.parse(level, "-6 dB"), 0f);
        ParamSpec pan = Params.get(Params.sendPan(0, 0));
        assertEquals(-0.5f, ParamText.parse(pan, "L50"), 1e-6f);
    }

    @Test
    void storeClampsAndReadsBack() {
        ParamStore store = new ParamStore();
        int i = Params.cueLevel(0);
        store.set(i, 99f);
        assertEquals(Params.LEVEL_MAX_DB, store.get(i), 0f);
        store.set(i, Float.NaN);
        assertEquals(Params.get(i).defaultValue(), store.get(i), 0f);
    }
}
