package org.foldback.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.foldback.engine.param.Params;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresetLibraryTest {
    /** The repository's presets/ folder (tests run in java/state). */
    static final Path FACTORY = Paths.get("../../presets");
    static final List<String> FACTORY_IDS = List.of("drummer-loud-click", "four-piece-band", "mono-check",
            "podcast-three-hosts", "singer-and-control-room", "vocal-booth");

    @TempDir
    Path home;

    @Test
    void everyFactoryPresetParsesWithNameDescriptionAndKnownIdsOnly() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(FACTORY)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
        assertEquals(FACTORY_IDS, files.stream().map(p -> p.getFileName().toString().replace(".json", ""))
                .collect(Collectors.toList()));
        for (Path f : files) {
            Decoded d = StateCodec.decodePreset(Files.readAllBytes(f));
            assertEquals(List.of(), d.warnings(), f.toString());
            assertFalse(d.name().isBlank(), f + " has a name");
            assertFalse(d.state().sourceName(0).equals(PluginState.defaultSourceName(0)), f + " names its sources");
            assertTrue(d.description().length() > 40 && d.description().contains("src1"),
                    f + " describes its source assignment");
            assertFalse(d.state().hasUnknownData(), f + " uses only known keys and IDs");
            JsonNode params = Json.readObject(Files.readAllBytes(f), f.toString()).get("params");
            for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
                String id = it.next().getKey();
                assertTrue(Params.byId(id) != null, f + ": unknown ID " + id);
            }
        }
        List<String> index = PresetLibrary.classpathIds();
        assertEquals(FACTORY_IDS, index, "presets/index.txt lists every factory preset");
    }

    @Test
    void factoryPresetsMeanWhatTheySay() throws Exception {
        PresetLibrary lib = new PresetLibrary(FACTORY, home.resolve("user"), null);
        PluginState band = lib.resolve("four-piece-band");
        assertEquals(List.of("Drums", "Bass", "Guitar", "Vocals"), band.cueNames().subList(0, 4));
        assertEquals(0f, band.params().get("cue4.src5.level"), "the singer hears the vocal stem");
        assertEquals(-6f, band.params().get("cue4.src1.level"));
        assertEquals(6f, band.params().get("click.source"), "click on Src 6");
        PluginState mono = lib.resolve("mono-check");
        assertEquals(Params.byId("cue4.mono").choices().indexOf("Side"), (int) mono.params().get("cue4.mono"));
        assertEquals(-20, lib.resolve("podcast-three-hosts").meterReferenceDbfs());
        PluginState drummer = lib.resolve("drummer-loud-click");
        assertTrue(drummer.params().get("cue1.src2.level") > drummer.params().get("cue1.src1.level"));
    }

    @Test
    void listsFactoryPresetsFromTheDirectoryAndFromTheClasspath() throws Exception {
        for (PresetLibrary lib : List.of(new PresetLibrary(FACTORY, home.resolve("u"), null),
                new PresetLibrary(null, home.resolve("u"), null))) {
            List<PresetLibrary.Entry> list = lib.list();
            assertEquals(FACTORY_IDS, list.stream().map(PresetLibrary.Entry::id).collect(Collectors.toList()));
            assertTrue(list.stream().allMatch(e -> e.source() == PresetLibrary.Source.FACTORY));
            assertEquals("Four-piece band", list.get(1).name());
        }
    }

    @Test
    void userPresetsSaveLoadRenameDeleteImportExport() throws Exception {
        List<String> warnings = new ArrayList<>();
        Path userDir = home.resolve("xdg/foldback/presets");
        PresetLibrary lib = new PresetLibrary(FACTORY, userDir, warnings::add);
        PluginState s = new PluginState();
        s.params().set("cue1.level", -7.25f);
        s.setCueName(0, "Bühne");

        lib.save("My Band", "for Friday", s);
        assertTrue(Files.isRegularFile(userDir.resolve("My Band.json")));
        Decoded d = lib.load("My Band");
        assertEquals("My Band", d.name());
        assertEquals("for Friday", d.description());
        assertEquals(-7.25f, d.state().params().get("cue1.level"));
        assertEquals("Bühne", d.state().cueName(0));
        assertEquals(FACTORY_IDS.size() + 1, lib.list().size());
        assertEquals(PresetLibrary.Source.USER, lib.list().get(FACTORY_IDS.size()).source());

        lib.rename("My Band", "Friday");
        assertFalse(lib.exists("My Band"));
        assertEquals("Friday", lib.load("Friday").name());

        Path exported = home.resolve("out/friday.json");
        lib.exportTo("Friday", exported);
        lib.delete("Friday");
        assertFalse(lib.exists("Friday"));
        assertEquals("friday", lib.importFrom(exported, null));
        assertEquals(-7.25f, lib.resolve("friday").params().get("cue1.level"));
        assertEquals(-7.25f, lib.resolve(exported.toString()).params().get("cue1.level"));

        // A plain state file imports too.
        Path stateFile = home.resolve("state.json");
        Files.write(stateFile, StateCodec.encode(s));
        assertEquals("from-plugin", lib.importFrom(stateFile, "from-plugin"));

        // No temporary files left behind.
        try (Stream<Path> files = Files.list(userDir)) {
            assertEquals(List.of("friday.json", "from-plugin.json"),
                    files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
        }
        assertEquals(List.of(), warnings);
    }

    @Test
    void badNamesAndFactoryPresetsAreRefused() throws Exception {
        PresetLibrary lib = new PresetLibrary(FACTORY, home.resolve("u"), null);
        for (String bad : new String[] {"", "..", "../etc/passwd", "a/b", "a\\b", ".hidden", "x.", "con\u0000",
                " lead", "x".repeat(65)}) {
            assertThrows(PresetException.class, () -> lib.save(bad, "", new PluginState()), bad);
            assertThrows(PresetException.class, () -> lib.load(bad), bad);
        }
        assertThrows(PresetException.class, () -> lib.save("mono-check", "", new PluginState()));
        assertThrows(PresetException.class, () -> lib.delete("mono-check"));
        assertThrows(PresetException.class, () -> lib.rename("mono-check", "mine"));
        PresetException e = assertThrows(PresetException.class, () -> lib.load("nothing-here"));
        assertTrue(e.getMessage().contains("no preset named 'nothing-here'"), e.getMessage());
        lib.save("taken", "", new PluginState());
        lib.save("other", "", new PluginState());
        assertThrows(PresetException.class, () -> lib.rename("other", "taken"));
        Path garbage = home.resolve("garbage.json");
        Files.write(garbage, "{\"format\":".getBytes(StandardCharsets.UTF_8));
        assertThrows(PresetException.class, () -> lib.importFrom(garbage, null));
    }

    @Test
    void userDirectoryFollowsXdg() {
        assertEquals(Paths.get("/data/foldback/presets"),
                PresetLibrary.defaultUserDir(Map.of("XDG_DATA_HOME", "/data"), "/home/u"));
        assertEquals(Paths.get("/home/u/.local/share/foldback/presets"),
                PresetLibrary.defaultUserDir(Map.of(), "/home/u"));
        assertEquals(Paths.get("/home/u/.local/share/foldback/presets"),
                PresetLibrary.defaultUserDir(Map.of("XDG_DATA_HOME", "relative"), "/home/u"));
    }
}
