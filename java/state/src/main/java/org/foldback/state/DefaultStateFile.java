package org.foldback.state;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * A new instance's state as the writer writes it, made at build time into the jar
 * ({@link #RESOURCE}): every host asks for a new instance's state right after creating it, and
 * writing it in a cold JVM (Jackson's generator and pretty printer loaded and run for the first
 * time, 569 floats formatted) was ~20 ms of the first instance's start (native/bench/
 * PERFORMANCE.md, "Session 10"). The build (java/state/pom.xml, phase process-classes) runs
 * {@link #main} with the writer every save uses; WrittenStateTest checks the packed bytes against
 * writing the default state now.
 */
public final class DefaultStateFile {
    /** Where the bytes travel in the jar, beside the state classes. */
    static final String RESOURCE = "default-state.json";

    private DefaultStateFile() {}

    /** The packed bytes, or null when the jar has none (classes run without the build's step). */
    static byte[] read() {
        try (InputStream in = DefaultStateFile.class.getResourceAsStream(RESOURCE)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    /** The default state's bytes: the packed ones, else written now. */
    static byte[] bytes() {
        byte[] packed = read();
        return packed != null ? packed : StateWriter.write(StateCodec.STATE_FORMAT, null, null, new PluginState());
    }

    /** Build time: {@code DefaultStateFile OUTPUT}, the default state as the writer writes it. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: DefaultStateFile OUTPUT");
        }
        Path out = Paths.get(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, StateWriter.write(StateCodec.STATE_FORMAT, null, null, new PluginState()));
    }
}
