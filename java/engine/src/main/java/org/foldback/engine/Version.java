package org.foldback.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Foldback's version. It is written once, in the root pom ({@code <revision>}); Maven copies it into
 * {@code foldback-version.properties} beside this class, and CMake reads the same pom for the
 * plugins' own metadata, so the jar and the plugin binaries of one build say the same number.
 */
public final class Version {
    private static final String NUMBER = load();

    private Version() {}

    /** The version, e.g. "0.1.0"; "unknown" only when the resource is missing (a broken build). */
    public static String number() {
        return NUMBER;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("foldback-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
