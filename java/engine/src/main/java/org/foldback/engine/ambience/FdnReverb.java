package org.foldback.engine.ambience;

import java.util.Arrays;
import org.foldback.engine.dsp.Ramp;

/**
 * A stereo room after Jot and Chaigne, "Digital delay networks for designing artificial
 * reverberators" (AES 90th Convention, 1991, preprint 3030): eight delay lines of mutually prime
 * lengths fed back through a unitary matrix (here the 8x8 Hadamard matrix / √8, applied as a fast
 * Walsh-Hadamard transform: 24 additions), each line followed by Jot's absorptive low-pass so that
 * every mode decays with the same reverberation time:
 *
 * <pre>
 *   g_i = 10^(-3·m_i / (fs·T60))                      (the line's gain for a T60 at low frequencies)
 *   b_i = ln(10)/4 · log10(g_i) · (1 - 1/α²)          (α = T60 at Nyquist / T60 at DC)
 *   H_i(z) = g_i (1 - b_i) / (1 - b_i z^-1)
 * </pre>
 *
 * (the first-order absorption filter of Jot's design, as given in his 1992 ICASSP paper "An
 * analysis/synthesis approach to real-time artificial reverberation"). The design assumes a T60
 * long against the lines: with a short decay and a large room b_i passes 1 and the loop blows up
 * (73 ms lines at T60 0.2 s give b = 1.89). So b_i is held at {@link #MAX_POLE} or below: the
 * low-frequency T60 stays exact (H_i(1) = g_i for any b_i) and only the extra high-frequency
 * damping is less than α asks in those rooms.
 *
 * <p>Input: the stereo send bus, through a pre-delay, left into lines 0-3 and right into 4-7;
 * output: the even lines to the left, the odd ones to the right, with alternating signs (without
 * them a centred source's response comes out anti-correlated, -0.28; with them 0.02).
 * Wet only: the dry path is elsewhere and keeps zero latency.
 *
 * <p>Settings: size (scales the line lengths, 0.3-1), decay (T60, ramped; gains recomputed per
 * block while it moves) and pre-delay. Size and pre-delay move read positions, which would pitch or
 * click, so a change fades the output out over the toggle ramp, applies, and fades back in.
 *
 * <p>Idle: fed silence, once the output has stayed below {@link #IDLE_LEVEL} for longer than the
 * pre-delay plus the longest line, the lines are cleared once and {@link #process} returns without touching a sample until input comes back.
 * Allocation-free after {@link #prepare}.
 */
public final class FdnReverb {
    static final int LINES = 8;
    /** Line lengths at size 1, in ms: spread so that the modal density is even, made prime per rate. */
    private static final double[] LINE_MS = {31.1, 37.3, 41.9, 47.3, 53.9, 61.1, 67.3, 73.1};
    public static final float MIN_SIZE = 0.3f;
    public static final float MAX_SIZE = 1f;
    public static final float MIN_DECAY_S = 0.2f;
    public static final float MAX_DECAY_S = 8f;
    public static final float MAX_PRE_DELAY_MS = 200f;
    /** High frequencies decay this much faster than low ones (α = T60(Nyquist) / T60(0)). */
    public static final double HF_RATIO = 0.5;
    /** A line sample under this (-120 dBFS) counts as silence for going idle. */
    static final float IDLE_LEVEL = 1e-6f;
    /** The absorption filters' largest pole: below 1 keeps every line's loop stable (see above). */
    static final double MAX_POLE = 0.9;
    /** Output scale: eight lines of unit gain summed four to a side. */
    private static final float OUTPUT_GAIN = 0.25f;
    private static final float HADAMARD_SCALE = (float) (1 / Math.sqrt(LINES));

    private double fs = 48000;
    private float[][] lines = new float[LINES][1];
    private int mask;
    private int write;
    private final int[] length = new int[LINES];
    private final float[] gain = new float[LINES];
    private final float[] pole = new float[LINES];
    private final float[] lowpass = new float[LINES];
    private int quietFor;
    private float[] preLeft = new float[1];
    private float[] preRight = new float[1];
    private int preMask;
    private int preWrite;
    private int preDelay;

    private final Ramp decay = new Ramp();
    private final Ramp level = new Ramp();
    private float size = MAX_SIZE;
    private float preDelayMs;
    private float wantedSize = MAX_SIZE;
    private float wantedPreDelayMs;
    private float designedDecay = Float.NaN;
    private boolean idle = true;

