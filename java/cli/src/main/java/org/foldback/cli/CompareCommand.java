package org.foldback.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.foldback.cli.wav.WavReader;

/**
 * {@code foldback compare A.wav B.wav [--tolerance X]}: the largest sample difference between two
 * files. Exit 0 when it is at most X (default 0: bit-identical floats), 1 when not, 2 on bad input.
 */
final class CompareCommand {
    private CompareCommand() {}

    static int run(String[] args, PrintStream out) {
        if (args.length != 2 && !(args.length == 4 && args[2].equals("--tolerance"))) {
            throw new UsageException("usage: foldback compare A.wav B.wav [--tolerance X]");
        }
        double tolerance = args.length == 4 ? Double.parseDouble(args[3]) : 0.0;
        float[][] a, b;
        try {
            a = WavReader.readAll(Path.of(args[0]));
            b = WavReader.readAll(Path.of(args[1]));
        } catch (IOException e) {
            throw new UsageException(e.getMessage(), e);
        }
        if (a.length != b.length || a[0].length != b[0].length) {
            out.printf(Locale.ROOT, "differ in shape: %d ch x %d frames vs %d ch x %d frames%n",
                    a.length, a[0].length, b.length, b[0].length);
            return 1;
        }
        double maxDiff = 0;
        long differing = 0;
        for (int c = 0; c < a.length; c++) {
            for (int i = 0; i < a[c].length; i++) {
                double d = Math.abs((double) a[c][i] - b[c][i]);
                if (Float.floatToRawIntBits(a[c][i]) != Float.floatToRawIntBits(b[c][i])) {
                    differing++;
                }
                maxDiff = Math.max(maxDiff, d);
            }
        }
        out.printf(Locale.ROOT, "max_abs_diff=%.9g differing_samples=%d frames=%d%n", maxDiff, differing, a[0].length);
        return maxDiff <= tolerance ? 0 : 1;
    }
}
