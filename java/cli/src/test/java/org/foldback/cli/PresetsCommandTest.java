package org.foldback.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.foldback.state.PluginState;
import org.foldback.state.StateCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresetsCommandTest {
    @TempDir
    Path dir;

    private String run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--user-dir";
        all[args.length + 1] = dir.resolve("user").toString();
        assertEquals(0, PresetsCommand.run(all, new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listShowsTheFactoryPresetsFromTheJar() {
        String list = run("list");
        for (String id : new String[] {"four-piece-band", "singer-and-control-room", "drummer-loud-click",
                "mono-check", "podcast-three-hosts", "vocal-booth"}) {
            assertTrue(list.contains("factory  " + id), list);
        }
        String show = run("show", "four-piece-band");
        assertTrue(show.startsWith("Four-piece band\n"), show);
        assertTrue(show.contains("cues: Drums, Bass, Guitar, Vocals, Cue 5"), show);
        assertTrue(show.contains("cue1.src6.level") && show.contains("-3.0 dB"), show);
        assertTrue(show.contains("sources: 1 Main mix (#e8a33d), 2 Drums (#4fa3e0), 3 Bass"), show);
        assertTrue(show.contains("7 Talkback (#e0d25a), 8-16 unnamed"), show);
        assertTrue(show.contains("me: Drums = Drums; Bass = Bass; Guitar = Guitar; Vocals = Lead vocal"), show);
    }

    @Test
    void aSessionsPinsNeverReachCommandOutputOrSavedPresets() throws Exception {
        PluginState s = new PluginState();
        s.setSourceName(0, "Vox");
        s.setRemote(org.foldback.state.RemoteSettings.OFF.withEnabled(true).withPins());
        Path state = dir.resolve("session.json");
        Files.write(state, StateCodec.encode(s));
        String saved = run("save", "with-remote", "--from", state.toString());
        String shown = run("show", "with-remote");
        Path exported = dir.resolve("exported.json");
        run("export", "with-remote", exported.toString());
        String files = Files.readString(dir.resolve("user/with-remote.json")) + Files.readString(exported);
        assertTrue(shown.contains("sources: 1 Vox"), shown);
        for (int c = 0; c < PluginState.CUE_COUNT; c++) {
            String pin = s.remote().pin(c);
            assertTrue(!saved.contains(pin) && !shown.contains(pin) && !files.contains(pin), "cue " + (c + 1));
        }
        assertTrue(!files.contains("web_remote"), files);
    }

    @Test
    void paramsNamesEachSourceOfAPreset() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertEquals(0, ParamsCommand.run(new String[] {"--preset", "four-piece-band"},
                new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("sources: 1 Main mix"), out.substring(0, 80));
        assertTrue(out.matches("(?s).*cue1\\.src2\\.level +[^\\n]*\\[Drums\\].*"), "send named by its source");
    }

    @Test
    void aSingersCueMovesToAnotherSongOnAnotherCue() throws Exception {
        // The four-piece band's vocal cue (cue 4) goes onto cue 2 of the singer session.
        Path cue = dir.resolve("vocals-cue.json");
        run("cue-export", "four-piece-band", "--cue", "4", cue.toString());
        Path out = dir.resolve("session.json");
        run("cue-import", cue.toString(), "--into", "singer-and-control-room", "--cue", "2", "--out", out.toString());

        PluginState band = StateCodec.decode(Files.readAllBytes(Path.of(writeState("four-piece-band")))).state();
        PluginState session = StateCodec.decode(Files.readAllBytes(out)).state();
        assertEquals("Vocals", session.cueName(1));
        for (org.foldback.engine.param.ParamSpec p : org.foldback.engine.param.Params.TABLE) {
            String id = p.id();
            if (id.startsWith("cue4.")) {
                int other = org.foldback.engine.param.Params.byId("cue2." + id.substring(5)).index();
                assertEquals(Float.floatToRawIntBits(band.params().get(p.index())),
                        Float.floatToRawIntBits(session.params().get(other)), id);
            }
        }
        assertThrows(UsageException.class, () -> PresetsCommand.run(new String[] {"cue-export", "mono-check",
                "--cue", "9", cue.toString()}, new PrintStream(new ByteArrayOutputStream())));
    }

    private String writeState(String preset) {
        Path state = dir.resolve(preset + "-state.json");
        run("load", preset, "--out", state.toString());
        return state.toString();
    }

    @Test
    void loadSaveExportImportRenameDelete() throws Exception {
        Path state = dir.resolve("band-state.json");
        run("load", "four-piece-band", "--out", state.toString());
        PluginState s = StateCodec.decode(Files.readAllBytes(state)).state();
        assertEquals("Vocals", s.cueName(3));

        assertTrue(run("save", "Live set", "--from", state.toString(), "--description", "Friday").contains("saved"));
        assertTrue(run("list").contains("user     Live set"));
        run("rename", "Live set", "Friday");
        Path exported = dir.resolve("friday.json");
        run("export", "Friday", exported.toString());
        run("delete", "Friday");
        run("import", exported.toString(), "Back");
        assertTrue(run("show", "Back").contains("Friday"), "description kept");
        assertTrue(!run("list").contains("Friday"));
    }

    @Test
    void badInputIsAUsageError() {
        assertThrows(UsageException.class, () -> PresetsCommand.run(new String[0], System.out));
        assertThrows(UsageException.class, () -> run("show", "../../etc/passwd"));
        assertThrows(UsageException.class, () -> run("show", "no-such-preset"));
        assertThrows(UsageException.class, () -> run("delete", "mono-check"));
        assertThrows(UsageException.class, () -> run("load", "mono-check"));
        assertThrows(UsageException.class, () -> run("frobnicate"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Commands.run(new String[] {"presets", "show", "nope", "--user-dir", dir.toString()},
                System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no preset named 'nope'"));
    }
}
