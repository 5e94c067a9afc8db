package org.foldback.cli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes a jar holding {@link AllocationLoad} alone, with it as Premain-Class. */
final class AgentJar {
    private AgentJar() {}

    static Path write(Path dir) throws IOException {
        String entry = AllocationLoad.class.getName().replace('.', '/') + ".class";
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), AllocationLoad.class.getName());
        Path jar = dir.resolve("allocation-load-agent.jar");
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream bytes = AllocationLoad.class.getClassLoader().getResourceAsStream(entry)) {
            if (bytes == null) {
                throw new IOException("cannot read " + entry + " from the class path");
            }
            out.putNextEntry(new JarEntry(entry));
            bytes.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
