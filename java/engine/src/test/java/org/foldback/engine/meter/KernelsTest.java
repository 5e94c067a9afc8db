package org.foldback.engine.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.foldback.engine.simd.LevelKernel;
import org.foldback.engine.simd.Simd;
import org.foldback.engine.simd.TruePeakKernel;
import org.junit.jupiter.api.Test;

/**
 * The meters' kernels in whichever form this JVM chose ({@link Simd}: the engine's tests run once
 * without and once with the Vector API), against the same figures computed plainly in double, for
 * every stretch length from 1 to a chunk and at offsets that do not align to a vector.
 */
class KernelsTest {
    private static final Random RANDOM = new Random(7);

    @Test
    void theChosenFormIsTheOneTheSwitchSays() {
        String expected = Simd.on() ? "Vector" : "Scalar";
        assertEquals(expected + "TruePeak", TruePeakInterpolator.kernel().getClass().getSimpleName());
        assertEquals(expected + "Levels", BusMeter.levelKernel().getClass().getSimpleName());
    }

    @Test
    void truePeakKernelMatchesTheFilterInDouble() {
        TruePeakKernel kernel = TruePeakInterpolator.kernel();
        int history = TruePeakInterpolator.TAPS - 1;
        float[] scratch = new float[TruePeakInterpolator.CHUNK];
        for (int m = 1; m <= TruePeakInterpolator.CHUNK; m++) {
            float[] line = noise(history + m, m % 3 == 0 ? 1.5 : 0.3);
            double expected = 0;
            for (int p = 1; p < TruePeakInterpolator.FACTOR; p++) {
                for (int i = 0; i < m; i++) {
                    double y = 0;
                    for (int k = 0; k < TruePeakInterpolator.TAPS; k++) {
                        y += (double) TruePeakInterpolator.PHASES[p][k] * line[history + i - k];
                    }
                    expected = Math.max(expected, Math.abs(y));
                }
            }
            float got = kernel.interpolatedPeak(line, history, m, scratch);
            assertEquals(expected, got, 1e-6 * Math.max(1, expected), "stretch of " + m);
        }
    }

    @Test
    void levelKernelMatchesPeakClipsAndSquaresInDouble() {
        LevelKernel kernel = BusMeter.levelKernel();
        double[] out = new double[2];
        for (int n = 1; n <= 200; n++) {
            for (int offset : new int[] {0, 3}) {
                float[] x = noise(offset + n, n % 4 == 0 ? 0.6 : 0.2);
                if (n % 5 == 0) {
                    x[offset + n / 2] = -1f; // exactly full scale counts as a clip
                }
                double peak = 0, squares = 0;
                long clips = 0;
                for (int i = offset; i < offset + n; i++) {
                    peak = Math.max(peak, Math.abs(x[i]));
                    squares += (double) x[i] * x[i];
                    clips += Math.abs(x[i]) >= 1f ? 1 : 0;
                }
                float got = kernel.levels(x, offset, n, out);
                String what = n + " samples at " + offset;
                assertEquals(peak, got, 0.0, what);
                assertEquals(squares, out[0], 1e-12 * squares, what);
                assertEquals(clips, (long) out[1], what);
            }
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