    /**
     * Allocates the lines for the largest size at this rate, or clears them when they are already
     * that size (a new instance's are new, hence silent: filling 256 kB with zeros again is most
     * of this method's time in a second instance, which runs it in the interpreter). Not on the
     * audio thread.
     */
    public void prepare(double sampleRate, int gainRamp, int toggleRamp) {
        fs = sampleRate;
        int longest = (int) Math.ceil(LINE_MS[LINES - 1] * MAX_SIZE * fs / 1000) + 64;
        int capacity = Integer.highestOneBit(longest) << 1;
        int pre = Integer.highestOneBit((int) Math.ceil(MAX_PRE_DELAY_MS * fs / 1000) + 1) << 1;
        if (lines[0].length == capacity && preLeft.length == pre) {
            clear();
        } else {
            lines = new float[LINES][capacity];
            preLeft = new float[pre];
            preRight = new float[pre];
            Arrays.fill(lowpass, 0f);
        }
        mask = capacity - 1;
        preMask = pre - 1;
        decay.setLength(gainRamp);
        level.setLength(toggleRamp);
        level.reset(1f);
        size = wantedSize;
        preDelayMs = wantedPreDelayMs;
        applyLengths();
        designedDecay = Float.NaN;
    }

    /**
     * Sets size (0.3-1), decay (T60 in s, 0.2-8) and pre-delay (0-200 ms); values are clamped. Call
     * from the audio thread between blocks (or before prepare).
     */
    public void set(float newSize, float decaySeconds, float preDelay, boolean snap) {
        wantedSize = clamp(newSize, MIN_SIZE, MAX_SIZE, MAX_SIZE);
        wantedPreDelayMs = clamp(preDelay, 0f, MAX_PRE_DELAY_MS, 0f);
        decay.setTarget(clamp(decaySeconds, MIN_DECAY_S, MAX_DECAY_S, 1.5f), snap);
        if (snap) {
            size = wantedSize;
            preDelayMs = wantedPreDelayMs;
            applyLengths();
            designedDecay = Float.NaN;
        }
    }

    private static float clamp(float v, float lo, float hi, float fallback) {
        return Float.isNaN(v) ? fallback : Math.max(lo, Math.min(hi, v));
    }

    private void applyLengths() {
        for (int i = 0; i < LINES; i++) {
            length[i] = primeAtOrAbove((int) Math.round(LINE_MS[i] * size * fs / 1000));
        }
        preDelay = (int) Math.round(preDelayMs * fs / 1000);
    }

    static int primeAtOrAbove(int n) {
        for (int k = Math.max(2, n); ; k++) {
            boolean prime = true;
            for (int d = 2; d * d <= k; d++) {
                if (k % d == 0) {
                    prime = false;
                    break;
                }
            }
            if (prime) {
                return k;
            }
        }
    }

    private void design(float t60) {
        double hf = 1 - 1 / (HF_RATIO * HF_RATIO);
        for (int i = 0; i < LINES; i++) {
            double g = Math.pow(10, -3.0 * length[i] / (fs * t60));
            double b = Math.min(MAX_POLE, Math.log(10) / 4 * Math.log10(g) * hf);
            gain[i] = (float) (g * (1 - b));
            pole[i] = (float) b;
        }
        designedDecay = t60;
    }

    /**
     * Forgets the room's contents at once: no tail, idle. For a scene change, while every output is
     * faded to silence, so the old room does not ring into the new mix. Audio thread; no allocation.
     */
    public void silence() {
        if (!idle) {
            clear();
            idle = true;
            quietFor = 0;
        }
    }

    /** Whether the reverb is silent and skipping work (no input and its tail has died away). */
    public boolean isIdle() {
        return idle;
    }

    /**
     * Reverberates one block. {@code inputSilent}: the send bus is known to be all zeros (then an
     * idle reverb does nothing at all). Returns false when the output is silence and was not
     * written (the caller must not use outLeft/outRight then).
     */
    public boolean process(float[] inLeft, float[] inRight, float[] outLeft, float[] outRight, int n,
                           boolean inputSilent) {
        if (idle) {
            if (inputSilent) {
                return false;
            }
            idle = false;
        }
        float d = decay.advance(n);
        if (d != designedDecay) {
            design(d);
        }
        float l0 = level.current();
        boolean pending = wantedSize != size || wantedPreDelayMs != preDelayMs;
        if (pending && !level.isMoving() && l0 == 1f) {
            level.setTarget(0f, false);
        }
        float l1 = level.advance(n);
        float peak = run(inLeft, inRight, outLeft, outRight, n, inputSilent);
        if (l0 != 1f || l1 != 1f) {
            float dl = (l1 - l0) / n;
            for (int i = 0; i < n; i++) {
                float g = l0 + dl * (i + 1);
                outLeft[i] *= g;
                outRight[i] *= g;
            }
        }
        if (l1 == 0f && !level.isMoving()) {
            // Silent: take the new size and pre-delay now, then fade back in.
            size = wantedSize;
            preDelayMs = wantedPreDelayMs;
            applyLengths();
            design(d);
            level.setTarget(1f, false);
        }
        // Idle once input and output have been quiet for longer than the pre-delay plus the
        // longest line: everything written before has then been read back at least once.
        quietFor = inputSilent && peak < IDLE_LEVEL ? quietFor + n : 0;
        if (quietFor > preDelay + length[LINES - 1]) {
            clear();
            idle = true;
            quietFor = 0;
        }
        return true;
    }

