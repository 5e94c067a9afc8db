package org.foldback.engine.simd;

/**
 * The Vector API form of the K-weighting ({@code KWeighting}: two biquads per channel, in double),
 * run on several stereo buses side by side, one bus per lane. A biquad is a recursion, so the
 * samples of one channel cannot share a vector; different buses can. Each lane does the plain
 * filter's multiplications and additions in the same order (no fused multiply-add), so every
 * weighted sample, and every sum of squares taken in sample order, has the plain form's bits.
 * Stateless (the state is passed in), so one kernel serves every bank. Null when {@link Simd} is off.
 *
 * <p>Layout, for a bank of {@code stride} buses: bus b's input rows in {@code rows}, its left
 * channel's samples from {@code 2b * chunk}, its right channel's from {@code (2b + 1) * chunk}
 * (each copied whole, the cheap way in; the kernel gathers a sample of every bus, both channels in
 * one gather); squares at {@code [i * stride + b]}; state k (0-3: the left channel's shelf z1, z2,
 * high-pass z1, z2; 4-7 the right's) at {@code [k * stride + b]}. The kernel is made with
 * {@code chunk}.
 */
public interface KWeightingKernel {
    /** Buses per vector: a bank's size is a multiple of this. */
    int lanes();

    /**
     * Filters samples [0, n) of buses [first, first + lanes()): writes each sample's sum of the two
     * weighted channels' squares to {@code squares} and their sum over the n samples, added in
     * sample order from 0, to {@code totals[bus]}; carries the state on, tiny values flushed to 0.
     *
     * @param coefficients the shelf's b0, b1, b2, a1, a2, then the high-pass's
     */
    void filter(double[] coefficients, float[] rows, int stride, int first, int n,
                double[] state, double[] squares, double[] totals);
}
