package org.foldback.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every released schema's stored sample still loads, to the values it was written with. */
class MigrationTest {
    static byte[] resource(String name) throws Exception {
        try (InputStream in = MigrationTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void schemaZeroPrototypeLoadsThroughItsMigration() throws Exception {
        Decoded d = StateCodec.decode(resource("/samples/schema-0.json"));
        PluginState s = d.state();
        assertEquals(-6.5f, s.params().get("cue1.level"));
        assertEquals(1f, s.params().get("cue2.mono"));
        assertEquals(-0.25f, s.params().get("cue3.src2.pan"));
        assertEquals(-12f, s.params().get("cue3.src2.level"));
        assertEquals(6f, s.params().get("talkback.source"));
        assertEquals(0f, s.params().get("cue1.src1.level"), "missing params take defaults");
        assertEquals(List.of("Drums", "Bass", "Gitarre", "Vocals", "Cue 5", "Cue 6", "Cue 7", "Cue 8"),
                s.cueNames());
        assertEquals(-20, s.meterReferenceDbfs());
        assertEquals(Slot.A, s.activeSlot());
        assertTrue(s.slot(Slot.B).sameAs(s.params()), "no A/B in schema 0: both slots equal");
        assertTrue(d.warnings().contains("upgraded from schema 0 to " + StateCodec.CURRENT_SCHEMA), d.warnings().toString());
        assertTrue(!s.hasUnknownData());
    }

    @Test
    void schemaOneSampleLoadsWithDefaultSourcesAndTheRemoteOff() throws Exception {
        Decoded d = StateCodec.decode(resource("/samples/schema-1.json"));
        PluginState s = d.state();
        assertEquals(List.of("upgraded from schema 1 to " + StateCodec.CURRENT_SCHEMA), d.warnings());
        assertEquals(Slot.B, s.activeSlot());
        assertEquals(-3f, s.params().get("cue1.level"));
        assertEquals(4f, s.params().get("cue2.mono"));
        assertEquals(0.1f, s.params().get("cue1.src1.pan"));
        assertEquals(-6.5f, s.slot(Slot.A).get("cue1.level"));
        assertEquals(-0.25f, s.slot(Slot.A).get("cue3.src2.pan"));
        assertEquals("Gitarre", s.cueName(2));
        assertEquals(-20, s.meterReferenceDbfs());
        assertEquals("Src 1", s.sourceName(0));
        assertEquals("Src 16", s.sourceName(15));
        assertEquals(0, s.meMarks(0));
        assertEquals(RemoteSettings.OFF, s.remote());
        assertTrue(!s.hasUnknownData());
    }

    @Test
    void schemaTwoSampleLoadsWithEveryEarStageOffAndUncalibrated() throws Exception {
        Decoded d = StateCodec.decode(resource("/samples/schema-2.json"));
        PluginState s = d.state();
        assertEquals(List.of("upgraded from schema 2 to " + StateCodec.CURRENT_SCHEMA), d.warnings());
        assertEquals("Kick", s.sourceName(1));
        assertTrue(s.isMe(0, 1) && s.isMe(0, 2) && !s.isMe(0, 0) && !s.isMe(1, 1));
        for (Slot slot : Slot.values()) {
            for (int c = 0; c < PluginState.CUE_COUNT; c++) {
                String cue = "cue" + (c + 1) + ".";
                assertEquals(30f, s.slot(slot).get(cue + "tone.hp"), "high-pass off");
                assertEquals(0f, s.slot(slot).get(cue + "tone.low"));
                assertEquals(0f, s.slot(slot).get(cue + "tone.high"));
                assertEquals(0f, s.slot(slot).get(cue + "crossfeed"));
                assertEquals(-90f, s.slot(slot).get(cue + "ambience"));
                assertEquals(65f, s.slot(slot).get(cue + "maxspl"), "maximum level off");
                assertTrue(Double.isNaN(s.calibration(c)), "uncalibrated");
            }
            for (int src = 1; src <= PluginState.SOURCE_COUNT; src++) {
                assertEquals(-90f, s.slot(slot).get("src" + src + ".ambience"));
            }
        }
        assertTrue(!s.hasUnknownData());
    }

    @Test
    void schemaThreeSampleLoadsAndWritesBackTheSameBytes() throws Exception {
        byte[] blob = resource("/samples/schema-3.json");
        Decoded d = StateCodec.decode(blob);
        PluginState s = d.state();
        assertEquals(List.of(), d.warnings());
        assertEquals(112.5, s.calibration(3), 0);
        assertTrue(Double.isNaN(s.calibration(0)));
        assertEquals(-3f, s.params().get("cue4.tone.low"));
        assertEquals(2f, s.params().get("cue4.crossfeed"));
        assertEquals(-12f, s.params().get("src5.ambience"));
        assertEquals(-8f, s.params().get("cue4.ambience"));
        assertEquals(1.2f, s.params().get("ambience.decay"));
        assertEquals(100f, s.params().get("cue4.maxspl"));
        assertEquals("Kick", s.sourceName(1));
        assertEquals("#ff8800", s.sourceColour(1));
        assertTrue(s.isMe(0, 1) && s.isMe(0, 2) && !s.isMe(0, 0) && !s.isMe(1, 1));
        assertTrue(s.remote().enabled());
        assertEquals(9123, s.remote().port());
        assertEquals("042917", s.remote().pin(0));
        assertEquals(null, s.remote().pin(1));
        assertTrue(s.remote().locked(1));
        // Same writer version as this build: the bytes come back unchanged.
        if (new String(blob, StandardCharsets.UTF_8).contains("\"writer\": \"" + StateCodec.WRITER + "\"")) {
            assertEquals(new String(blob, StandardCharsets.UTF_8),
                    new String(StateCodec.encode(s), StandardCharsets.UTF_8));
        }
    }

    @Test
    void brokenPrototypeIsRejectedClearly() {
        String blob = "{\"format\":\"foldback-state\",\"schema\":0,\"params\":[{\"id\":\"cue1.level\",\"value\":1},"
                + "{\"id\":\"cue1.level\",\"value\":2}]}";
        StateFormatException e = assertThrows(StateFormatException.class,
                () -> StateCodec.decode(blob.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("appears twice"), e.getMessage());
    }

    @Test
    void newerSchemaLoadsWhatItKnowsAndKeepsTheRest() throws Exception {
        String blob = "{\"format\":\"foldback-state\",\"schema\":99,\"writer\":\"foldback 9.0\","
                + "\"params\":{\"cue1.level\":-4.5,\"cue1.eq.low\":3.0,\"cue9.level\":0.0},"
                + "\"cues\":[{\"name\":\"Drums\",\"color\":\"#ff0000\"}],"
                + "\"meter\":{\"reference_dbfs\":-20,\"ballistics\":\"VU\"},"
                + "\"ab\":{\"active\":\"A\",\"other\":{\"cue1.level\":1.0,\"cue1.eq.low\":-2.0},\"morph\":0.5},"
                + "\"scenes\":[{\"name\":\"Verse\",\"params\":{}}],\"remote\":{\"port\":9000}}";
        Decoded d = StateCodec.decode(blob.getBytes(StandardCharsets.UTF_8));
        PluginState s = d.state();
        assertEquals(-4.5f, s.params().get("cue1.level"));
        assertEquals(1f, s.slot(Slot.B).get("cue1.level"));
        assertEquals("Drums", s.cueName(0));
        assertEquals(-20, s.meterReferenceDbfs());
        assertTrue(s.hasUnknownData());
        String warnings = String.join("\n", d.warnings());
        assertTrue(warnings.contains("schema 99"), warnings);
        assertTrue(warnings.contains("'scenes', 'remote'"), warnings);
        assertTrue(warnings.contains("'cue1.eq.low', 'cue9.level'"), warnings);

        String again = new String(StateCodec.encode(s), StandardCharsets.UTF_8);
        for (String kept : new String[] {"\"cue1.eq.low\": 3.0", "\"cue9.level\": 0.0", "\"color\": \"#ff0000\"",
                "\"ballistics\": \"VU\"", "\"cue1.eq.low\": -2.0", "\"morph\": 0.5", "\"scenes\"", "\"Verse\"",
                "\"port\": 9000"}) {
            assertTrue(again.contains(kept), kept + " kept in\n" + again.substring(0, 200));
        }
        // And what we wrote loads again with the unknown parts still there.
        PluginState twice = StateCodec.decode(again.getBytes(StandardCharsets.UTF_8)).state();
        assertEquals(again, new String(StateCodec.encode(twice), StandardCharsets.UTF_8));
    }

    @Test
    void valuesMayBeWrittenAsTextAndOutOfRangeOnesAreClamped() throws Exception {
        String blob = "{\"format\":\"foldback-state\",\"schema\":3,\"params\":{\"cue1.level\":40,"
                + "\"cue2.level\":\"-inf dB\",\"cue2.mono\":\"Mono sum\",\"cue3.mute\":true,\"cue3.src2.pan\":\"L50\","
                + "\"cue4.mono\":7}}";
        Decoded d = StateCodec.decode(blob.getBytes(StandardCharsets.UTF_8));
        ParamValues p = d.state().params();
        assertEquals(10f, p.get("cue1.level"));
        assertEquals(-90f, p.get("cue2.level"));
        assertEquals(1f, p.get("cue2.mono"));
        assertEquals(1f, p.get("cue3.mute"));
        assertEquals(-0.5f, p.get("cue3.src2.pan"));
        assertEquals(4f, p.get("cue4.mono"));
        assertEquals(List.of("params: cue1.level = 40 clamped to 10", "params: cue4.mono = 7 clamped to 4"),
                d.warnings());
        StateFormatException e = assertThrows(StateFormatException.class, () -> StateCodec.decode(
                "{\"format\":\"foldback-state\",\"schema\":1,\"params\":{\"cue1.mono\":\"Quad\"}}"
                        .getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("cue1.mono"), e.getMessage());
    }
}
