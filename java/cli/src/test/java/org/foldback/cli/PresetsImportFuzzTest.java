package org.foldback.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.foldback.state.HostileStates;
import org.foldback.state.StateCodec;
import org.foldback.state.StateFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: {@code foldback presets import} fed hostile blobs (mutations of the band preset and
 * of the fuzz corpus), in process. Each is imported (exit 0) exactly when the state reader takes
 * it, and then loads again; a refusal exits with code 2, leaves the preset folder as it was and
 * says why in one short line without control characters. native/tests/presets_import_fuzz.sh
 * runs a few through the real command line.
 */
class PresetsImportFuzzTest {
    @TempDir
    Path dir;

    @Test
    void hostileBlobsAreImportedOrRefusedCleanly() throws Exception {
        Path users = dir.resolve("user");
        Path band = dir.resolve("band.json");
        assertEquals(0, run(new ByteArrayOutputStream(), "presets", "export", "four-piece-band", band.toString(),
                "--user-dir", users.toString()));
        Random rnd = new Random(1919);
        List<byte[]> corpus = HostileStates.corpus(rnd, List.of(Files.readAllBytes(band)));
        int imported = 0;
        int refused = 0;
        for (int i = 0; i < 300; i++) {
            byte[] blob = HostileStates.mutate(rnd, corpus);
            Path file = dir.resolve("blob.json");
            Files.write(file, blob);
            boolean readable;
            try {
                StateCodec.decode(blob);
                readable = true;
            } catch (StateFormatException e) {
                readable = false;
            }
            List<String> before = listing(users);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int rc = run(err, "presets", "import", file.toString(), "fuzz-" + i, "--user-dir", users.toString());
            String message = err.toString(StandardCharsets.UTF_8);
            if (readable) {
                assertEquals(0, rc, "blob " + i + ": " + message);
                assertEquals(0, run(new ByteArrayOutputStream(), "presets", "show", "fuzz-" + i, "--user-dir", users.toString()));
                imported++;
            } else {
                assertEquals(2, rc, "blob " + i);
                assertEquals(before, listing(users), "blob " + i + " changed the preset folder");
                String line = message.strip();
                assertTrue(line.length() > 10 && line.length() < 1_000, "blob " + i + ": " + line.length() + " characters");
                assertTrue(line.codePoints().noneMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0xd800 && c <= 0xdfff)),
                        "blob " + i + ": control character in " + line);
                refused++;
            }
        }
        System.out.printf("presets import fuzz: 300 blobs, %d imported, %d refused%n", imported, refused);
        assertTrue(imported > 0 && refused > 0);
    }

    private static int run(ByteArrayOutputStream err, String... args) {
        return Commands.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static List<String> listing(Path users) throws Exception {
        if (!Files.isDirectory(users)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(users)) {
            return files.map(p -> p.getFileName() + ":" + p.toFile().length()).sorted().toList();
        }
    }
}
