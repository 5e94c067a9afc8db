package org.foldback.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An LV2 state directory (state.ttl) that jalv loads with {@code -l DIR}, holding Foldback's own
 * state. JUCE's LV2 wrapper keeps a plugin's state as one atom:String property, PLUGIN_URI
 * + ":StateString", in JUCE's MemoryBlock base64 ("SIZE." then 6-bit groups, least significant
 * bit first, alphabet {@code .A-Za-z0-9+}), which this writes.
 */
final class Lv2State {
    private static final String ALPHABET = ".ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+";

    private Lv2State() {}

    static Path write(Path dir, String pluginUri, byte[] pluginState) throws IOException {
        Files.createDirectories(dir);
        String ttl = "@prefix lv2: <http://lv2plug.in/ns/lv2core#> .\n"
                + "@prefix pset: <http://lv2plug.in/ns/ext/presets#> .\n"
                + "@prefix state: <http://lv2plug.in/ns/ext/state#> .\n\n"
                + "<>\n\ta pset:Preset ;\n\tlv2:appliesTo <" + pluginUri + "> ;\n"
                + "\tstate:state [\n\t\t<" + pluginUri + ":StateString> \"" + juceBase64(pluginState) + "\"\n\t] .\n";
        Files.writeString(dir.resolve("state.ttl"), ttl);
        Files.writeString(dir.resolve("manifest.ttl"), "@prefix lv2: <http://lv2plug.in/ns/lv2core#> .\n"
                + "@prefix pset: <http://lv2plug.in/ns/ext/presets#> .\n"
                + "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n\n"
                + "<state.ttl>\n\ta pset:Preset ;\n\tlv2:appliesTo <" + pluginUri + "> ;\n"
                + "\trdfs:seeAlso <state.ttl> .\n");
        return dir;
    }

    static String juceBase64(byte[] data) {
        long bits = (long) data.length * 8;
        int chars = (int) ((bits + 5) / 6);
        StringBuilder sb = new StringBuilder().append(data.length).append('.');
        for (int i = 0; i < chars; i++) {
            int value = 0;
            for (int b = 0; b < 6; b++) {
                long bit = (long) i * 6 + b;
                if (bit < bits && ((data[(int) (bit >> 3)] >> (bit & 7)) & 1) != 0) {
                    value |= 1 << b;
                }
            }
            sb.append(ALPHABET.charAt(value));
        }
        return sb.toString();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
