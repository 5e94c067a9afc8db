package org.foldback.engine.meter;

import java.util.Random;

/**
 * Runs the loudness meter's 100 ms hop ({@link Loudness#endHop}: the integrating histograms'
 * {@code add}, the gated loudness, every tenth hop the loudness range) many times on a scratch
 * meter, so the JIT has compiled it before a real block ends a hop.
 *
 * <p>Why: a hop ends once per 100 ms per bus, so a warm-up that plays audio reaches it a few hundred
 * times, and HotSpot compiles a method only after a few hundred calls (C1) and a few thousand
 * (C2); with the compile queue long, as it is in a warm-up, it waits for more. In jalv the
 * histograms' methods then ran in the interpreter for 10-40 s after the host started playing and
 * were compiled from the audio thread's calls there, each compile beside a late block at 32-sample
 * periods (PERFORMANCE.md, "Session 11: Ardour at 32 samples" and "Session 12").
 *
 * <p>It calls the methods the audio thread calls, in the same order, through {@link Loudness#endHop}
 * on its own {@link Loudness} and {@link LoudnessHistograms}: no meter of any instance is touched.
 * The hops' levels take every branch a session takes (silence, below the absolute gate, quiet to
 * loud, above the histogram's top; the gate moving up and down; runs cleared), so C2 compiles no
 * branch of them as a trap the host would later spring.
 */
public final class LoudnessHopWarmup {
    /** The hops' levels, LUFS: silence, below the -70 LUFS gate, programme, over the top bin. */
    private static final double[] LEVELS = {Double.NEGATIVE_INFINITY, -85, -45, -30, -23, -18, -12, -6, 12};
    /** A run is cleared every this many hops (a meter reset), so the "nothing yet" paths run too. */
    static final int HOPS_PER_RUN = 3000;

    private LoudnessHopWarmup() {}

    /**
     * Ends {@code hops} hops on a scratch meter at {@code sampleRate}. Allocates the scratch meter
     * (190 kB); not for the audio thread. Returns the last loudness range (a result, so that no
     * compiler may drop the work).
     */
    public static double run(int hops, double sampleRate, long seed) {
        Random rnd = new Random(seed);
        Loudness loudness = new Loudness((int) (seed % Loudness.RANGE_EVERY_HOPS));
        loudness.prepare(sampleRate);
        loudness.use(new LoudnessHistograms());
        double hopSamples = loudness.hopSamples();
        double level = LEVELS[4];
        for (int h = 0, hold = 0; h < hops; h++) {
            if (--hold <= 0) { // a new passage: 0.5-30 s at one level
                level = LEVELS[rnd.nextInt(LEVELS.length)];
                hold = 5 + rnd.nextInt(300);
            }
            if (h % HOPS_PER_RUN == HOPS_PER_RUN - 1) {
                loudness.resetRun();
            }
            double lufs = level + rnd.nextGaussian() * 2; // a passage's hops wander by a few LU
            double meanSquare = Math.pow(10, (lufs + 0.691) / 10); // 0 for silence
            loudness.endHop(meanSquare * hopSamples);
        }
        loudness.finish();
        return loudness.range();
    }
}
