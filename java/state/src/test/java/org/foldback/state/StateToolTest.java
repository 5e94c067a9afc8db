package org.foldback.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateToolTest {
    @TempDir
    Path dir;

    @Test
    void normalizeKeepsOurBytesAndDumpShowsFloatBits() throws Exception {
        Path in = dir.resolve("in.json");
        Path out = dir.resolve("out.json");
        byte[] blob = StateCodec.encode(RandomStates.random(new Random(9)));
        Files.write(in, blob);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(text, true, StandardCharsets.UTF_8);
        assertEquals(0, StateTool.run(new String[] {"normalize", in.toString(), out.toString()}, ps, ps));
        assertArrayEquals(blob, Files.readAllBytes(out));
        assertEquals(0, StateTool.run(new String[] {"dump", in.toString()}, ps, ps));
        assertTrue(text.toString(StandardCharsets.UTF_8).contains("A cue1.level "));
        Files.write(in, new byte[] {'{'});
        assertEquals(1, StateTool.run(new String[] {"check", in.toString()}, ps, ps));
        assertEquals(2, StateTool.run(new String[] {"check"}, ps, ps));
    }
}
