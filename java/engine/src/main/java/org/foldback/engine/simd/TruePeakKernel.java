package org.foldback.engine.simd;

/**
 * The Vector API form of {@code TruePeakInterpolator}'s filter: the largest absolute value of the
 * interpolated phases 1..3 over the first {@link #covered} outputs of a stretch of the delay line;
 * the interpolator's plain loops do the rest. Stateless, so one kernel serves every instance.
 */
public interface TruePeakKernel {
    /** How many of {@code m} outputs {@link #interpolatedPeak} covers (whole vectors). */
    int covered(int m);

    /**
     * The largest |y_p[i]| for p = 1..3 and i in [0, covered(m)), where y_p[i] = sum over k of
     * phases[p][k] * line[history + i - k].
     */
    float interpolatedPeak(float[] line, int history, int m);
}
