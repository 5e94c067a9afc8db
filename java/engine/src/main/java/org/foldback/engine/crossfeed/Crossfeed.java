package org.foldback.engine.crossfeed;

import org.foldback.engine.dsp.Ramp;

/**
 * Headphone crossfeed after Boris Mikhaylov's bs2b ("Bauer stereophonic-to-binaural DSP", after
 * Benjamin Bauer's 1961 "Stereophonic earphones and binaural loudspeakers", JAES 9(2)), written
 * from its published design:
 *
 * <ul>
 *   <li>each ear hears the other channel through a first-order low-pass at the cut frequency
 *       {@code fcut}, at {@code GB_lo = -5·feed/6 - 3} dB;</li>
 *   <li>and its own channel through a first-order high boost that is {@code GB_hi = feed/6 - 3} dB
 *       at low frequencies and unity at high ones, so that at low frequencies the crossfed signal
 *       lies {@code feed} dB below the direct one. Written here as the direct signal minus
 *       {@code G_hi = 1 - 10^(GB_hi/20)} times itself low-passed at
 *       {@code fcut · 2^((GB_lo - 20·log10(G_hi)) / 12)};</li>
 *   <li>both filters are impulse-invariant one-poles ({@code pole = exp(-2π·fc/fs)}), and the sum
 *       is scaled by {@code 1 / (1 - G_hi + G_lo)} so that a centred (mono) signal keeps its
 *       low-frequency level and cannot overload.</li>
 * </ul>
 *
 * <p>The three classic settings are {@link Level}. Changing the setting (including to and from
 * off) moves every coefficient linearly over the toggle ramp (10 ms); off and settled, the signal
 * is untouched and nothing is computed. Allocation-free after construction; stereo in place.
 */
public final class Crossfeed {
    /** Off and the three classic bs2b settings: cut frequency (Hz) and feed (dB at low frequencies). */
    public enum Level {
        OFF(0, 0),
        DEFAULT(700, 4.5),
        CHU_MOY(700, 6.0),
        JAN_MEIER(650, 9.5);

        public final double cutHz;
        public final double feedDb;

        Level(double cutHz, double feedDb) {
            this.cutHz = cutHz;
            this.feedDb = feedDb;
        }
    }

    // Coefficient vectors: cross gain G_lo, G_hi, cross pole, direct pole, output gain.
    private static final int G_LO = 0, G_HI = 1, POLE_LO = 2, POLE_HI = 3, GAIN = 4, SIZE = 5;
    private final double[] from = new double[SIZE];
    private final double[] to = {0, 0, 0, 0, 1};
    private final double[] next = new double[SIZE];
    private final double[] scratch = new double[SIZE];
    private final Ramp fade = new Ramp();
    private Level level = Level.OFF;
    private double fs = 48000;
    private boolean snapNext = true;
    /** Per channel: the low-pass of the other side's contribution (crossfed) and of its own (direct). */
    private double crossL, crossR, directL, directR;

    public void prepare(double sampleRate, int toggleRamp) {
        fs = sampleRate;
        fade.setLength(toggleRamp);
        fade.reset(1f);
        crossL = crossR = directL = directR = 0;
        design(level, to);
        System.arraycopy(to, 0, from, 0, SIZE);
        snapNext = true;
    }

    /** Chooses the setting; the change fades over the toggle ramp unless {@code snap} (or right after prepare). */
    public void set(Level newLevel, boolean snap) {
        boolean s = snap || snapNext;
        snapNext = false;
        if (newLevel == level && !s) {
            return;
        }
        level = newLevel;
        if (s) {
            design(newLevel, to);
            System.arraycopy(to, 0, from, 0, SIZE);
            fade.reset(1f);
            return;
        }
        // Restart from wherever the current fade is.
        interpolate(fade.current(), from);
        design(newLevel, next);
        if (newLevel == Level.OFF) {
            // Off keeps the poles: only the gains move, towards the identity.
            next[POLE_LO] = from[POLE_LO];
            next[POLE_HI] = from[POLE_HI];
        }
        System.arraycopy(next, 0, to, 0, SIZE);
        fade.reset(0f);
        fade.setTarget(1f, false);
    }

    public Level level() {
        return level;
    }

    /** Whether the crossfeed is off and settled: {@link #process} leaves the signal untouched. */
    public boolean isOff() {
        return level == Level.OFF && !fade.isMoving();
    }

    /** Fills {@code c} with the coefficients of {@code l} at the current rate. */
    void design(Level l, double[] c) {
        if (l == Level.OFF) {
            c[G_LO] = 0;
            c[G_HI] = 0;
            c[POLE_LO] = 0;
            c[POLE_HI] = 0;
            c[GAIN] = 1;
            return;
        }
        double gbLo = -5 * l.feedDb / 6 - 3;
        double gbHi = l.feedDb / 6 - 3;
        double gLo = Math.pow(10, gbLo / 20);
        double gHi = 1 - Math.pow(10, gbHi / 20);
        double fcHi = l.cutHz * Math.pow(2, (gbLo - 20 * Math.log10(gHi)) / 12);
        c[G_LO] = gLo;
        c[G_HI] = gHi;
        c[POLE_LO] = Math.exp(-2 * Math.PI * l.cutHz / fs);
        c[POLE_HI] = Math.exp(-2 * Math.PI * fcHi / fs);
        c[GAIN] = 1 / (1 - gHi + gLo);
    }

