package org.foldback.state;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The factory presets' IDs and display names, written at build time from the preset files into
 * the jar ({@link #RESOURCE}), so that listing them (the host's program list, which every new
 * instance gives the host at creation) reads one small text instead of decoding every preset
 * through Jackson: that decoding was ~40 ms of the first instance's start (native/bench/
 * PERFORMANCE.md, "Session 9"). A preset is decoded only when it is loaded.
 *
 * <p>The build (java/state/pom.xml, phase process-classes) runs {@link #main} on the compiled
 * presets with the same decoder every load uses, and fails on a preset it cannot read;
 * FactoryNamesTest checks the packed list against decoding every preset.
 */
public final class FactoryNames {
    /** Where the list travels in the jar, beside the presets. */
    public static final String RESOURCE = "/presets/names.txt";

    /** One factory preset as the host lists it. */
    public record Preset(String id, String name) {}

    private FactoryNames() {}

    /**
     * The packed list, sorted by ID as {@link PresetLibrary#factoryList} sorts it; null when the
     * jar has none (classes run without the build's step), for the caller to decode instead.
     */
    public static List<Preset> read() {
        try (InputStream in = FactoryNames.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return null;
            }
            List<Preset> presets = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                int tab = line.indexOf('\t');
                if (line.startsWith("#") || tab < 0) {
                    continue;
                }
                presets.add(new Preset(line.substring(0, tab), unescape(line.substring(tab + 1))));
            }
            return List.copyOf(presets);
        } catch (IOException e) {
            return null;
        }
    }

    /** The list as decoding every factory preset on the classpath gives it; throws on one it cannot read. */
    public static List<Preset> decode() throws PresetException {
        PresetLibrary library = PresetLibrary.standard(null);   // only its factory side is read
        List<Preset> presets = new ArrayList<>();
        for (String id : PresetLibrary.classpathIds().stream().sorted().distinct().toList()) {
            presets.add(new Preset(id, library.factoryName(id)));
        }
        return presets;
    }

    /** Build time: {@code FactoryNames OUTPUT}, the list of the presets on the classpath. */
    public static void main(String[] args) throws IOException, PresetException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: FactoryNames OUTPUT");
        }
        StringBuilder text = new StringBuilder(
                "# Factory presets: ID, tab, display name (\\\\, \\t, \\n, \\r escaped). Generated at build time\n"
                + "# from the preset files by org.foldback.state.FactoryNames; not to be edited.\n");
        for (Preset p : decode()) {
            text.append(p.id()).append('\t').append(escape(p.name())).append('\n');
        }
        Path out = Paths.get(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
