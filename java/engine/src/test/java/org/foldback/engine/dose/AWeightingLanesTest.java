package org.foldback.engine.dose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.foldback.engine.meter.WeightingLanes;
import org.foldback.engine.simd.KWeightingKernel;
import org.foldback.engine.simd.Simd;
import org.junit.jupiter.api.Test;

/**
 * The cues' A-weighting side by side in vector lanes ({@link WeightingLanes} with three sections)
 * against each cue's own {@link AWeighting}: the same bits for every length from 1 to 256, and a
 * deferred {@link DoseBank} reads exactly as one that measures each cue at once (for blocks up to a
 * part; longer ones within rounding). In the engine's
 * run without the Vector API the bank's deferred tap must be the bank itself.
 */
class AWeightingLanesTest {
    private static final double RATE = 44100;
    private static final Random RANDOM = new Random(11);

    @Test
    void lanesHaveEachCueFiltersBits() {
        KWeightingKernel kernel = Simd.kernel(KWeightingKernel.class, "VectorKWeighting", null, WeightingLanes.CHUNK);
        if (kernel == null) {
            DoseBank bank = new DoseBank(3);
            assertSame(bank, bank.deferred(), Simd.describe());
            return;
        }
        int cues = kernel.lanes() + 3; // a whole group and part of one
        for (int n = 1; n <= 256; n++) {
            WeightingLanes lanes = new WeightingLanes(cues, kernel, 3);
            lanes.prepare(new AWeighting(RATE).sections);
            AWeighting[] alone = new AWeighting[cues];
            float[][] left = new float[cues][], right = new float[cues][];
            for (int c = 0; c < cues; c++) {
                alone[c] = new AWeighting(RATE);
                left[c] = noise(3 * n, c % 3 == 0 ? 1.2 : 0.2);
                right[c] = noise(3 * n, 0.3);
            }
            for (int from = 0; from < 3 * n; from += WeightingLanes.CHUNK) {
                int part = Math.min(WeightingLanes.CHUNK, 3 * n - from);
                for (int c = 0; c < cues; c++) {
                    if (c != 1) { // cue 1 not loaded: its lane filters silence, the others must not mind
                        lanes.load(c, left[c], right[c], from, part);
                    }
                }
                lanes.run(part);
                for (int c = 0; c < cues; c++) {
                    if (c == 1) {
                        continue;
                    }
                    String what = n + " samples, cue " + c + ", from " + from;
                    int half = part / 2;
                    double first = alone[c].sumOfSquares(left[c], right[c], from, half);
                    double rest = alone[c].sumOfSquares(left[c], right[c], from + half, part - half);
                    assertEquals(first, lanes.sumOfSquares(c, 0, half), 0.0, what);
                    assertEquals(rest, lanes.sumOfSquares(c, half, part - half), 0.0, what);
                }
            }
        }
    }

    @Test
    void deferredBankReadsAsTheImmediateOne() {
        compareBanks(new int[] {64, 1, 100, 128, 37, 127}, 0.0);
    }

    /**
     * Blocks longer than a part ({@link WeightingLanes#CHUNK}) are weighed in parts, and each
     * part's sum is added on its own: the level may differ in the last bits from one sum over the
     * block (as the meters' deferred K-weighting).
     */
    @Test
    void longBlocksReadAsTheImmediateOneWithinRounding() {
        compareBanks(new int[] {300, 4096, 129, 64}, 1e-12);
    }

    private static void compareBanks(int[] sizes, double relative) {
        int cues = 8;
        DoseBank now = new DoseBank(cues), later = new DoseBank(cues);
        now.prepare(RATE);
        later.prepare(RATE);
        // The lanes exist wherever the kernel does, even after a fall-back (Simd.fallBack).
        if (Simd.kernel(KWeightingKernel.class, "VectorKWeighting", null, WeightingLanes.CHUNK) == null) {
            assertSame(later, later.deferred(), Simd.describe());
        } else {
            assertNotSame(later, later.deferred(), Simd.describe());
        }
        for (int c = 0; c < cues; c++) {
            double cal = c == 2 ? Double.NaN : 90 + c; // cue 2 uncalibrated: not weighed
            now.setCalibration(c, cal);
            later.setCalibration(c, cal);
        }
        float[][] left = new float[cues][], right = new float[cues][];
        int done = 0;
        for (int b = 0; done < 3 * RATE; b++) {
            int n = sizes[b % sizes.length];
            for (int c = 0; c < cues; c++) {
                left[c] = noise(n, 0.1 * (c + 1));
                right[c] = noise(n, 0.05 * (c + 1));
                now.accept(c, left[c], right[c], n);
                later.deferred().accept(c, left[c], right[c], n);
            }
            later.endBlock();
            if (b == 40) {
                now.setCalibration(5, 100); // restarts cue 5's second and its filter
                later.setCalibration(5, 100);
            }
            done += n;
        }
        DoseReading a = new DoseReading(), z = new DoseReading();
        for (int c = 0; c < cues; c++) {
            now.read(c, a);
            later.read(c, z);
            assertEquals(a.calibratedSeconds, z.calibratedSeconds, "cue " + c);
            assertEquals(a.uncalibratedSeconds, z.uncalibratedSeconds, "cue " + c);
            close(a.dose, z.dose, relative, "cue " + c + " dose");
            close(a.laeqDbfs, z.laeqDbfs, relative, "cue " + c + " LAeq");
        }
        now.read(0, a);
        assertTrue(a.calibratedSeconds >= 2, "seconds measured: " + a.calibratedSeconds);
    }

    /** The same bits, or (relative > 0) within that share. */
    private static void close(double expected, double actual, double relative, String what) {
        if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(actual)) {
            assertTrue(relative > 0, what + ": " + expected + " vs " + actual);
            assertEquals(expected, actual, relative * Math.abs(expected), what);
        }
    }

    private static float[] noise(int n, double rms) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (RANDOM.nextGaussian() * rms);
        }
        return x;
    }
}