    private void interpolate(float t, double[] into) {
        for (int k = 0; k < SIZE; k++) {
            into[k] = from[k] + (to[k] - from[k]) * t;
        }
    }

    /** Forgets the signal (the bus fell silent); the setting stays. */
    public void clear() {
        crossL = crossR = directL = directR = 0;
    }

    /**
     * Whether this block's {@link #process} runs constant coefficients (on, no fade moving): the
     * case a cue engine may run on several cues side by side
     * ({@code org.foldback.engine.simd.EarKernel}) with {@link #exportSettled} and
     * {@link #importSettled} instead of {@link #process}.
     */
    public boolean settledOn() {
        return level != Level.OFF && !fade.isMoving();
    }

    /**
     * The coefficients G_lo, G_hi, cross pole, direct pole, output gain (from {@code k0}) and the
     * state, cross left and right, direct left and right (from {@code s0}), value k at
     * {@code [k * stride + lane]}; the layout of {@code EarKernel}. Only when {@link #settledOn}.
     */
    public void exportSettled(double[] coefficients, int k0, double[] state, int s0, int stride, int lane) {
        for (int k = 0; k < SIZE; k++) {
            coefficients[(k0 + k) * stride + lane] = to[k];
        }
        state[s0 * stride + lane] = crossL;
        state[(s0 + 1) * stride + lane] = crossR;
        state[(s0 + 2) * stride + lane] = directL;
        state[(s0 + 3) * stride + lane] = directR;
    }

    /** After the lanes ran a block: takes the state back, flushed as {@link #process} leaves it. */
    public void importSettled(double[] state, int s0, int stride, int lane) {
        crossL = flush(state[s0 * stride + lane]);
        crossR = flush(state[(s0 + 1) * stride + lane]);
        directL = flush(state[(s0 + 2) * stride + lane]);
        directR = flush(state[(s0 + 3) * stride + lane]);
    }

    /** Crossfeeds {@code n} samples of both channels in place. */
    public void process(float[] left, float[] right, int n) {
        if (isOff()) {
            crossL = crossR = directL = directR = 0;
            return;
        }
        if (!fade.isMoving()) {
            run(left, right, 0, n, to, to);
            return;
        }
        float t0 = fade.current();
        float t1 = fade.advance(n);
        interpolate(t0, next);
        double[] end = scratch;
        interpolate(t1, end);
        run(left, right, 0, n, next, end);
        if (!fade.isMoving()) {
            System.arraycopy(to, 0, from, 0, SIZE);
        }
    }

    /** The filters with coefficients moving linearly from c0 to c1 across samples [0, n). */
    private void run(float[] left, float[] right, int start, int n, double[] c0, double[] c1) {
        boolean constant = c0 == c1;
        double gLo = c0[G_LO], gHi = c0[G_HI], pLo = c0[POLE_LO], pHi = c0[POLE_HI], gain = c0[GAIN];
        double dgLo = 0, dgHi = 0, dpLo = 0, dpHi = 0, dGain = 0;
        if (!constant) {
            double inv = 1.0 / n;
            dgLo = (c1[G_LO] - gLo) * inv;
            dgHi = (c1[G_HI] - gHi) * inv;
            dpLo = (c1[POLE_LO] - pLo) * inv;
            dpHi = (c1[POLE_HI] - pHi) * inv;
            dGain = (c1[GAIN] - gain) * inv;
        }
        double cl = crossL, cr = crossR, dl = directL, dr = directR;
        for (int i = start; i < n; i++) {
            if (!constant) {
                gLo += dgLo;
                gHi += dgHi;
                pLo += dpLo;
                pHi += dpHi;
                gain += dGain;
            }
            double l = left[i], r = right[i];
            // One-pole low-passes with unity DC gain: y = (1 - p)·x + p·y[n-1].
            cl = (1 - pLo) * l + pLo * cl;
            cr = (1 - pLo) * r + pLo * cr;
            dl = (1 - pHi) * l + pHi * dl;
            dr = (1 - pHi) * r + pHi * dr;
            left[i] = (float) (gain * (l - gHi * dl + gLo * cr));
            right[i] = (float) (gain * (r - gHi * dr + gLo * cl));
        }
        crossL = flush(cl);
        crossR = flush(cr);
        directL = flush(dl);
        directR = flush(dr);
    }

    private static double flush(double v) {
        return Math.abs(v) < 1e-30 ? 0.0 : v;
    }
}
