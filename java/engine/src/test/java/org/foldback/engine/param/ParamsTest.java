package org.foldback.engine.param;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.foldback.engine.Layout;
import org.junit.jupiter.api.Test;

class ParamsTest {

    /** Every lookup of a cue's own parameters, by the ID suffix it must reach (written out, not derived). */
    private static final Map<String, ToIntFunction<CueParams>> CUE_LOOKUPS = new LinkedHashMap<>();
    private static final Map<String, ToIntFunction<SendParams>> SEND_LOOKUPS = new LinkedHashMap<>();
    private static final Map<String, ToIntFunction<GlobalParams>> GLOBAL_LOOKUPS = new LinkedHashMap<>();

    static {
        GLOBAL_LOOKUPS.put("bypass", GlobalParams::bypass);
        GLOBAL_LOOKUPS.put("talkback.on", GlobalParams::talkbackOn);
        GLOBAL_LOOKUPS.put("talkback.latch", GlobalParams::talkbackLatch);
        GLOBAL_LOOKUPS.put("talkback.dim", GlobalParams::talkbackDim);
        GLOBAL_LOOKUPS.put("talkback.source", GlobalParams::talkbackSource);
        GLOBAL_LOOKUPS.put("click.source", GlobalParams::clickSource);
        GLOBAL_LOOKUPS.put("ambience.size", GlobalParams::ambienceSize);
        GLOBAL_LOOKUPS.put("ambience.decay", GlobalParams::ambienceDecay);
        GLOBAL_LOOKUPS.put("ambience.predelay", GlobalParams::ambiencePreDelay);
        CUE_LOOKUPS.put("level", CueParams::level);
        CUE_LOOKUPS.put("mute", CueParams::mute);
        CUE_LOOKUPS.put("dim", CueParams::dim);
        CUE_LOOKUPS.put("dim.amount", CueParams::dimAmount);
        CUE_LOOKUPS.put("mono", CueParams::fold);
        CUE_LOOKUPS.put("mono.law", CueParams::monoLaw);
        CUE_LOOKUPS.put("polarity.left", CueParams::polarityLeft);
        CUE_LOOKUPS.put("polarity.right", CueParams::polarityRight);
        CUE_LOOKUPS.put("swap", CueParams::swap);
        CUE_LOOKUPS.put("limiter", CueParams::limiter);
        CUE_LOOKUPS.put("limiter.ceiling", CueParams::ceiling);
        CUE_LOOKUPS.put("talkback", CueParams::talkback);
        CUE_LOOKUPS.put("tone.hp", CueParams::toneHighPass);
        CUE_LOOKUPS.put("tone.low", CueParams::toneLow);
        CUE_LOOKUPS.put("tone.high", CueParams::toneHigh);
        CUE_LOOKUPS.put("crossfeed", CueParams::crossfeed);
        CUE_LOOKUPS.put("ambience", CueParams::ambience);
        CUE_LOOKUPS.put("maxspl", CueParams::maxSpl);
        SEND_LOOKUPS.put("level", SendParams::level);
        SEND_LOOKUPS.put("pan", SendParams::pan);
        SEND_LOOKUPS.put("mute", SendParams::mute);
    }

