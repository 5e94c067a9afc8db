package org.foldback.engine.meter;

import org.foldback.engine.simd.TruePeakKernel;

/**
 * {@link TruePeakKernel} in plain loops: per phase, four taps per pass over the stretch, then the
 * peak of the phase's absolute values.
 */
final class ScalarTruePeak implements TruePeakKernel {
    private final float[][] phases;

    ScalarTruePeak(float[][] phases) {
        this.phases = phases;
    }

    @Override
    public float interpolatedPeak(float[] ln, int history, int m, float[] y) {
        float peak = 0f;
        for (int p = 1; p < phases.length; p++) {
            final float[] c = phases[p];
            // y[i] = sum_k c[k] * x[i - k], with x[i - k] at line[history + i - k].
            // Four taps per pass: fewer passes over y, and loads from ln that the JIT can schedule freely.
            final float c0 = c[0], c1 = c[1], c2 = c[2], c3 = c[3];
            for (int i = 0; i < m; i++) {
                int j = history + i;
                y[i] = c0 * ln[j] + c1 * ln[j - 1] + c2 * ln[j - 2] + c3 * ln[j - 3];
            }
            for (int k = 4; k < c.length; k += 4) {
                final float d0 = c[k], d1 = c[k + 1], d2 = c[k + 2], d3 = c[k + 3];
                final int base = history - k;
                for (int i = 0; i < m; i++) {
                    int j = base + i;
                    y[i] += d0 * ln[j] + d1 * ln[j - 1] + d2 * ln[j - 2] + d3 * ln[j - 3];
                }
            }
            for (int i = 0; i < m; i++) {
                float a = Math.abs(y[i]);
                peak = a > peak ? a : peak;
            }
        }
        return peak;
    }
}
