package org.foldback.engine.simd;

/**
 * The arithmetic of {@code TruePeakInterpolator}: the largest absolute value of the interpolated
 * phases 1..3 over a stretch of the delay line. Two forms, chosen once per JVM ({@link Simd}):
 * plain loops ({@code ScalarTruePeak}) or the Vector API ({@code VectorTruePeak}).
 */
public interface TruePeakKernel {
    /**
     * The largest |y_p[i]| for p = 1..3 and i in [0, m), where y_p[i] = sum over k of
     * phases[p][k] * line[history + i - k]. Stateless: {@code scratch} (at least m floats) is the
     * caller's, so one kernel serves every instance on every thread.
     */
    float interpolatedPeak(float[] line, int history, int m, float[] scratch);

}
