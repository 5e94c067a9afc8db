package org.foldback.engine.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
import org.foldback.engine.simd.KWeightingKernel;
import org.foldback.engine.simd.Simd;
import org.junit.jupiter.api.Test;

/**
 * The meters' loops in whichever form this JVM runs ({@link Simd}: the engine's tests run once
 * without and once with the Vector API), against the same figures computed plainly in double, for
 * every stretch length from 1 to a chunk, so whole vectors, partial ones and their joins are all
 * covered.
 */
class KernelsTest {
    private static final Random RANDOM = new Random(7);
    /** Not 48 kHz, where the high-pass's numerator is exactly [1, -2, 1]. */
    private static final double RATE = 44100;

    @Test
    void theFormIsTheOneTheSwitchSays() {
        assertEquals(Simd.on(), TruePeakInterpolator.vectorised(), Simd.describe());
        assertEquals(Simd.on(), BusMeter.vectorised(), Simd.describe());
    }

    /**
     * Every test JVM is started with the plugin's options (the root pom's argLine), Simd.JVM_OPTIONS
     * among them; the engine pom's `plain-loops` run switches the kernels off with
     * -Dfoldback.simd=off, not by leaving an option out.
     */
    @Test
    void aJvmWithTheModuleHasEveryKernelOption() {
        java.util.List<String> args = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        boolean module = ModuleLayer.boot().findModule(Simd.MODULE).isPresent();
        for (String option : Simd.JVM_OPTIONS) {
            assertEquals(module, args.contains(option), option + " in " + args);
        }
    }

    @Test
    void truePeakMatchesTheFilterInDouble() {
        int taps = TruePeakInterpolator.TAPS;
        for (int m = 1; m <= TruePeakInterpolator.CHUNK; m++) {
            float[] x = noise(m + taps, m % 3 == 0 ? 1.5 : 0.3);
            TruePeakInterpolator tp = new TruePeakInterpolator();
            tp.process(x, 0, taps, 0f); // history
            float got = tp.process(x, taps, m, 0f);
            double expected = 0;
            for (int i = taps; i < taps + m; i++) {
                expected = Math.max(expected, Math.abs(x[i]));
                for (int p = 1; p < TruePeakInterpolator.FACTOR; p++) {
                    double y = 0;
                    for (int k = 0; k < taps; k++) {
                        y += (double) TruePeakInterpolator.PHASES[p][k] * x[i - k];
                    }
                    expected = Math.max(expected, Math.abs(y));
                }
            }
            assertEquals(expected, got, 1e-6 * Math.max(1, expected), "stretch of " + m);
        }
    }

    @Test
    void levelsMatchPeakClipsAndSquaresInDouble() {
        MeterReading reading = new MeterReading();
        for (int n = 1; n <= 200; n++) {
            float[] left = noise(n, n % 4 == 0 ? 0.6 : 0.2);
            float[] right = noise(n, 0.1);
            if (n % 5 == 0) {
                left[n / 2] = -1f; // exactly full scale counts as a clip
            }
            double peak = 0, squares = 0;
            long clips = 0;
            for (float s : left) {
                peak = Math.max(peak, Math.abs(s));
                squares += (double) s * s;
                clips += Math.abs(s) >= 1f ? 1 : 0;
            }
            BusMeter meter = new BusMeter();
            meter.prepare(48000);
            meter.demand(MeterDemand.ALWAYS);
            meter.accept(left, right, n);
            meter.readInto(reading);
            String what = n + " samples";
            assertEquals(Levels.toDb(peak), reading.samplePeakMaxDbfs[0], 0.0, what);
            assertEquals(Levels.powerToDb(squares / n), reading.runRmsDbfs[0], 1e-9, what);
            assertEquals(clips, reading.clipCount[0], what);
        }
    }

    @Test
    void kWeightingInLanesHasEachBusFiltersBits() {
        KWeightingKernel kernel = Simd.kernel(KWeightingKernel.class, "VectorKWeighting", null, WeightingLanes.CHUNK);
        MeterBank bank = new MeterBank(3);
        if (kernel == null) {
            // Without the Vector API the bank's deferred tap is the bank: every bus filters its own.
            assertSame(bank, bank.deferred(), Simd.describe());
            return;
        }
        assertNotSame(bank, bank.deferred(), Simd.describe());
        int buses = kernel.lanes() + 3; // a group and a part of one: lanes beyond the buses stand empty
        for (int n = 1; n <= 256; n++) {
            WeightingLanes lanes = new WeightingLanes(buses, kernel, 2);
            lanes.prepare(KWeighting.shelfCoefficients(RATE), KWeighting.highpassCoefficients(RATE));
            KWeighting[] alone = new KWeighting[buses];
            double[][][] direct = new double[buses][2][8];
            float[][] left = new float[buses][], right = new float[buses][];
            for (int b = 0; b < buses; b++) {
                alone[b] = new KWeighting(RATE);
                left[b] = noise(3 * n, b % 3 == 0 ? 1.2 : 0.2);
                right[b] = noise(3 * n, 0.3);
            }
            // Three blocks of n, so the state carries over; in parts of at most CHUNK, as the bank does.
            for (int from = 0; from < 3 * n; from += WeightingLanes.CHUNK) {
                int part = Math.min(WeightingLanes.CHUNK, 3 * n - from);
                for (int b = 0; b < buses; b++) {
                    if (b != 1) { // bus 1 is not loaded: its lane filters silence, the others must not mind
                        lanes.load(b, left[b], right[b], from, part);
                    }
                }
                lanes.run(part);
                for (int b = 0; b < buses; b++) {
                    if (b == 1) {
                        continue;
                    }
                    String what = n + " samples, bus " + b + ", from " + from;
                    int half = part / 2;
                    double first = alone[b].sumOfSquares(left[b], right[b], from, half);
                    double rest = alone[b].sumOfSquares(left[b], right[b], from + half, part - half);
                    assertEquals(first, lanes.sumOfSquares(b, 0, half), 0.0, what);
                    assertEquals(rest, lanes.sumOfSquares(b, half, part - half), 0.0, what);
                    double expected = reference(direct[b], left[b], right[b], from, part);
                    assertEquals(expected, lanes.sumOfSquares(b, 0, part), 1e-9 * expected, what);
                }
            }
        }
    }

    /**
     * K-weighted squares of both channels in double, from the two stages' difference equations in
     * direct form I (another form than KWeighting's transposed form II): state[c] holds channel
     * c's x[n-1], x[n-2], y[n-1], y[n-2] of the shelf, then of the high-pass.
     */
    private static double reference(double[][] state, float[] l, float[] r, int from, int count) {
        double[] shelf = KWeighting.shelfCoefficients(RATE), highpass = KWeighting.highpassCoefficients(RATE);
        double sum = 0;
        for (int i = from; i < from + count; i++) {
            for (int c = 0; c < 2; c++) {
                double[] z = state[c];
                double x = c == 0 ? l[i] : r[i];
                double y = shelf[0] * x + shelf[1] * z[0] + shelf[2] * z[1] - shelf[3] * z[2] - shelf[4] * z[3];
                double k = highpass[0] * y + highpass[1] * z[4] + highpass[2] * z[5] - highpass[3] * z[6] - highpass[4] * z[7];
                z[1] = z[0];
                z[0] = x;
                z[3] = z[2];
                z[2] = y;
                z[5] = z[4];
                z[4] = y;
                z[7] = z[6];
                z[6] = k;
                sum += k * k;
            }
        }
        return sum;
    }

    private static float[] noise(int n, double rms) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (RANDOM.nextGaussian() * rms);
        }
        return x;
    }
}
