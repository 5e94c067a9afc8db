package org.foldback.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.foldback.cli.demo.DemoStems;
import org.foldback.cli.render.PluginRenderer;
import org.foldback.cli.render.RenderJob;
import org.foldback.cli.wav.WavEncoding;
import org.foldback.cli.wav.WavReader;
import org.foldback.cli.wav.WavWriter;
import org.foldback.state.PluginState;

/**
 * {@code foldback demo [--out DIR] [--via plugin|engine]}: the built-in session. Synthesizes the
 * band's stems, renders them with the four-piece-band preset through the real VST3 in the offline
 * host (or the engine), and prints each cue's meters.
 */
final class DemoCommand {
    static final String PRESET = "four-piece-band";

    private DemoCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path dir = Path.of("out", "demo");
        String via = "plugin";
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new UsageException(args[i] + " needs a value (usage: foldback demo [--out DIR] [--via plugin|engine])");
            }
            switch (args[i]) {
                case "--out": dir = Path.of(args[i + 1]); break;
                case "--via": via = args[i + 1]; break;
                default: throw new UsageException("unknown argument " + args[i]);
            }
        }
        try {
            List<Path> stems = writeStems(dir.resolve("stems"));
            PluginState state = RenderCommand.stateFrom(PRESET, List.of());
            RenderJob job = new RenderJob(stems, state, dir, 512);
            if (via.equals("engine")) {
                org.foldback.cli.render.EngineRenderer.render(job);
            } else if (PluginRenderer.render(job, false) != 0) {
                err.println("foldback demo: the offline host failed to render through the plugin");
                return 1;
            }
            printTable(dir, state, out);
            return 0;
        } catch (IOException e) {
            err.println("foldback demo: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static List<Path> writeStems(Path dir) throws IOException {
        Files.createDirectories(dir);
        float[][][] stems = DemoStems.render();
        List<Path> files = new ArrayList<>();
        for (int s = 0; s < stems.length; s++) {
            Path file = dir.resolve("src" + (s + 1) + "-" + DemoStems.NAMES[s] + ".wav");
            try (WavWriter w = WavWriter.create(file, DemoStems.SAMPLE_RATE, 2, WavEncoding.FLOAT32)) {
                w.write(stems[s], 0, stems[s][0].length);
            }
            files.add(file);
        }
        return files;
    }

    private static void printTable(Path dir, PluginState state, PrintStream out) throws IOException {
        out.printf(Locale.ROOT, "%nFoldback demo: preset '%s', cues in %s%n", PRESET, dir);
        out.printf(Locale.ROOT, "%-5s %-16s %9s %9s %9s %9s %9s %7s %6s%n",
                "cue", "name", "peak dBFS", "TP dBTP", "RMS dBFS", "M max", "I LUFS", "corr", "clips");
        for (int c = 1; c <= 8; c++) {
            Path file = dir.resolve("cue-" + c + ".wav");
            MeterCommand.Result r;
            try (WavReader reader = WavReader.open(file)) {
                r = MeterCommand.measure(reader);
            }
            out.printf(Locale.ROOT, "%-5d %-16s %9s %9s %9s %9s %9s %7s %6d%n", c, state.cueName(c - 1),
                    db(r.samplePeakDbfs()), db(r.truePeakDbtp()), db(r.rmsDbfs()), db(r.momentaryMaxLufs()),
                    db(r.integratedLufs()), Double.isFinite(r.correlation())
                            ? String.format(Locale.ROOT, "%.2f", r.correlation()) : "-", r.clips());
        }
    }

    private static String db(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : "-inf";
    }
}
