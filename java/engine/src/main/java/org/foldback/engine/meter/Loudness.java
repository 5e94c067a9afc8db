package org.foldback.engine.meter;

/**
 * Loudness of one stereo bus after ITU-R BS.1770-4 and EBU R128 / Tech 3341 / Tech 3342.
 *
 * <p>Both channels are K-weighted and their squares summed (channel weight 1.0 for left and
 * right) in 100 ms hops. A ring of the last 30 hops gives momentary loudness (400 ms, 4 hops) and
 * short-term loudness (3 s, 30 hops), both updated every 100 ms, so gating blocks of 400 ms
 * overlap by 75 % as BS.1770-4 specifies. Windows are zero-filled at start; maxima and the
 * integrating histograms only take values once their window is full. Every momentary block goes
 * to the integrated histogram (absolute gate -70 LUFS, relative gate -10 LU); every short-term
 * value (10 per second) goes to the loudness-range histogram (absolute gate -70 LUFS, relative
 * gate -20 LU, 10th to 95th percentile, Tech 3342).
 */
final class Loudness {
    static final double HOP_SECONDS = 0.100;
    static final int MOMENTARY_HOPS = 4;
    static final int SHORT_TERM_HOPS = 30;
    static final double INTEGRATED_RELATIVE_GATE_LU = -10.0;
    static final double RANGE_RELATIVE_GATE_LU = -20.0;
    static final double RANGE_LOW_PERCENTILE = 0.10;
    static final double RANGE_HIGH_PERCENTILE = 0.95;
    /** The range is recomputed every this many hops (its percentile scan is the costliest step). */
    static final int RANGE_EVERY_HOPS = 10;

    private final int stagger;
    private final double[] hops = new double[SHORT_TERM_HOPS];
    /**
     * Given after construction ({@link #use}), not made with the meter: 190 kB a bus that only the
     * 100 ms hops touch. A bank makes all its meters first, so their state that every block touches
     * lies together in a few pages rather than one bus's every 190 kB (PERFORMANCE.md, "Session 9:
     * the engine's working set"); the histograms follow at prepare, and only for the buses whose
     * loudness is computed (a source's when a reader first asks for it: PERFORMANCE.md, "Session
     * 11: second instance"). Null until then: no hop may end without them.
     */
    private LoudnessHistogram integratedBlocks;
    private LoudnessHistogram shortTermValues;
    private KWeighting weighting = new KWeighting(48000);
    private int hopSamples;
    private int next;
    private long hopsDone;
    private double momentary = Double.NEGATIVE_INFINITY, shortTerm = Double.NEGATIVE_INFINITY;
    private double momentaryMax = Double.NEGATIVE_INFINITY, shortTermMax = Double.NEGATIVE_INFINITY;
    private double integrated = Double.NEGATIVE_INFINITY, range = Double.NaN;

    /** @param stagger spreads the range computation of different buses over different hops */
    Loudness(int stagger) {
        this.stagger = Math.floorMod(stagger, RANGE_EVERY_HOPS);
    }

    /**
     * Integrates into {@code made} from now on, cleared first. No allocation (the histograms are
     * made elsewhere), so the audio thread may call it; once per meter, they are never swapped.
     */
    void use(LoudnessHistograms made) {
        integratedBlocks = made.integratedBlocks;
        shortTermValues = made.shortTermValues;
        resetRun();
    }

    /** Whether the histograms are here, i.e. whether hops may end ({@link #endHop}). */
    boolean hasHistograms() {
        return integratedBlocks != null;
    }

    /** Allocates (the weighting filters); not for the audio thread. Keeps the histograms, cleared. */
    void prepare(double fs) {
        weighting = new KWeighting(fs);
        hopSamples = Math.max(1, (int) Math.round(fs * HOP_SECONDS));
        java.util.Arrays.fill(hops, 0);
        next = 0;
        hopsDone = 0;
        momentary = shortTerm = Double.NEGATIVE_INFINITY;
        resetRun();
    }

    /** Starts again from silence at the same rate: filters, windows and the run. No allocation. */
    void restart() {
        weighting.reset();
        java.util.Arrays.fill(hops, 0);
        next = 0;
        hopsDone = 0;
        momentary = shortTerm = Double.NEGATIVE_INFINITY;
        resetRun();
    }

    /** Clears the integrated loudness, the loudness range and the maxima. */
    void resetRun() {
        if (integratedBlocks != null) { // else none given yet: nothing to clear
            integratedBlocks.reset();
            shortTermValues.reset();
        }
        momentaryMax = shortTermMax = Double.NEGATIVE_INFINITY;
        integrated = Double.NEGATIVE_INFINITY;
        range = Double.NaN;
    }

    int hopSamples() {
        return hopSamples;
    }

    /** Hands the K-weighting's state to a bank's lane or takes it back ({@link WeightingLanes#handOver}). */
    void handOver(WeightingLanes lanes, int bus, boolean toLanes) {
        weighting.handOver(lanes, bus, toLanes);
    }

    /** Whether the K-weighting's own state is all zeros ({@link KWeighting#quiet}). */
    boolean quiet() {
        return weighting.quiet();
    }

    /** K-weights a stretch of both channels and returns the sum of their squares. */
    double weigh(float[] l, float[] r, int offset, int n) {
        return weighting.sumOfSquares(l, r, offset, n);
    }

    /** Ends a 100 ms hop whose summed K-weighted squares were {@code sumSq}; only with the histograms. */
    void endHop(double sumSq) {
        hops[next] = sumSq;
        next = next + 1 == SHORT_TERM_HOPS ? 0 : next + 1;
        hopsDone++;
        double m = 0, s = 0;
        for (int i = 1; i <= SHORT_TERM_HOPS; i++) {
            double h = hops[(next - i + SHORT_TERM_HOPS) % SHORT_TERM_HOPS];
            if (i <= MOMENTARY_HOPS) {
                m += h;
            }
            s += h;
        }
        double momentaryEnergy = m / ((double) MOMENTARY_HOPS * hopSamples);
        double shortTermEnergy = s / ((double) SHORT_TERM_HOPS * hopSamples);
        momentary = Levels.loudness(momentaryEnergy);
        shortTerm = Levels.loudness(shortTermEnergy);
        if (hopsDone >= MOMENTARY_HOPS) {
            momentaryMax = Math.max(momentaryMax, momentary);
            integratedBlocks.add(momentaryEnergy);
            integrated = integratedBlocks.gatedLoudness(INTEGRATED_RELATIVE_GATE_LU);
        }
        if (hopsDone >= SHORT_TERM_HOPS) {
            shortTermMax = Math.max(shortTermMax, shortTerm);
            shortTermValues.add(shortTermEnergy);
            if (hopsDone % RANGE_EVERY_HOPS == stagger) {
                updateRange();
            }
        }
    }

    private void updateRange() {
        if (shortTermValues == null) {
            return; // no histograms: no value yet
        }
        range = shortTermValues.range(RANGE_RELATIVE_GATE_LU, RANGE_LOW_PERCENTILE, RANGE_HIGH_PERCENTILE);
    }

    /** Brings the range up to date with every value so far (offline use, e.g. at the end of a file). */
    void finish() {
        updateRange();
    }

    double momentary() { return momentary; }
    double shortTerm() { return shortTerm; }
    double momentaryMax() { return momentaryMax; }
    double shortTermMax() { return shortTermMax; }
    double integrated() { return integrated; }
    double range() { return range; }
    long hopsDone() { return hopsDone; }
}
