package org.foldback.engine.dsp;

import org.foldback.engine.simd.LimiterKernel;
import org.foldback.engine.simd.Simd;

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

    /** The need and apply passes as vectors, or null ({@link LimiterKernel}). */
    private static final LimiterKernel VECTOR = Simd.kernel(LimiterKernel.class, "VectorLimiter", null);
    /** Samples per pass (a block longer than this is limited in stretches); the size of the scratch. */
    public static final int STRETCH = 256;

    /** Scratch of one pass: nothing in them outlives a call, so limiters run one at a time may share them. */
    private final float[] needs;
    private final float[] gains;
    private final Ramp ceiling = new Ramp();
    private final Ramp enabled = new Ramp();
    /** In double: a 100 ms release moves by less than a float ulp per sample near 1. */
    private double gain = 1;
    private int hold;
    private int holdSamples = 1;
    private double releaseCoefficient;

    /** A limiter with scratch of its own. */
    public SafetyLimiter() {
        this(new float[STRETCH], new float[STRETCH]);
    }

    /**
     * A limiter that works in the given scratch ({@link #STRETCH} floats each), which it shares
     * with others that run on the same thread one after another (an engine's cues): one copy of it
     * to keep in the caches rather than one per cue.
     */
    public SafetyLimiter(float[] needsScratch, float[] gainsScratch) {
        if (needsScratch.length < STRETCH || gainsScratch.length < STRETCH) {
            throw new IllegalArgumentException("the scratch needs " + STRETCH + " floats");
        }
        needs = needsScratch;
        gains = gainsScratch;
    }

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
        if (Simd.use(VECTOR)) {
            return processInPasses(left, right, n, c0, dc, w0, dw, ramp);
        }
        double g = gain;
        float smallest = 1f;
        for (int i = 0; i < n; i++) {
            float t = ramp[i];
            float c = c0 + dc * t;
            float xl = left[i];
            float xr = right[i];
            g = nextGain(need(xl, xr, c), g);
            float gf = (float) g;
            smallest = Math.min(smallest, gf);
            float w = w0 + dw * t;
            left[i] = limited(xl, gf, c, w);
            right[i] = limited(xr, gf, c, w);
        }
        gain = g;
        return smallest;
    }

    /** The gain the sample pair needs under the ceiling {@code c}: c over its peak, or 1. */
    private static float need(float xl, float xr, float c) {
        float peak = Math.max(Math.abs(xl), Math.abs(xr));
        return peak > c ? c / peak : 1f;
    }

    /**
     * The gain computer's next gain after {@code g} for a sample that needs {@code need}: instant
     * attack (and the hold restarts), hold, then release towards the need. Updates {@link #hold}.
     */
    private double nextGain(double need, double g) {
        if (need <= g) {
            hold = holdSamples;
            return need;
        }
        if (hold > 0) {
            hold--;
            return g;
        }
        double released = need - (need - g) * releaseCoefficient;
        return need - released < SNAP ? need : released;
    }

    /** One output sample: {@code x} at gain {@code gf}, clamped to ±c, crossfaded by w from x, flushed. */
    private static float limited(float x, float gf, float c, float w) {
        float y = Math.max(-c, Math.min(c, x * gf));
        if (w != 1f) {
            y = x + w * (y - x);
        }
        return Denormals.flush(y, Denormals.OUTPUT_FLOOR);
    }

    /**
     * The loop of {@link #process} in three passes per stretch, for the vector kernels: the gain
     * each sample needs and its application have no recursion and run as vectors; only the gain
     * computer between them goes sample by sample. Same arithmetic, same bits as the plain loop.
     */
    private float processInPasses(float[] left, float[] right, int n, float c0, float dc, float w0, float dw,
                                  float[] ramp) {
        double g = gain;
        float smallest = 1f;
        for (int from = 0; from < n; from += STRETCH) {
            int to = Math.min(n, from + STRETCH);
            int i = VECTOR.needs(left, right, from, to, c0, dc, ramp, needs);
            for (; i < to; i++) {
                needs[i - from] = need(left[i], right[i], c0 + dc * ramp[i]);
            }
            for (i = from; i < to; i++) {
                g = nextGain(needs[i - from], g);
                float gf = (float) g;
                smallest = Math.min(smallest, gf);
                gains[i - from] = gf;
            }
            i = VECTOR.apply(left, right, from, to, c0, dc, w0, dw, ramp, gains);
            for (; i < to; i++) {
                float t = ramp[i];
                float c = c0 + dc * t;
                float w = w0 + dw * t;
                left[i] = limited(left[i], gains[i - from], c, w);
                right[i] = limited(right[i], gains[i - from], c, w);
            }
        }
        gain = g;
        return smallest;
    }
}
