package org.foldback.engine.simd;

/**
 * The Vector API form of a cue's settled tone and crossfeed ({@code ToneControl}'s three-section
 * cascade, then {@code Crossfeed} with constant coefficients, both in double), run on several cues
 * side by side, one cue per lane. Both are recursions, so one cue's samples cannot share a vector;
 * different cues can. Each lane does the plain filters' multiplications and additions in their
 * order (no fused multiply-add), and rounds to float between the two stages as the plain path
 * does when it writes the tone's output back into the bus, so every sample has the plain form's
 * bits. Stateless (the state is passed in). Null when {@link Simd} is off.
 *
 * <p>Layout, for {@code stride} cues (a multiple of {@link #lanes()}), with every per-cue value k
 * of cue b at {@code [k * stride + b]}:
 * <ul>
 *   <li>{@code rows}: cue b's left samples from {@code 2b * chunk}, its right ones from
 *       {@code (2b + 1) * chunk} (the kernel gathers a sample of every cue, both channels in one
 *       gather);</li>
 *   <li>{@code tone}: 15 coefficients, b0, b1, b2, a1, a2 (a0 = 1) of the low shelf, the high shelf
 *       and the high-pass, in cascade order;</li>
 *   <li>{@code feed}: 5 coefficients, the crossfeed's G_lo, G_hi, cross pole, direct pole, output
 *       gain;</li>
 *   <li>{@code state}: 20 values, the cascade's left x1, x2, y1, y2 of the first section and y1, y2
 *       of the second and third (0-7), the same for the right channel (8-15), then the crossfeed's
 *       cross low-pass left and right and direct low-pass left and right (16-19); carried on
 *       unflushed (the owner flushes tiny values as the plain filters do at the block's end);</li>
 *   <li>{@code toneOn}, {@code feedOn}: per cue, whether it takes that stage (else the stage passes
 *       its input through, and the lane's coefficients and state are zeros);</li>
 *   <li>{@code out}: sample i of cue b's left channel at {@code (i * 2 + 0) * stride + b}, its
 *       right at {@code (i * 2 + 1) * stride + b}, in double before the final rounding to float
 *       (the plain filters' {@code (float)} of the same value).</li>
 * </ul>
 */
public interface EarKernel {
    /** Cues per vector: a bank's stride is a multiple of this. */
    int lanes();

    /** Samples [0, n) of cues [first, first + lanes()), n at most the kernel's chunk. */
    void shape(double[] tone, double[] feed, boolean[] toneOn, boolean[] feedOn, double[] state,
               float[] rows, int stride, int first, int n, double[] out);
}
