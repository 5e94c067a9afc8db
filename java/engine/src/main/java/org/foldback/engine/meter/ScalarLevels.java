package org.foldback.engine.meter;

import org.foldback.engine.simd.LevelKernel;

/** {@link LevelKernel} in one plain loop. */
final class ScalarLevels implements LevelKernel {
    @Override
    public float levels(float[] x, int offset, int n, double[] out) {
        float peak = 0f;
        long clipped = 0;
        double sumSq = 0;
        for (int i = offset, end = offset + n; i < end; i++) {
            float s = x[i];
            float a = Math.abs(s);
            if (a > peak) {
                peak = a;
            }
            if (a >= CLIP) {
                clipped++;
            }
            sumSq += (double) s * s;
        }
        out[0] = sumSq;
        out[1] = clipped;
        return peak;
    }
}
