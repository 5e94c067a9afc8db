package org.foldback.bridge;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JNA's library beside the jar is taken only when it is the very one JNA would unpack. */
class JnaStartTest {
    private static byte[] bundled() throws Exception {
        try (InputStream in = JnaStart.class.getResourceAsStream(JnaStart.RESOURCE)) {
            assertNotNull(in, "JNA's library for this platform is on the class path at " + JnaStart.RESOURCE);
            return in.readAllBytes();
        }
    }

    @Test
    void theBuildsCopyIsTaken(@TempDir Path dir) throws Exception {
        Path copy = Files.write(dir.resolve("libjnidispatch.so"), bundled());
        assertTrue(JnaStart.sameAsBundled(copy));
    }

    @Test
    void anotherVersionOrNoneIsPassedOver(@TempDir Path dir) throws Exception {
        byte[] other = bundled();
        other[other.length / 2] ^= 1;   // same size, another byte: another JNA build
        assertFalse(JnaStart.sameAsBundled(Files.write(dir.resolve("other.so"), other)));
        byte[] shorter = java.util.Arrays.copyOf(bundled(), 1000);
        assertFalse(JnaStart.sameAsBundled(Files.write(dir.resolve("short.so"), shorter)));
        assertFalse(JnaStart.sameAsBundled(dir.resolve("missing.so")));
    }
}
