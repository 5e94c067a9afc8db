package org.foldback.engine.simd;

/**
 * The Vector API form of {@code SafetyLimiter}'s two per-sample passes that have no recursion: the
 * gain each sample needs, and applying the gain (clamp, crossfade, flush). Each method does the
 * whole vectors of [from, to) and returns where it stopped; the limiter finishes in plain code.
 * Lanes compute exactly what the plain code computes (no fused multiply-add), so both forms give
 * the same bits. Null when {@link Simd} is off.
 */
public interface LimiterKernel {
    /** need[i - from] = peak > c ? c / peak : 1, with peak = max(|left[i]|, |right[i]|), c = c0 + dc * ramp[i]. */
    int needs(float[] left, float[] right, int from, int to, float c0, float dc, float[] ramp, float[] need);

    /** Applies gain[i - from] with the clamp to ±c, the crossfade by w = w0 + dw * ramp[i] and the flush. */
    int apply(float[] left, float[] right, int from, int to, float c0, float dc, float w0, float dw, float[] ramp,
              float[] gain);

}
