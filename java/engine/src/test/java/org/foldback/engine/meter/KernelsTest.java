package org.foldback.engine.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
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

    @Test
    void theFormIsTheOneTheSwitchSays() {
        assertEquals(Simd.on(), TruePeakInterpolator.vectorised(), Simd.describe());
        assertEquals(Simd.on(), BusMeter.vectorised(), Simd.describe());
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

    private static float[] noise(int n, double rms) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (RANDOM.nextGaussian() * rms);
        }
        return x;
    }
}
