package org.foldback.engine.tone;

import org.foldback.engine.dsp.Ramp;

/**
 * A cue's tone: a high-pass (off or 40-200 Hz, 12 dB/octave Butterworth, Q = 1/√2), a low shelf and
 * a high shelf (±12 dB, shelf slope S = 1), all Audio-EQ-Cookbook biquads ({@link Biquad}), on a
 * stereo pair in place.
 *
 * <p>Smoothing, so no setting ever clicks or zippers: the shelf gains and the high-pass frequency
 * ramp linearly over the gain ramp (20 ms), and the coefficients are recomputed from the ramped
 * values every {@link #SUB_BLOCK} samples while a ramp moves (a ±12 dB move then takes 60 steps of
 * 0.4 dB at 48 kHz). Switching the high-pass on or off crossfades between filtered and unfiltered
 * signal over the toggle ramp (10 ms), since no frequency of a 12 dB/octave high-pass is "off".
 *
 * <p>Cost: a flat section (shelf at 0 dB, high-pass off) once settled is skipped; an all-flat tone
 * touches no sample. Allocation-free after construction.
 */
public final class ToneControl {
    public static final float HIGH_PASS_MIN_HZ = 40f;
    public static final float HIGH_PASS_MAX_HZ = 200f;
    public static final double HIGH_PASS_Q = 1 / Math.sqrt(2);
    public static final float SHELF_RANGE_DB = 12f;
    /** Shelf midpoint frequencies (the cookbook's f0, where the shelf has half its gain in dB). */
    public static final double LOW_SHELF_HZ = 120;
    public static final double HIGH_SHELF_HZ = 8000;
    public static final double SHELF_SLOPE = 1;
    /** Coefficients are recomputed this often (samples) while a setting ramps. */
    static final int SUB_BLOCK = 16;

    private final Biquad highPass = new Biquad();
    private final Biquad lowShelf = new Biquad();
    private final Biquad highShelf = new Biquad();
    private final Ramp highPassHz = new Ramp();
    private final Ramp highPassOn = new Ramp();
    private final Ramp lowDb = new Ramp();
    private final Ramp highDb = new Ramp();
    private final float[] scratchL = new float[SUB_BLOCK];
    private final float[] scratchR = new float[SUB_BLOCK];
    /**
     * A shelf that has just landed on 0 dB keeps filtering for this many samples (its transient
     * decays) before it is skipped, so the hand-over to {@link Biquad#follow} is inaudible.
     */
    private int lowTail;
    private int highTail;
    private int tailSamples = 1;
    private double fs = 48000;
    private boolean snapNext = true;

    /** Sets the rate and ramp lengths and clears the filters. Not on the audio thread's hot path. */
    public void prepare(double sampleRate, int gainRamp, int toggleRamp) {
        fs = sampleRate;
        highPassHz.setLength(gainRamp);
        lowDb.setLength(gainRamp);
        highDb.setLength(gainRamp);
        highPassOn.setLength(toggleRamp);
        tailSamples = Ramp.samplesFor(100f, sampleRate);
        highPass.reset();
        lowShelf.reset();
        highShelf.reset();
        snapNext = true;
    }

    /**
     * Sets the targets; the next {@link #process} ramps towards them (or jumps, right after prepare
     * or when {@code snap}).
     *
     * @param highPassHz 0 (or below {@link #HIGH_PASS_MIN_HZ}) = off, else clamped to 40-200 Hz
     * @param lowShelfDb  clamped to ±12 dB
     * @param highShelfDb clamped to ±12 dB
     */
    public void set(float highPassHz, float lowShelfDb, float highShelfDb, boolean snap) {
        boolean s = snap || snapNext;
        boolean on = highPassHz >= HIGH_PASS_MIN_HZ;
        boolean redesign = s;
        if (on) {
            float hz = Math.min(HIGH_PASS_MAX_HZ, highPassHz);
            if (s || highPassOn.current() == 0f) {
                // Switching on from off: the filter fades in already at its new frequency.
                redesign |= hz != this.highPassHz.current();
                this.highPassHz.setTarget(hz, true);
            } else {
                this.highPassHz.setTarget(hz, false);
            }
        }
        highPassOn.setTarget(on ? 1f : 0f, s);
        lowDb.setTarget(clampShelf(lowShelfDb), s);
        highDb.setTarget(clampShelf(highShelfDb), s);
        if (redesign) {
            design();
            snapNext = false;
        }
    }

    private static float clampShelf(float db) {
        return Float.isNaN(db) ? 0f : Math.max(-SHELF_RANGE_DB, Math.min(SHELF_RANGE_DB, db));
    }

    /** Whether every section is flat and settled: {@link #process} would not touch the signal. */
    public boolean isFlat() {
        return !highPassOn.isMoving() && highPassOn.current() == 0f
                && !lowDb.isMoving() && lowDb.current() == 0f && lowTail == 0
                && !highDb.isMoving() && highDb.current() == 0f && highTail == 0;
    }

