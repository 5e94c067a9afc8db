package org.foldback.engine.simd;

/**
 * The Vector API form of the K-weighting ({@code KWeighting}: two biquads per channel, in double)
 * and of the hearing dose's A-weighting ({@code AWeighting}: three), run on several stereo buses
 * side by side, one bus per lane. A biquad is a recursion, so the
 * samples of one channel cannot share a vector; different buses can. Each lane does the plain
 * filter's multiplications and additions in the same order (no fused multiply-add), so every
 * weighted sample, and every sum of squares taken in sample order, has the plain form's bits.
 * Stateless (the state is passed in), so one kernel serves every bank. Null when {@link Simd} is off.
 *
 * <p>Layout, for a bank of {@code stride} buses: bus b's input rows in {@code rows}, its left
 * channel's samples from {@code 2b * chunk}, its right channel's from {@code (2b + 1) * chunk}
 * (each copied whole, the cheap way in; the kernel gathers a sample of every bus, both channels in
 * one gather); squares at {@code [i * stride + b]}; state k at {@code [k * stride + b]}, for s
 * sections: 0 to 2s - 1 the left channel's z1, z2 of each section in order, 2s to 4s - 1 the right's
 * (K-weighting: shelf z1, z2, high-pass z1, z2). The kernel is made with
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
     * @param coefficients each section's b0, b1, b2, a1, a2 in cascade order: 10 values (the
     *                     K-weighting's shelf, then its high-pass) or 15 (the A-weighting's sections)
     */
    void filter(double[] coefficients, float[] rows, int stride, int first, int n,
                double[] state, double[] squares, double[] totals);
}
