package org.foldback.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Source names, "me" marks and the web remote's settings: names and marks travel with presets;
 * PINs and locks stay in the host's session and never reach a preset file, a cue preset or a
 * message that may be logged.
 */
class SessionOnlySecretsTest {
    private static PluginState withSecrets() {
        PluginState s = new PluginState();
        s.setSourceName(1, "Kick");
        s.setSourceColour(1, "#112233");
        s.setMe(2, 1, true);
        RemoteSettings r = RemoteSettings.OFF.withEnabled(true).withPort(9001).withPins().withLocked(3, true)
                .withName("Drum booth \uD83E\uDD41"); // the instance's name, with a code point beyond the BMP
        s.setRemote(r);
        return s;
    }

    private static void assertNoPin(PluginState s, String text, String where) {
        for (int c = 0; c < PluginState.CUE_COUNT; c++) {
            assertFalse(text.contains(s.remote().pin(c)), where + " holds cue " + (c + 1) + "'s PIN");
        }
        assertFalse(text.contains("web_remote"), where + " holds the remote's settings");
    }

    @Test
    void sessionStateKeepsPinsLocksNamesAndMarks() throws Exception {
        PluginState s = withSecrets();
        PluginState back = StateCodec.decode(StateCodec.encode(s)).state();
        assertEquals(s.remote(), back.remote());
        assertEquals("Kick", back.sourceName(1));
        assertEquals("#112233", back.sourceColour(1));
        assertTrue(back.isMe(2, 1));
        assertTrue(back.remote().locked(3));
        assertEquals("Drum booth \uD83E\uDD41", back.remote().name(), "the instance's name is the session's");
    }

    @Test
    void presetsCarryNamesAndMarksButNeverPins(@TempDir Path home) throws Exception {
        PluginState s = withSecrets();
        String preset = new String(StateCodec.encodePreset("P", "d", s), StandardCharsets.UTF_8);
        assertNoPin(s, preset, "an encoded preset");
        PluginState loaded = StateCodec.decodePreset(preset.getBytes(StandardCharsets.UTF_8)).state();
        assertEquals("Kick", loaded.sourceName(1));
        assertTrue(loaded.isMe(2, 1));
        assertEquals(RemoteSettings.OFF, loaded.remote(), "a preset turns no remote on");

        PresetLibrary lib = new PresetLibrary(PresetLibraryTest.FACTORY, home.resolve("user"), w -> {});
        lib.save("mine", "", s);
        assertNoPin(s, Files.readString(home.resolve("user/mine.json")), "a saved user preset");
        Path exported = home.resolve("out.json");
        lib.exportTo("mine", exported);
        assertNoPin(s, Files.readString(exported), "an exported preset");
        for (int c = 0; c < PluginState.CUE_COUNT; c++) {
            assertNoPin(s, new String(CuePreset.capture(new org.foldback.engine.param.ParamStore(), s, c).encode(), StandardCharsets.UTF_8), "cue preset " + c);
        }
    }

    @Test
    void aHandEditedPresetWithPinsHasThemIgnored() throws Exception {
        String blob = "{\"format\":\"foldback-preset\",\"schema\":2,\"name\":\"x\",\"params\":{},"
                + "\"web_remote\":{\"enabled\":true,\"port\":9000,\"cues\":[{\"pin\":\"123456\"}]}}";
        Decoded d = StateCodec.decodePreset(blob.getBytes(StandardCharsets.UTF_8));
        assertEquals(RemoteSettings.OFF, d.state().remote());
        assertFalse(d.warnings().toString().contains("123456"));
    }

    @Test
    void descriptionsAndErrorsNeverShowAPin() {
        PluginState s = withSecrets();
        assertNoPin(s, s.remote().toString(), "RemoteSettings.toString");
        String bad = "{\"format\":\"foldback-state\",\"schema\":2,\"params\":{},"
                + "\"web_remote\":{\"cues\":[{\"pin\":\"12345x\"}]}}";
        StateFormatException e = assertThrows(StateFormatException.class,
                () -> StateCodec.decode(bad.getBytes(StandardCharsets.UTF_8)));
        assertFalse(e.getMessage().contains("12345"), e.getMessage());
        assertTrue(e.getMessage().contains("pin"), e.getMessage());
    }

    @Test
    void newPinsAreSixDigitsAndDiffer() {
        RemoteSettings a = RemoteSettings.OFF.withPins();
        int distinct = (int) java.util.stream.IntStream.range(0, PluginState.CUE_COUNT).mapToObj(a::pin).distinct().count();
        for (int c = 0; c < PluginState.CUE_COUNT; c++) {
            assertTrue(RemoteSettings.isPin(a.pin(c)), a.pin(c));
        }
        // Eight draws of a million: a repeat has odds of about 3 in 100,000.
        assertTrue(distinct >= 7, "PINs repeat: " + distinct);
        assertThrows(IllegalArgumentException.class, () -> RemoteSettings.OFF.withPort(80));
        assertThrows(IllegalArgumentException.class, () -> RemoteSettings.OFF.withPin(0, "12345"));
    }
}
