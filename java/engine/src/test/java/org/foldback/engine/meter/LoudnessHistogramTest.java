package org.foldback.engine.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LoudnessHistogramTest {
    /** The incremental gate follows any path of levels and gives what a full scan gives. */
    @Test
    void incrementalGatingMatchesAFullScan() {
        Random random = new Random(3);
        LoudnessHistogram h = new LoudnessHistogram();
        for (int run = 0; run < 3; run++) {
            h.reset();
            double level = -30;
            for (int i = 0; i < 20_000; i++) {
                // A random walk with occasional jumps, silence and overloads.
                level += random.nextGaussian() * 0.5;
                if (random.nextInt(500) == 0) {
                    level = -80 + 95 * random.nextDouble();
                }
                h.add(Math.pow(10, (level + 0.691) / 10));
                double incremental = h.gatedLoudness(-10);
                double scan = h.gatedLoudnessByScan(-10);
                assertEquals(scan, incremental, 1e-9, "block " + i);
            }
        }
    }

    /** BS.1770-4 gating by hand: blocks at -20 and -40 LUFS; -40 lies below the relative gate. */
    @Test
    void relativeGateDropsQuietBlocks() {
        LoudnessHistogram h = new LoudnessHistogram();
        double loud = Math.pow(10, (-20 + 0.691) / 10), quiet = Math.pow(10, (-40 + 0.691) / 10);
        for (int i = 0; i < 10; i++) {
            h.add(loud);
            h.add(quiet);
            h.add(Math.pow(10, (-75 + 0.691) / 10)); // below the absolute gate: ignored
        }
        assertEquals(-20.0, h.gatedLoudness(-10), 1e-9);
    }
}
