package org.foldback.engine.simd;

/**
 * The always-on pass of {@code BusMeter} over one channel's stretch: absolute peak, clip count and
 * sum of squares. Two forms, chosen once per JVM ({@link Simd}): plain loops ({@code ScalarLevels})
 * or the Vector API ({@code VectorLevels}). Stateless, so one kernel serves every meter.
 */
public interface LevelKernel {
    /** Clip count when the stretch holds a sample at or beyond full scale (|x| >= 1). */
    float CLIP = 1.0f;

    /**
     * Returns the largest |x[i]| over [offset, offset + n); writes the sum of the squares (in
     * double) to {@code out[0]} and the number of samples with |x| >= {@link #CLIP} to {@code out[1]}.
     */
    float levels(float[] x, int offset, int n, double[] out);

}