    /** The network; returns the largest output in the block (and of the lines at its end) (to tell when the tail is gone). */
    private float run(float[] inLeft, float[] inRight, float[] outLeft, float[] outRight, int n, boolean silent) {
        final float[] x0 = lines[0], x1 = lines[1], x2 = lines[2], x3 = lines[3];
        final float[] x4 = lines[4], x5 = lines[5], x6 = lines[6], x7 = lines[7];
        final int d0 = length[0], d1 = length[1], d2 = length[2], d3 = length[3];
        final int d4 = length[4], d5 = length[5], d6 = length[6], d7 = length[7];
        final float g0 = gain[0], g1 = gain[1], g2 = gain[2], g3 = gain[3];
        final float g4 = gain[4], g5 = gain[5], g6 = gain[6], g7 = gain[7];
        final float b0 = pole[0], b1 = pole[1], b2 = pole[2], b3 = pole[3];
        final float b4 = pole[4], b5 = pole[5], b6 = pole[6], b7 = pole[7];
        float y0 = lowpass[0], y1 = lowpass[1], y2 = lowpass[2], y3 = lowpass[3];
        float y4 = lowpass[4], y5 = lowpass[5], y6 = lowpass[6], y7 = lowpass[7];
        final float[] pl = preLeft, pr = preRight;
        final int m = mask, pm = preMask, pd = preDelay;
        final float s = HADAMARD_SCALE;
        int w = write, pw = preWrite;
        float peak = 0f;
        for (int i = 0; i < n; i++) {
            pl[pw] = silent ? 0f : inLeft[i];
            pr[pw] = silent ? 0f : inRight[i];
            float inL = pl[(pw - pd) & pm];
            float inR = pr[(pw - pd) & pm];
            pw = (pw + 1) & pm;
            // Jot's absorptive low-pass per line: y = g(1-b)·v + b·y.
            y0 = g0 * x0[(w - d0) & m] + b0 * y0;
            y1 = g1 * x1[(w - d1) & m] + b1 * y1;
            y2 = g2 * x2[(w - d2) & m] + b2 * y2;
            y3 = g3 * x3[(w - d3) & m] + b3 * y3;
            y4 = g4 * x4[(w - d4) & m] + b4 * y4;
            y5 = g5 * x5[(w - d5) & m] + b5 * y5;
            y6 = g6 * x6[(w - d6) & m] + b6 * y6;
            y7 = g7 * x7[(w - d7) & m] + b7 * y7;
            outLeft[i] = OUTPUT_GAIN * (y0 - y2 + y4 - y6);
            outRight[i] = OUTPUT_GAIN * (y1 - y3 + y5 - y7);
            peak = Math.max(peak, Math.max(Math.abs(outLeft[i]), Math.abs(outRight[i])));
            // Fast Walsh-Hadamard transform (unitary with the 1/sqrt(8) scale), three butterfly stages.
            float a0 = y0 + y1, a1 = y0 - y1, a2 = y2 + y3, a3 = y2 - y3;
            float a4 = y4 + y5, a5 = y4 - y5, a6 = y6 + y7, a7 = y6 - y7;
            float c0 = a0 + a2, c1 = a1 + a3, c2 = a0 - a2, c3 = a1 - a3;
            float c4 = a4 + a6, c5 = a5 + a7, c6 = a4 - a6, c7 = a5 - a7;
            x0[w] = s * (c0 + c4) + inL;
            x1[w] = s * (c1 + c5) - inL;
            x2[w] = s * (c2 + c6) + inL;
            x3[w] = s * (c3 + c7) - inL;
            x4[w] = s * (c0 - c4) + inR;
            x5[w] = s * (c1 - c5) - inR;
            x6[w] = s * (c2 - c6) + inR;
            x7[w] = s * (c3 - c7) - inR;
            w = (w + 1) & m;
        }
        write = w;
        preWrite = pw;
        peak = Math.max(peak, Math.max(Math.max(Math.max(Math.abs(y0), Math.abs(y1)), Math.max(Math.abs(y2), Math.abs(y3))),
                Math.max(Math.max(Math.abs(y4), Math.abs(y5)), Math.max(Math.abs(y6), Math.abs(y7)))));
        lowpass[0] = flush(y0);
        lowpass[1] = flush(y1);
        lowpass[2] = flush(y2);
        lowpass[3] = flush(y3);
        lowpass[4] = flush(y4);
        lowpass[5] = flush(y5);
        lowpass[6] = flush(y6);
        lowpass[7] = flush(y7);
        return peak;
    }

    private static float flush(float v) {
        return Math.abs(v) < 1e-20f ? 0f : v;
    }

    private void clear() {
        for (float[] line : lines) {
            Arrays.fill(line, 0f);
        }
        Arrays.fill(preLeft, 0f);
        Arrays.fill(preRight, 0f);
        Arrays.fill(lowpass, 0f);
    }
}
