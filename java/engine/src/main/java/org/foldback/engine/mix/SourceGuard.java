package org.foldback.engine.mix;

import org.foldback.engine.dsp.Denormals;
import org.foldback.engine.dsp.Ramp;
import org.foldback.engine.simd.GuardKernel;
import org.foldback.engine.simd.Simd;

/**
 * Copies one source's input into the engine, keeping broken audio out.
 *
 * <p>A block holding any sample that is NaN, infinite or beyond ±{@link #BROKEN_ABOVE} (+96 dBFS,
 * no real signal; such values would overflow the mix) quarantines the source: the whole block is
 * replaced by silence. Recovery: once the source has delivered at least {@code recoverSamples}
 * (10 ms), and at least one whole block, of good samples in a row, it fades back in over
 * {@code fadeSamples} (10 ms). Samples below {@link Denormals#INPUT_FLOOR} become 0.
 */
final class SourceGuard {
    /** Larger samples count as broken. */
    static final float BROKEN_ABOVE = 65536f;
    private static final int BROKEN_BITS = Float.floatToRawIntBits(BROKEN_ABOVE);
    private static final int FLOOR_BITS = Float.floatToRawIntBits(Denormals.INPUT_FLOOR);

    /** The copy as vectors, or null ({@link GuardKernel}). */
    private static final GuardKernel VECTOR = Simd.kernel(GuardKernel.class, "VectorGuard", null);

    /** The kernel's sign and kept outputs: read right after each call, so an engine's guards share them (2 ints). */
    private final int[] vectorSign;
    private final Ramp health = new Ramp();
    /** The health fade at rest at 1: a healthy source's block need not fetch its ramp. */
    private boolean whole = true;
    private boolean quarantined;
    /** Whether the last block's output is digital silence (every sample +0); see {@link #isSilent}. */
    private boolean silent;
    /** What the last {@link #copyFlushed} kept: nonzero if some sample passed the floor. */
    private int kept;
    private int cleanSamples;
    private int recoverSamples = 1;

    /** {@code signScratch}: two ints the guards of one engine share (they run one after another). */
    SourceGuard(int[] signScratch) {
        vectorSign = signScratch;
    }

    void prepare(int recoverSamples, int fadeSamples) {
        this.recoverSamples = recoverSamples;
        health.setLength(fadeSamples);
        health.reset(1f);
        whole = true;
        quarantined = false;
        cleanSamples = 0;
    }

    boolean isQuarantined() {
        return quarantined;
    }

    /**
     * Copies (inL, inR) into (outL, outR).
     *
     * @return true if this block held broken samples
     */
    boolean process(float[] inL, float[] inR, float[] outL, float[] outR, int n, float[] ramp) {
        // One pass: copy (flushing tiny values) while collecting the broken-sample sign bit.
        int sign = copyFlushed(inL, outL, n);
        int keptLeft = kept;
        sign |= copyFlushed(inR, outR, n);
        boolean broken = sign < 0;
        silent = (keptLeft | kept) == 0;
        if (broken) {
            quarantined = true;
            cleanSamples = 0;
            health.reset(0f);
            whole = false;
        } else if (quarantined) {
            cleanSamples += n;
            if (cleanSamples >= recoverSamples) {
                quarantined = false;
                health.setTarget(1f, false);
            }
        }
        if (broken || quarantined) {
            silent = true;
            java.util.Arrays.fill(outL, 0, n, 0f);
            java.util.Arrays.fill(outR, 0, n, 0f);
            return broken;
        }
        if (whole) {
            return false; // h0 = h1 = 1: nothing to fade
        }
        float h0 = health.current();
        float h1 = health.advance(n);
        if (h0 != 1f || h1 != 1f) {
            fadeIn(outL, outR, n, h0, h1, ramp);
        }
        whole = h1 == 1f && !health.isMoving();
        return false;
    }

    /**
     * Whether the block {@link #process} wrote last is digital silence: every sample of both
     * channels +0 (flushed, quarantined or silent input). Known from the copy's own pass, so the
     * meters can skip what zeros cannot change ({@code BusTap#acceptSilent}).
     */
    boolean isSilent() {
        return silent;
    }

    /**
     * out = x, or 0 where |x| < INPUT_FLOOR, by masking bits (branch-free, integer ops only).
     * Returns a negative number if any sample is broken: NaN, ±Inf and huge values all have
     * magnitude bits above BROKEN_BITS. Leaves {@link #kept} nonzero if some sample was kept.
     */
    private int copyFlushed(float[] x, float[] out, int n) {
        int sign = 0;
        int keep = 0;
        int i = 0;
        if (Simd.use(VECTOR)) {
            i = VECTOR.copyFlushed(x, out, n, BROKEN_BITS, FLOOR_BITS, vectorSign);
            sign = vectorSign[0];
            keep = vectorSign[1];
        }
        for (; i < n; i++) {
            int bits = Float.floatToRawIntBits(x[i]);
            int magnitude = bits & 0x7fffffff;
            sign |= BROKEN_BITS - magnitude;
            int tiny = (magnitude - FLOOR_BITS) >> 31;
            keep |= magnitude & ~tiny;
            out[i] = Float.intBitsToFloat(bits & ~tiny);
        }
        kept = keep;
        return sign;
    }

    private static void fadeIn(float[] l, float[] r, int n, float h0, float h1, float[] ramp) {
        float dh = h1 - h0;
        for (int i = 0; i < n; i++) {
            float h = h0 + dh * ramp[i];
            l[i] *= h;
            r[i] *= h;
        }
    }
}
