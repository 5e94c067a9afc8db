package org.foldback.bridge;

import com.sun.jna.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Arrays;

/**
 * Lets JNA load its native library from beside our jar instead of unpacking it, before JNA
 * starts (its first use, {@link ShimCalls#bind}: the first call into the shim, not the instance's start).
 *
 * <p>Left alone, JNA copies {@code libjnidispatch.so} out of the jar into a temporary file at every
 * JVM start, loads it and deletes it: 79-128 ms of the first instance on the 2-core build machine
 * (native/bench/PERFORMANCE.md, "Session 7: instance start"). The build puts a copy beside the jar
 * (CMake, package.sh); JNA takes it through {@code jna.boot.library.path}. JNA refuses a library of
 * another JNA version with an Error, so the copy is used only when its bytes are the very ones in
 * the jar: a stale copy (a new jar over an old installation) is passed over, and JNA unpacks as
 * before.
 */
final class JnaStart {
    /** Where JNA keeps its library for this platform, inside its jar (and so ours). */
    static final String RESOURCE = "/com/sun/jna/" + Platform.RESOURCE_PREFIX + "/" + System.mapLibraryName("jnidispatch");

    private static boolean done;

    private JnaStart() {}

    /** Once, before JNA's first use. Does nothing when someone chose JNA's library path already. */
    static synchronized void prepare() {
        if (done) {
            return;
        }
        done = true;
        if (System.getProperty("jna.boot.library.path") != null) {
            return;
        }
        Path copy = besideJar();
        if (copy == null || !Files.isRegularFile(copy)) {
            BridgeLog.line("JNA unpacks its library: none beside the jar" + (copy == null ? "" : " (" + copy + ")"));
        } else if (sameAsBundled(copy)) {
            System.setProperty("jna.boot.library.path", copy.getParent().toString());
            BridgeLog.line("JNA loads its library from " + copy);
        } else {
            BridgeLog.line("JNA unpacks its library: " + copy + " is not the one in the jar (another JNA version)");
        }
    }

    /** The copy beside the jar this class came from (through links), or null. */
    static Path besideJar() {
        try {
            CodeSource source = JnaStart.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return null;
            }
            Path jar = Path.of(source.getLocation().toURI()).toRealPath();
            return Files.isRegularFile(jar) ? jar.resolveSibling(System.mapLibraryName("jnidispatch")) : null;
        } catch (IOException | URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    /** Whether {@code copy} holds exactly the library JNA would unpack from the jar. */
    static boolean sameAsBundled(Path copy) {
        try (InputStream bundled = JnaStart.class.getResourceAsStream(RESOURCE)) {
            return bundled != null && Files.isRegularFile(copy)
                    && Arrays.equals(bundled.readAllBytes(), Files.readAllBytes(copy));
        } catch (IOException e) {
            return false;
        }
    }
}
