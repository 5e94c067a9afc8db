package org.foldback.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.foldback.cli.wav.WavEncoding;
import org.foldback.cli.wav.WavWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeterCommandTest {
    static final List<String> KEYS = List.of("sample_peak_dbfs", "true_peak_dbtp", "rms_dbfs", "momentary_max_lufs",
            "short_term_max_lufs", "integrated_lufs", "loudness_range_lu", "correlation", "clips");

    @TempDir
    Path dir;

    Path write(String name, int rate, WavEncoding encoding, float[]... channels) throws IOException {
        Path p = dir.resolve(name);
        try (WavWriter w = WavWriter.create(p, rate, channels.length, encoding)) {
            w.write(channels, 0, channels[0].length);
        }
        return p;
    }

    static float[] sine(int rate, double hz, double dbfs, double seconds) {
        float[] x = new float[(int) (rate * seconds)];
        double a = Math.pow(10, dbfs / 20);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (a * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return x;
    }

    static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Commands.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    /** Parses the one-line object; checks it has exactly the documented keys, in order. */
    static Map<String, Double> json(String text) {
        String t = text.trim();
        assertTrue(t.startsWith("{") && t.endsWith("}") && t.lines().count() == 1, t);
        Matcher m = Pattern.compile("\"([a-z_]+)\": (null|-?[0-9]+(\\.[0-9]+)?)").matcher(t);
        Map<String, Double> map = new LinkedHashMap<>();
        int pairs = 0;
        while (m.find()) {
            map.put(m.group(1), m.group(2).equals("null") ? null : Double.valueOf(m.group(2)));
            pairs++;
        }
        assertEquals(KEYS, List.copyOf(map.keySet()));
        assertEquals(KEYS.size(), pairs);
        assertEquals(t.chars().filter(c -> c == ',').count(), KEYS.size() - 1, "no other content");
        return map;
    }

    /** EBU Tech 3341 case 1 as a file: stereo 1 kHz at -23 dBFS reads -23 LUFS. */
    @Test
    void jsonOfTheTech3341Tone() throws IOException {
        float[] x = sine(48000, 1000, -23, 20);
        Path p = write("tone.wav", 48000, WavEncoding.PCM24, x, x.clone());
        String[] r = run("meter", p.toString(), "--json");
        assertEquals("0", r[0], r[2]);
        Map<String, Double> j = json(r[1]);
        assertEquals(-23.0, j.get("integrated_lufs"), 0.1);
        assertEquals(-23.0, j.get("momentary_max_lufs"), 0.1);
        assertEquals(-23.0, j.get("short_term_max_lufs"), 0.1);
        assertEquals(0.0, j.get("loudness_range_lu"), 0.1);
        assertEquals(-23.0, j.get("sample_peak_dbfs"), 0.01);
        assertEquals(-23.0, j.get("true_peak_dbtp"), 0.05);
        assertEquals(-26.01, j.get("rms_dbfs"), 0.01);
        assertEquals(1.0, j.get("correlation"), 1e-3);
        assertEquals(0.0, j.get("clips"));
    }

    @Test
    void monoIsDualMonoAndClipsAreCounted() throws IOException {
        float[] x = sine(44100, 997, -6, 5);
        x[1000] = 1.0f;
        x[2000] = -1.25f;
        Path p = write("mono.wav", 44100, WavEncoding.FLOAT32, x);
        Map<String, Double> j = json(run("meter", "--json", p.toString())[1]);
        assertEquals(1.0, j.get("correlation"), 1e-3);
        assertEquals(2.0, j.get("clips"));
        assertEquals(20 * Math.log10(1.25), j.get("sample_peak_dbfs"), 0.01);
    }

    @Test
    void silenceGivesNulls() throws IOException {
        float[] x = new float[48000 * 4];
        Path p = write("s.wav", 48000, WavEncoding.FLOAT32, x, x);
        Map<String, Double> j = json(run("meter", p.toString(), "--json")[1]);
        for (String k : KEYS) {
            if (!k.equals("clips")) {
                assertNull(j.get(k), k);
            }
        }
        assertEquals(0.0, j.get("clips"));
    }

    @Test
    void readableTableWithoutJson() throws IOException {
        float[] x = sine(48000, 1000, -20, 4);
        String[] r = run("meter", write("t.wav", 48000, WavEncoding.FLOAT32, x, x).toString());
        assertEquals("0", r[0]);
        assertTrue(r[1].contains("integrated") && r[1].contains("LUFS") && r[1].contains("true peak"), r[1]);
    }

    @Test
    void badInputExitsWithTwo() throws IOException {
        Path garbage = dir.resolve("g.wav");
        Files.writeString(garbage, "definitely not a RIFF file");
        float[] x = new float[100];
        Path surround = write("3ch.wav", 48000, WavEncoding.FLOAT32, x, x, x);
        String[][] cases = {
            {"meter"},
            {"meter", dir.resolve("missing.wav").toString()},
            {"meter", garbage.toString()},
            {"meter", surround.toString()},
            {"meter", garbage.toString(), "--loud"},
        };
        for (String[] c : cases) {
            String[] r = run(c);
            assertEquals("2", r[0], String.join(" ", c));
            assertTrue(r[2].startsWith("foldback meter: "), r[2]);
        }
        assertTrue(run("meter", garbage.toString())[2].contains("not a WAV file"));
    }
}