    @Test
    void everyReleasedIdKeepsItsIndex() throws IOException {
        List<String> released = new ArrayList<>();
        try (InputStream in = ParamsTest.class.getResourceAsStream("released-ids.txt")) {
            assertNotNull(in, "released-ids.txt missing");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(" ");
                assertEquals(released.size(), Integer.parseInt(f[0]), "released-ids.txt out of order at " + line);
                released.add(f[1]);
            }
        }
        assertEquals(released.size(), Params.count(), "parameters were added or removed");
        assertEquals(569, released.size());
        for (int i = 0; i < released.size(); i++) {
            assertEquals(released.get(i), Params.get(i).id(), "index " + i);
            assertSame(Params.get(i), Params.byId(released.get(i)));
            assertSame(Params.get(i), Params.TABLE.get(i));
        }
    }

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
        assertNull(Params.byId("cue9.level"));
        assertNull(Params.byId("cue1.src17.pan"));
    }

    @Test
    void everyLookupReachesItsIdAndTogetherTheyReachEveryParameterOnce() {
        Set<Integer> reached = new HashSet<>();
        GLOBAL_LOOKUPS.forEach((id, lookup) -> expect(id, lookup.applyAsInt(Params.global()), reached));
        for (int s = 0; s < Layout.MAX_SOURCES; s++) {
            assertEquals(s, Params.source(s).source());
            expect("src" + (s + 1) + ".mode", Params.source(s).mode(), reached);
            expect("src" + (s + 1) + ".ambience", Params.source(s).ambience(), reached);
        }
        for (int c = 0; c < Layout.MAX_CUES; c++) {
            CueParams cue = Params.cue(c);
            assertEquals(c, cue.cue());
            String prefix = "cue" + (c + 1) + ".";
            CUE_LOOKUPS.forEach((id, lookup) -> expect(prefix + id, lookup.applyAsInt(cue), reached));
            for (int s = 0; s < Layout.MAX_SOURCES; s++) {
                SendParams send = cue.send(s);
                assertEquals(c, send.cue());
                assertEquals(s, send.source());
                String sendPrefix = prefix + "src" + (s + 1) + ".";
                SEND_LOOKUPS.forEach((id, lookup) -> expect(sendPrefix + id, lookup.applyAsInt(send), reached));
            }
        }
        assertEquals(Params.count(), reached.size(), "a parameter no lookup reaches");
    }

    private static void expect(String id, int index, Set<Integer> reached) {
        assertEquals(id, Params.get(index).id());
        assertTrue(reached.add(index), id + " reached twice");
    }

    @Test
    void aRoleReachesTheSameParameterAsItsMethod() {
        for (int c = 0; c < Layout.MAX_CUES; c++) {
            for (int s = 0; s < Layout.MAX_SOURCES; s++) {
                assertEquals(Params.cue(c).level(), Params.index(ParamRole.CUE_LEVEL, c, s));
                assertEquals(Params.cue(c).ceiling(), Params.cue(c).param(ParamRole.CUE_CEILING));
                assertEquals(Params.cue(c).send(s).pan(), Params.index(ParamRole.SEND_PAN, c, s));
                assertEquals(Params.cue(c).send(s).mute(), Params.cue(c).send(s).param(ParamRole.SEND_MUTE));
                assertEquals(Params.source(s).mode(), Params.index(ParamRole.SOURCE_MODE, c, s));
                assertEquals(Params.global().clickSource(), Params.index(ParamRole.CLICK_SOURCE, c, s));
            }
        }
        assertEquals(Params.global().talkbackDim(), Params.global().param(ParamRole.TALKBACK_DIM));
        assertEquals(Params.source(3).mode(), Params.source(3).param(ParamRole.SOURCE_MODE));
    }

    @Test
    void aRoleOfAnotherScopeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Params.cue(0).param(ParamRole.SEND_LEVEL));
        assertThrows(IllegalArgumentException.class, () -> Params.cue(0).param(ParamRole.TALKBACK_ON));
        assertThrows(IllegalArgumentException.class, () -> Params.cue(0).send(0).param(ParamRole.CUE_LEVEL));
        assertThrows(IllegalArgumentException.class, () -> Params.global().param(ParamRole.SOURCE_MODE));
        assertThrows(IllegalArgumentException.class, () -> Params.source(0).param(ParamRole.BYPASS));
        assertThrows(IllegalArgumentException.class, () -> new ParamAddress(ParamRole.CUE_LEVEL, -1, -1));
        assertThrows(IllegalArgumentException.class, () -> new ParamAddress(ParamRole.SEND_PAN, 0, Layout.MAX_SOURCES));
        assertThrows(IllegalArgumentException.class, () -> new ParamAddress(ParamRole.BYPASS, 0, -1));
    }

    @Test
    void groupsListTheirParametersInTableOrder() {
        assertEquals(List.of("bypass", "talkback.on", "talkback.latch", "talkback.dim", "talkback.source",
                "click.source", "ambience.size", "ambience.decay", "ambience.predelay"), ids(Params.global().all()));
        for (int s = 0; s < Layout.MAX_SOURCES; s++) {
            assertEquals(List.of("src" + (s + 1) + ".mode", "src" + (s + 1) + ".ambience"),
                    ids(Params.source(s).all()));
        }
        for (int c = 0; c < Layout.MAX_CUES; c++) {
            String prefix = "cue" + (c + 1) + ".";
            List<String> expected = new ArrayList<>();
            for (ParamSpec p : Params.TABLE) {
                if (p.id().startsWith(prefix)) {
                    expected.add(p.id());
                }
            }
            assertEquals(18 + 3 * Layout.MAX_SOURCES, expected.size());
            assertEquals(expected, ids(Params.cue(c).all()));
            for (int s = 0; s < Layout.MAX_SOURCES; s++) {
                String send = prefix + "src" + (s + 1) + ".";
                assertEquals(List.of(send + "level", send + "pan", send + "mute"), ids(Params.cue(c).send(s).all()));
            }
        }
        assertThrows(UnsupportedOperationException.class, () -> Params.cue(0).all().clear());
    }

    @Test
    void everyIndexSaysWhereItSits() {
        ParamAddress pan = Params.byId("cue7.src3.pan").address();
        assertEquals(new ParamAddress(ParamRole.SEND_PAN, 6, 2), pan);
        assertEquals(ParamScope.SEND, pan.scope());
        assertEquals("src3.pan", pan.idInCue());
        assertEquals(new ParamAddress(ParamRole.CUE_FOLD, 1, -1), Params.byId("cue2.mono").address());
        assertEquals("mono", Params.byId("cue2.mono").address().idInCue());
        assertEquals(new ParamAddress(ParamRole.SOURCE_MODE, -1, 15), Params.byId("src16.mode").address());
        assertEquals(new ParamAddress(ParamRole.TALKBACK_LATCH, -1, -1), Params.byId("talkback.latch").address());
        for (ParamSpec p : Params.TABLE) {
            ParamAddress at = p.address();
            assertSame(at.role(), p.role());
            assertEquals(p.index(), Params.index(at.role(), Math.max(0, at.cue()), Math.max(0, at.source())), p.id());
            assertEquals(p.id(), at.id());
            assertEquals(p.name(), at.name());
            assertEquals(at.cue() >= 0 ? "cue" + (at.cue() + 1) + "." + at.idInCue() : at.idInCue(), p.id());
            if (at.cue() >= 0) {
                assertSame(p, Params.cue(at.cue()).byIdInCue(at.idInCue()));
                assertTrue(Params.cue(at.cue()).all().contains(p), p.id());
            }
        }
        assertNull(Params.cue(4).byIdInCue("talkback.on"));
        assertNull(Params.cue(4).byIdInCue("src17.level"));
        assertEquals("cue5.talkback", Params.cue(4).byIdInCue("talkback").id());
    }

    @Test
    void namesReadAsTheHostShowsThem() {
        assertEquals("Cue 3 Src 5 Level", Params.get(Params.cue(2).send(4).level()).name());
        assertEquals("Cue 8 Fold-down", Params.get(Params.cue(7).fold()).name());
        assertEquals("Src 2 Mode", Params.get(Params.source(1).mode()).name());
        assertEquals("Talkback Dim", Params.get(Params.global().talkbackDim()).name());
    }

    @Test
    void everyCueHearsTheMainInputOutOfTheBox() {
        for (int c = 0; c < Layout.MAX_CUES; c++) {
            assertEquals(0f, Params.get(Params.cue(c).send(0).level()).defaultValue(), 0f);
            for (int s = 1; s < Layout.MAX_SOURCES; s++) {
                assertEquals(Params.LEVEL_MIN_DB, Params.get(Params.cue(c).send(s).level()).defaultValue(), 0f);
            }
        }
    }

    @Test
    void rampTimesAreTheDocumentedOnes() {
        // docs/MIXING.md: gains 20 ms; toggles and choices 10 ms; the dim amounts move with their switch (10 ms);
        // the reverb's size and pre-delay fade out and in over 10 ms each.
        for (ParamSpec p : Params.TABLE) {
            boolean switched = p.id().equals("talkback.dim") || p.id().endsWith(".dim.amount")
                    || p.id().equals("ambience.size") || p.id().equals("ambience.predelay");
            float expected = p.kind() == ParamKind.FLOAT && !switched ? 20f : 10f;
            assertEquals(expected, p.smoothingMs(), 0f, p.id());
        }
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
        ParamSpec level = Params.get(Params.cue(0).level());
        assertThrows(IllegalArgumentException.class, () -> ParamText.parse(level, "loud"));
        assertThrows(IllegalArgumentException.class, () -> ParamText.parse(level, "+30 dB"));
        assertEquals(-6f, ParamText.parse(level, "-6 dB"), 0f);
        ParamSpec pan = Params.get(Params.cue(0).send(0).pan());
        assertEquals(-0.5f, ParamText.parse(pan, "L50"), 1e-6f);
    }

    @Test
    void theEarsParametersReadInTheirUnitsAndOff() {
        ParamSpec hp = Params.get(Params.cue(2).toneHighPass());
        assertEquals("Off", ParamText.format(hp, hp.defaultValue()));
        assertEquals("Off", ParamText.format(hp, 39.9f));
        assertEquals("40 Hz", ParamText.format(hp, 40f));
        assertEquals(120f, ParamText.parse(hp, "120 Hz"), 0f);
        assertEquals(hp.min(), ParamText.parse(hp, "off"), 0f);
        assertTrue(hp.isOff(hp.min()) && !hp.isOff(40f));
        assertThrows(IllegalArgumentException.class, () -> ParamText.parse(hp, "250 Hz"));
        ParamSpec max = Params.get(Params.cue(0).maxSpl());
        assertEquals("Off", ParamText.format(max, max.defaultValue()));
        assertEquals("94 dB SPL", ParamText.format(max, 94f));
        assertEquals(94f, ParamText.parse(max, "94 dB SPL"), 0f);
        ParamSpec decay = Params.get(Params.global().ambienceDecay());
        assertEquals("1.50 s", ParamText.format(decay, decay.defaultValue()));
        assertEquals("70 %", ParamText.format(Params.get(Params.global().ambienceSize()), 70f));
        assertEquals("20 ms", ParamText.format(Params.get(Params.global().ambiencePreDelay()), 20f));
        ParamSpec crossfeed = Params.get(Params.cue(0).crossfeed());
        assertEquals(List.of("Off", "Default", "Chu Moy", "Jan Meier"), crossfeed.choices());
        assertTrue(crossfeed.automatable());
        assertEquals("-inf dB", ParamText.format(Params.get(Params.source(3).ambience()), Params.LEVEL_MIN_DB));
        assertEquals("+0.0 dB".substring(1), ParamText.format(Params.get(Params.cue(0).toneLow()), 0f));
    }

    @Test
    void storeClampsAndReadsBack() {
        ParamStore store = new ParamStore();
        int i = Params.cue(0).level();
        store.set(i, 99f);
        assertEquals(Params.LEVEL_MAX_DB, store.get(i), 0f);
        store.set(i, Float.NaN);
        assertEquals(Params.get(i).defaultValue(), store.get(i), 0f);
    }

    private static List<String> ids(List<ParamSpec> specs) {
        List<String> ids = new ArrayList<>();
        for (ParamSpec p : specs) {
            ids.add(p.id());
        }
        return ids;
    }
}
