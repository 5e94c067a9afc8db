package org.foldback.engine.dsp;

/**
 * A stereo-linked peak limiter with zero latency, so performers hear no delay.
 *
 * <p>Design, per sample: the gain needed is {@code ceiling / max(|L|, |R|)} (1 when under the
 * ceiling). Attack is instant: when the need is below the current gain, the gain drops to it on
 * that very sample. After the last reduction the gain holds for {@link #HOLD_MS} (longer than half
 * a period of 50 Hz, so low notes are not modulated within a cycle), then releases exponentially
 * towards the need with time constant {@link #RELEASE_MS}. Finally both channels are clamped to
 * ±ceiling, so the bound holds sample by sample whatever rounding does. Being a gain computer with
 * no look-ahead, it is a clipper for the first sample of a burst and a smooth limiter after that;
 * on material below the ceiling the gain stays exactly 1 and the signal passes bit for bit.
 *
 * <p>The ceiling ramps over {@code gainRamp} samples; switching the limiter on or off crossfades
 * between limited and unlimited signal over {@code toggleRamp} samples.
 */
public final class SafetyLimiter {
    /** Hold after the last gain reduction, in ms. */
    public static final float HOLD_MS = 10f;
    /** Release time constant, in ms. */
    public static final float RELEASE_MS = 100f;
    /**
     * Within this of its target (-0.0001 dB) the release snaps there: no endless approach, no
     * denormals, and the gain returns to exactly 1 (bit-transparent) about 1.1 s after 7 dB.
     */
    private static final double SNAP = 1e-5;

    private final Ramp ceiling = new Ramp();
    private final Ramp enabled = new Ramp();
    /** In double: a 100 ms release moves by less than a float ulp per sample near 1. */
    private double gain = 1;
    private int hold;
    private int holdSamples = 1;
    private double releaseCoefficient;

    public void prepare(double sampleRate, int gainRamp, int toggleRamp) {
        ceiling.setLength(gainRamp);
        enabled.setLength(toggleRamp);
        holdSamples = Ramp.samplesFor(HOLD_MS, sampleRate);
        releaseCoefficient = Math.exp(-1000.0 / (RELEASE_MS * sampleRate));
        gain = 1f;
        hold = 0;
    }

    private static float peak(float[] left, float[] right, int n) {
        float peak = 0f;
        for (int i = 0; i < n; i++) {
            peak = Math.max(peak, Math.max(Math.abs(left[i]), Math.abs(right[i])));
        }
        return peak;
    }

    /**
     * Limits one block in place.
     *
     * @param ceilingGain the ceiling as linear gain
     * @param on          whether the limiter is switched on
     * @param snap        jump to the settings instead of ramping (right after prepare)
     * @param ramp        ramp[i] = (i+1)/n, the block's interpolation weights
     * @param silent      the block is known to be all zeros (lets an idle limiter skip its loop)
     * @return the smallest gain applied in this block (1 = no reduction)
     */
    public float process(float[] left, float[] right, int n, float ceilingGain, boolean on, boolean snap,
                         float[] ramp, boolean silent) {
        float c0 = ceiling.current();
        float w0 = enabled.current();
        ceiling.setTarget(ceilingGain, snap);
        enabled.setTarget(on ? 1f : 0f, snap);
        if (snap) {
            c0 = ceilingGain;
            w0 = enabled.current();
        }
        float c1 = ceiling.advance(n);
        float w1 = enabled.advance(n);
        if (w0 == 0f && w1 == 0f) {
            gain = 1f;
            hold = 0;
            return 1f;
        }
        if (silent && gain == 1) {
            hold = 0;
            return 1f;
        }
        if (gain == 1 && w0 == 1f && w1 == 1f && peak(left, right, n) <= Math.min(c0, c1)) {
            // Nothing to limit and nothing releasing: the block passes untouched (the usual case).
            hold = 0;
            return 1f;
        }
        float dc = c1 - c0;
        float dw = w1 - w0;
        double g = gain;
        int h = hold;
        float smallest = 1f;
        for (int i = 0; i < n; i++) {
            float t = ramp[i];
            float c = c0 + dc * t;
            float xl = left[i];
            float xr = right[i];
            float peak = Math.max(Math.abs(xl), Math.abs(xr));
            double need = peak > c ? c / peak : 1f;
            if (need <= g) {
                g = need;
                h = holdSamples;
            } else if (h > 0) {
                h--;
            } else {
                g = need - (need - g) * releaseCoefficient;
                if (need - g < SNAP) {
                    g = need;
                }
            }
            float gf = (float) g;
            smallest = Math.min(smallest, gf);
            float yl = Math.max(-c, Math.min(c, xl * gf));
            float yr = Math.max(-c, Math.min(c, xr * gf));
            float w = w0 + dw * t;
            if (w != 1f) {
                yl = xl + w * (yl - xl);
                yr = xr + w * (yr - xr);
            }
            left[i] = Denormals.flush(yl, Denormals.OUTPUT_FLOOR);
            right[i] = Denormals.flush(yr, Denormals.OUTPUT_FLOOR);
        }
        gain = g;
        hold = h;
        return smallest;
    }
}
