package org.foldback.engine.mix;

import java.util.Arrays;
import org.foldback.engine.crossfeed.Crossfeed;
import org.foldback.engine.simd.EarKernel;
import org.foldback.engine.simd.Simd;
import org.foldback.engine.tone.ToneControl;

/**
 * The cues' tone and crossfeed side by side in vector lanes ({@link EarKernel}), one cue per lane:
 * both are recursions in double, so one cue's samples cannot share a vector, and eight cues filtered
 * one after the other kept the CPU waiting on each biquad's previous output (a third of the block
 * with every ear stage on, 2026-12-02). The cue engine mixes every cue's bus first, hands each cue
 * whose stages are settled to {@link #add}, runs them all ({@link #run}) and only then finishes each
 * cue (output stage, limiter).
 *
 * <p>Only the settled cases go into lanes: the tone's three-section cascade with every setting
 * still ({@link ToneControl#settledCascade}), the crossfeed with constant coefficients
 * ({@link Crossfeed#settledOn}). A cue whose tone or crossfeed is moving, or whose tone has a
 * section switched off, runs that stage in its plain form; the two stages keep their order either
 * way. Every lane does the plain filters' arithmetic in their order, rounding to float between the
 * stages as the plain path does, and the states are handed back with the plain filters' flush at
 * the block's end, so the output has the plain path's bits.
 *
 * <p>Only where the JVM has the Vector API ({@link #available}); without it the engine runs each
 * cue's stages in their plain form. Audio thread only, except construction.
 */
final class EarLanes {
    /** Samples per part: longer blocks go in parts, the state carried between them unflushed. */
    static final int CHUNK = 128;
    private static final EarKernel VECTOR = Simd.kernel(EarKernel.class, "VectorEar", null, CHUNK);
    // Per-cue values in the kernel's arrays (EarKernel's layout).
    private static final int TONE_STATE = 0;
    private static final int FEED_STATE = 16;
    private static final int STATES = 20;

    private final int lanes;
    /** Cues rounded up to whole vectors: the distance between two values of a cue. */
    private final int stride;
    private final float[] rows;
    private final double[] out;
    private final double[] tone;
    private final double[] feed;
    private final double[] state;
    private final boolean[] toneOn;
    private final boolean[] feedOn;
    private final boolean[] groupUsed;
    private final ToneControl[] tones;
    private final Crossfeed[] feeds;
    private final float[][] left;
    private final float[][] right;
    private final int[] order;
    private int count;
    /** Cue blocks shaped in lanes since construction (tests check the lanes were used). */
    private long shaped;

    /** Whether this JVM runs the lanes (the Vector API is on). */
    static boolean available() {
        return VECTOR != null;
    }

    /** Lanes for up to {@code cues} cues; only when {@link #available}. */
    EarLanes(int cues) {
        lanes = VECTOR.lanes();
        stride = (cues + lanes - 1) / lanes * lanes;
        rows = new float[2 * CHUNK * stride];
        out = new double[2 * CHUNK * stride];
        tone = new double[15 * stride];
        feed = new double[5 * stride];
        state = new double[STATES * stride];
        toneOn = new boolean[stride];
        feedOn = new boolean[stride];
        groupUsed = new boolean[stride / lanes];
        tones = new ToneControl[stride];
        feeds = new Crossfeed[stride];
        left = new float[stride][];
        right = new float[stride][];
        order = new int[stride];
    }

    /**
     * Takes the settled stages of cue {@code cue}'s bus into its lane for this block: the tone if
     * {@code t} is not null, the crossfeed if {@code f} is not null (at least one). The bus must
     * stay untouched until {@link #run}, which writes the result back into it.
     */
    void add(int cue, ToneControl t, Crossfeed f, float[] l, float[] r) {
        order[count++] = cue;
        tones[cue] = t;
        feeds[cue] = f;
        left[cue] = l;
        right[cue] = r;
        toneOn[cue] = t != null;
        feedOn[cue] = f != null;
        if (t != null) {
            t.exportCascade(tone, 0, state, TONE_STATE, stride, cue);
        } else {
            zero(tone, 15, cue);
            zero(state, TONE_STATE, 16, cue);
        }
        if (f != null) {
            f.exportSettled(feed, 0, state, FEED_STATE, stride, cue);
        } else {
            zero(feed, 5, cue);
            zero(state, FEED_STATE, 4, cue);
        }
        groupUsed[cue / lanes] = true;
    }

    /** Whether some cue was added this block. */
    boolean any() {
        return count > 0;
    }

    /** Shapes the added cues' {@code n} samples in place, hands the states back, and empties the lanes. */
    void run(int n) {
        for (int g = 0; g < groupUsed.length; g++) {
            if (!groupUsed[g]) {
                continue;
            }
            // A lane of a used group that no cue took this block filters silence with zero
            // coefficients and state: nothing in it can grow or turn subnormal.
            for (int c = g * lanes, end = c + lanes; c < end; c++) {
                if (left[c] == null) {
                    toneOn[c] = feedOn[c] = false;
                    zero(tone, 15, c);
                    zero(feed, 5, c);
                    zero(state, 0, STATES, c);
                    Arrays.fill(rows, 2 * c * CHUNK, (2 * c + 2) * CHUNK, 0f);
                }
            }
        }
        for (int from = 0; from < n; from += CHUNK) {
            int part = Math.min(CHUNK, n - from);
            for (int q = 0; q < count; q++) {
                int c = order[q];
                System.arraycopy(left[c], from, rows, 2 * c * CHUNK, part);
                System.arraycopy(right[c], from, rows, (2 * c + 1) * CHUNK, part);
            }
            for (int g = 0; g < groupUsed.length; g++) {
                if (groupUsed[g]) {
                    VECTOR.shape(tone, feed, toneOn, feedOn, state, rows, stride, g * lanes, part, out);
                }
            }
            for (int q = 0; q < count; q++) {
                int c = order[q];
                float[] l = left[c], r = right[c];
                for (int i = 0, at = c; i < part; i++, at += 2 * stride) {
                    l[from + i] = (float) out[at];
                    r[from + i] = (float) out[at + stride];
                }
            }
        }
        for (int q = 0; q < count; q++) {
            int c = order[q];
            if (tones[c] != null) {
                tones[c].importCascade(state, TONE_STATE, stride, c, n);
            }
            if (feeds[c] != null) {
                feeds[c].importSettled(state, FEED_STATE, stride, c);
            }
            tones[c] = null;
            feeds[c] = null;
            left[c] = right[c] = null;
        }
        Arrays.fill(groupUsed, false);
        shaped += count;
        count = 0;
    }

    /** Cue blocks shaped in lanes so far. */
    long shaped() {
        return shaped;
    }

    private void zero(double[] values, int count, int lane) {
        zero(values, 0, count, lane);
    }

    private void zero(double[] values, int k0, int count, int lane) {
        for (int k = k0; k < k0 + count; k++) {
            values[k * stride + lane] = 0.0;
        }
    }
}
