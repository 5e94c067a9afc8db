package org.foldback.engine.simd;

/**
 * The Vector API form of {@code BusMeter}'s always-on pass over one channel's stretch: absolute
 * peak, clip count (|x| >= 1) and sum of squares, over the whole vectors of the stretch; the meter's
 * plain loop does the rest. Stateless, so one kernel serves every meter.
 */
public interface LevelKernel {
    /**
     * Covers x[offset, offset + done) and returns done; writes the sum of the squares (in double)
     * to {@code out[0]}, the clip count to {@code out[1]} and the peak to {@code out[2]}.
     */
    int levels(float[] x, int offset, int n, double[] out);
}