    /**
     * Whether this block's {@link #process} would be the settled three-section cascade (every
     * setting still, the high-pass on, both shelves filtering): the case a cue engine may run on
     * several cues side by side ({@code org.foldback.engine.simd.EarKernel}) with
     * {@link #exportCascade} and {@link #importCascade} instead of {@link #process}.
     */
    public boolean settledCascade() {
        return !highPassHz.isMoving() && !lowDb.isMoving() && !highDb.isMoving() && !highPassOn.isMoving()
                && highPassOn.current() == 1f && active(lowDb, lowTail) && active(highDb, highTail);
    }

    /**
     * The cascade's coefficients (15 values from {@code k0}) and state (16 values from {@code s0}),
     * value k at {@code [k * stride + lane]}; the layout of {@code EarKernel}. Only when
     * {@link #settledCascade}.
     */
    public void exportCascade(double[] coefficients, int k0, double[] state, int s0, int stride, int lane) {
        Biquad.exportCascade(lowShelf, highShelf, highPass, coefficients, k0, state, s0, stride, lane);
    }

    /**
     * After the lanes ran the cascade over a block of {@code n} samples: takes the state back and
     * does the rest of what {@link #process} does for that block (the shelves' tails).
     */
    public void importCascade(double[] state, int s0, int stride, int lane, int n) {
        Biquad.importCascade(lowShelf, highShelf, highPass, state, s0, stride, lane);
        lowTail = nextTail(lowDb, lowTail, n);
        highTail = nextTail(highDb, highTail, n);
    }

    /** Forgets the signal (the bus fell silent); settings and ramps stay. */
    public void clear() {
        highPass.reset();
        lowShelf.reset();
        highShelf.reset();
    }

    /** Filters {@code n} samples of both channels in place. */
    public void process(float[] left, float[] right, int n) {
        boolean settled = !highPassHz.isMoving() && !lowDb.isMoving() && !highDb.isMoving() && !highPassOn.isMoving();
        // Settled (the usual case): each section runs over the whole block in one loop.
        int step = settled ? n : SUB_BLOCK;
        for (int from = 0; from < n; from += step) {
            int to = Math.min(n, from + step);
            int m = to - from;
            float w0 = highPassOn.current();
            boolean moving = highPassHz.isMoving() || lowDb.isMoving() || highDb.isMoving();
            float w1 = highPassOn.advance(m);
            if (moving) {
                highPassHz.advance(m);
                lowDb.advance(m);
                highDb.advance(m);
                design();
            }
            if (settled && w0 == 1f && w1 == 1f && active(lowDb, lowTail) && active(highDb, highTail)) {
                // Everything on (a performer's usual tone): the three sections in one pass.
                Biquad.cascade(lowShelf, highShelf, highPass, left, right, from, to);
                lowTail = nextTail(lowDb, lowTail, m);
                highTail = nextTail(highDb, highTail, m);
                continue;
            }
            lowTail = section(lowShelf, lowDb, lowTail, left, right, from, to);
            highTail = section(highShelf, highDb, highTail, left, right, from, to);
            if (w0 != 0f || w1 != 0f) {
                highPass(left, right, from, to, w0, w1);
            } else {
                highPass.reset();
            }
        }
    }

    private int section(Biquad b, Ramp gain, int tail, float[] left, float[] right, int from, int to) {
        if (active(gain, tail)) {
            b.process(left, right, from, to);
        } else {
            b.follow(left, right, from, to);
        }
        return nextTail(gain, tail, to - from);
    }

    /** Whether a shelf must filter: its gain is not 0 dB, or only just landed there. */
    private static boolean active(Ramp gain, int tail) {
        return gain.isMoving() || gain.current() != 0f || tail > 0;
    }

    private int nextTail(Ramp gain, int tail, int m) {
        return gain.isMoving() || gain.current() != 0f ? tailSamples : Math.max(0, tail - m);
    }

    /** The high-pass, crossfaded with the dry signal while it is being switched (w = wet share). */
    private void highPass(float[] left, float[] right, int from, int to, float w0, float w1) {
        if (w0 == 1f && w1 == 1f) {
            highPass.process(left, right, from, to);
            return;
        }
        // Only during a 10 ms switch: keep the dry sub-block to crossfade against.
        float dw = (w1 - w0) / (to - from);
        for (int i = from; i < to; i++) {
            float dl = left[i], dr = right[i];
            scratchL[i - from] = dl;
            scratchR[i - from] = dr;
        }
        highPass.process(left, right, from, to);
        for (int i = from; i < to; i++) {
            float w = w0 + dw * (i - from + 1);
            float dl = scratchL[i - from], dr = scratchR[i - from];
            left[i] = dl + w * (left[i] - dl);
            right[i] = dr + w * (right[i] - dr);
        }
    }

    private void design() {
        highPass.highPass(highPassHz.current() > 0f ? highPassHz.current() : HIGH_PASS_MIN_HZ, HIGH_PASS_Q, fs);
        lowShelf.lowShelf(LOW_SHELF_HZ, lowDb.current(), SHELF_SLOPE, fs);
        highShelf.highShelf(Math.min(HIGH_SHELF_HZ, 0.45 * fs), highDb.current(), SHELF_SLOPE, fs);
    }
}
