package org.foldback.engine.meter;

import org.foldback.engine.simd.LevelKernel;
import org.foldback.engine.simd.Simd;

/**
 * The full meter set of one stereo bus: sample peak, true peak, clips, RMS, VU, loudness
 * (momentary, short-term, integrated, range) and correlation. Single-threaded: {@link #prepare}
 * allocates, {@link #accept} does not. Other threads read it through {@link MeterBank}; offline
 * users (the CLI, tests) may call {@link #readInto} on the thread that feeds it.
 *
 * <p>Computes the units of {@link #demand(int)} (all of them unless told otherwise); see
 * {@link MeterDemand} for what restarts when a unit's demand switches on.
 */
public final class BusMeter {
    /** Reset bits, combinable. */
    public static final int RESET_CLIPS = 1;
    public static final int RESET_PEAKS = 2;
    public static final int RESET_LOUDNESS = 4;
    public static final int RESET_ALL = RESET_CLIPS | RESET_PEAKS | RESET_LOUDNESS;

    // One field per channel rather than two-element arrays: every bus's meter runs once a period,
    // and between periods the host's other work evicts it from the caches; each array or small
    // object is one more cache line fetched from far away, and a dependent one (PERFORMANCE.md,
    // "Session 9: the engine's working set"). Left and right are spelt out where they are used.
    private final TruePeakInterpolator truePeakL = new TruePeakInterpolator(), truePeakR = new TruePeakInterpolator();
    private final PeakBallistics samplePeakDisplayL = new PeakBallistics(), samplePeakDisplayR = new PeakBallistics();
    private final PeakBallistics truePeakDisplayL = new PeakBallistics(), truePeakDisplayR = new PeakBallistics();
    private final RmsWindow rmsL = new RmsWindow(), rmsR = new RmsWindow();
    private final VuBallistics vu = new VuBallistics();
    private final Correlation correlation = new Correlation();
    private final Loudness loudness;

    /** The always-on pass as vectors where the JVM has the Vector API ({@link Simd}), or null. */
    private static final LevelKernel VECTOR = Simd.kernel(LevelKernel.class, "VectorLevels", null);

    /** What {@link LevelKernel#levels} covered: sum of squares, clip count, peak; read right after each call. */
    private final double[] covered;
    /** The last {@link #levels} call's sum of squares and clip count. */
    private double stretchSumSq;
    private long stretchClips;
    private long clipsL, clipsR;
    /** This block's sample and true peaks so far, and the true-peak level below which nothing matters. */
    private float peakL, peakR;
    private float truePeakOfBlockL, truePeakOfBlockR;
    private float uselessL, uselessR;
    private double samplePeakMaxL, samplePeakMaxR;
    private double truePeakMaxL, truePeakMaxR;
    private double runSumSqL, runSumSqR;
    private double slotSumSqL, slotSumSqR;
    /** The RMS windows' mean squares, copied at each slot's end: published every block, read here. */
    private double meanSquareL, meanSquareR;
    private long runSamples;
    private double hopSumSq;
    private int slotLeft, hopLeft, correlationHopLeft;
    private double correlationSum;
    private long correlationCount;
    private boolean prepared;
    private int demand = MeterDemand.ALL;
    /**
     * This block is known to be digital silence ({@link org.foldback.engine.BusTap#acceptSilent}):
     * its levels are known without a pass (peak, squares and clips all 0), and, where the true-peak
     * history or the K-weighting state is all zeros, so are those units' results (see
     * {@link #beginBlock(int, boolean, WeightingLanes, int)}). Set for the block by beginBlock.
     */
    private boolean silentBlock, quietTruePeak, quietLoudness;

    public BusMeter() {
        this(0);
    }

    /** @param index the bus index; only used to spread periodic work of many buses over time */
    public BusMeter(int index) {
        this(index, new double[3]);
    }

    /**
     * As {@link #BusMeter(int)}, with the levels kernel's output in {@code levelsScratch} (3
     * doubles), which the meters of one bank share: they run one after another on one thread.
     */
    BusMeter(int index, double[] levelsScratch) {
        covered = levelsScratch;
        loudness = new Loudness(index);
    }

    /**
     * Sets the sample rate and clears everything; allocates (the loudness histograms too, the first
     * time), so never on the audio thread.
     */
    public void prepare(double sampleRate) {
        prepare(sampleRate, loudness.hasHistograms() ? null : new LoudnessHistograms());
    }

    /**
     * {@link #prepare(double)} for a {@link MeterBank}, which makes the loudness histograms itself,
     * only for the buses that compute loudness: {@code histograms} is this bus's (once given, the
     * meter keeps them; null if none yet). Without them the loudness is not computed whatever the
     * demand, until {@link #use} hands them over.
     */
    void prepare(double sampleRate, LoudnessHistograms histograms) {
        if (!(sampleRate >= 8000 && sampleRate <= 768000)) {
            throw new IllegalArgumentException("sample rate out of range: " + sampleRate);
        }
        truePeakL.reset();
        truePeakR.reset();
        samplePeakDisplayL.prepare(sampleRate);
        samplePeakDisplayR.prepare(sampleRate);
        truePeakDisplayL.prepare(sampleRate);
        truePeakDisplayR.prepare(sampleRate);
        rmsL.prepare(sampleRate);
        rmsR.prepare(sampleRate);
        meanSquareL = rmsL.meanSquare();
        meanSquareR = rmsR.meanSquare();
        slotSumSqL = slotSumSqR = 0;
        vu.prepare(sampleRate);
        correlation.prepare(sampleRate);
        loudness.prepare(sampleRate);
        if (histograms != null && !loudness.hasHistograms()) {
            loudness.use(histograms);
        }
        if (!loudness.hasHistograms()) {
            demand &= ~MeterDemand.LOUDNESS; // switched on (and restarted) with the histograms
        }
        slotLeft = rmsL.slotSamples();
        hopLeft = loudness.hopSamples();
        correlationHopLeft = hopLeft;
        hopSumSq = 0;
        reset(RESET_ALL);
        prepared = true;
    }

    /**
     * Sets what this meter computes (bits of {@link MeterDemand}; {@link MeterDemand#ALWAYS} is
     * added). A unit switched on restarts from silence here, as in a meter created now. Call on
     * the feeding thread, between blocks; no allocation. Loudness stays off while the meter has no
     * histograms (a bank's bus before {@link #use}).
     */
    public void demand(int mask) {
        int want = mask | MeterDemand.ALWAYS;
        if (!loudness.hasHistograms()) {
            want &= ~MeterDemand.LOUDNESS;
        }
        int rising = want & ~demand;
        demand = want;
        if (rising == 0) {
            return;
        }
        if ((rising & MeterDemand.TRUE_PEAK) != 0) {
            truePeakL.reset();
            truePeakR.reset();
            truePeakDisplayL.reset();
            truePeakDisplayR.reset();
            truePeakMaxL = truePeakMaxR = 0;
        }
        if ((rising & MeterDemand.VU) != 0) {
            vu.reset();
        }
        if ((rising & MeterDemand.CORRELATION) != 0) {
            correlation.reset();
            correlationSum = 0;
            correlationCount = 0;
            correlationHopLeft = loudness.hopSamples();
        }
        if ((rising & MeterDemand.LOUDNESS) != 0) {
            loudness.restart();
            hopSumSq = 0;
            hopLeft = loudness.hopSamples(); // a whole 100 ms hop from here, as in a new meter
        }
    }

    /** Whether this meter has its loudness histograms (without them it computes no loudness). */
    boolean hasHistograms() {
        return loudness.hasHistograms();
    }

    /**
     * Feeding thread, no allocation: integrates the loudness into {@code histograms} from now on
     * (a bank hands them over at the first block that wants a bus's loudness). Loudness itself
     * starts with the next {@link #demand} that asks for it.
     */
    void use(LoudnessHistograms histograms) {
        if (!loudness.hasHistograms()) {
            loudness.use(histograms);
        }
    }

    /** What this meter computes now (bits of {@link MeterDemand}). */
    public int demand() {
        return demand;
    }

    /** Applies the reset bits (see RESET_*). Call on the feeding thread. */
    public void reset(int what) {
        if ((what & RESET_CLIPS) != 0) {
            clipsL = clipsR = 0;
        }
        if ((what & RESET_PEAKS) != 0) {
            samplePeakMaxL = samplePeakMaxR = 0;
            truePeakMaxL = truePeakMaxR = 0;
            samplePeakDisplayL.reset();
            samplePeakDisplayR.reset();
            truePeakDisplayL.reset();
            truePeakDisplayR.reset();
        }
        if ((what & RESET_LOUDNESS) != 0) {
            loudness.resetRun();
            runSumSqL = runSumSqR = 0;
            runSamples = 0;
            correlationSum = 0;
            correlationCount = 0;
        }
    }

    /** Meters one block of the stereo pair. No allocation, no locks. */
    public void accept(float[] left, float[] right, int numSamples) {
        accept(left, right, numSamples, false);
    }

    /**
     * {@link #accept} for a block the caller knows to be digital silence (every sample ±0): the
     * same figures, with the work zeros cannot change skipped. No allocation, no locks.
     */
    public void acceptSilent(float[] left, float[] right, int numSamples) {
        accept(left, right, numSamples, true);
    }

    private void accept(float[] left, float[] right, int numSamples, boolean silent) {
        if (!prepared) {
            return;
        }
        beginBlock(numSamples, silent, null, 0);
        stretches(left, right, 0, numSamples, null, 0);
        endBlock(numSamples);
    }

    /**
     * {@link #accept} for a {@link MeterBank} that K-weights its buses side by side: the block in
     * parts of at most {@link WeightingLanes#CHUNK}, each part's loudness squares already in
     * {@code weighted} at {@code lane}. The bank calls beginBlock, stretches for each part, endBlock.
     */
    boolean beginBlock(int numSamples) {
        return beginBlock(numSamples, false, null, 0);
    }

    /**
     * {@link #beginBlock(int)} for a block that is digital silence when {@code silent}, whose
     * K-weighting runs in lane {@code lane} of {@code lanes} (null: this meter's own filter). What
     * a silent block skips is exactly what cannot change the figures, to the bit:
     * <ul>
     * <li>the levels pass: zeros give a peak of +0, squares summing to +0 and no clips, and adding
     * +0 to a sum that is never -0 leaves it as it is;
     * <li>the true peak, while the interpolator's history is all zeros too: zeros interpolate to
     * zeros and the history stays zeros;
     * <li>the K-weighting, while its state is all zeros (flushed to +0 below 1e-30): the squares are
     * +0 and the state stays zeros. The bank then does not load the bus into its lane
     * ({@link #weighsInLane}); a lane not loaded filters zeros in a group that runs, or rests.
     * </ul>
     * Everything that counts time still runs: the RMS slots, the loudness hops and their windows,
     * the displays' fall, the sample counts.
     */
    boolean beginBlock(int numSamples, boolean silent, WeightingLanes lanes, int lane) {
        if (!prepared) {
            return false;
        }
        peakL = peakR = 0f;
        truePeakOfBlockL = truePeakOfBlockR = 0f;
        silentBlock = silent;
        quietTruePeak = silent && (demand & MeterDemand.TRUE_PEAK) != 0 && truePeakL.quiet() && truePeakR.quiet();
        quietLoudness = silent && (demand & MeterDemand.LOUDNESS) != 0
                && (lanes != null ? lanes.quiet(lane) : loudness.quiet());
        if ((demand & MeterDemand.TRUE_PEAK) != 0 && !quietTruePeak) {
            // True peaks below these change neither the display nor the maximum (the display never
            // stands above the maximum), so the interpolator may skip windows that cannot reach them:
            // usually most of a block of programme material, never a block that sets a new peak.
            uselessL = (float) (truePeakDisplayL.lowestThatMatters(numSamples) * 0.999);
            uselessR = (float) (truePeakDisplayR.lowestThatMatters(numSamples) * 0.999);
        }
        return true;
    }

    /**
     * Whether the bank must load this bus into its K-weighting lane this block: it computes
     * loudness, and the block is not a silent one on a quiet filter. After {@link #beginBlock}.
     */
    boolean weighsInLane() {
        return (demand & MeterDemand.LOUDNESS) != 0 && !quietLoudness;
    }

    /** Meters samples [from, from + count) of the block; see {@link #beginBlock}. */
    void stretches(float[] left, float[] right, int from, int count, WeightingLanes weighted, int lane) {
        final int want = demand;
        final boolean silent = silentBlock;
        final boolean doTruePeak = (want & MeterDemand.TRUE_PEAK) != 0 && !quietTruePeak;
        final boolean doVu = (want & MeterDemand.VU) != 0;
        final boolean doLoudness = (want & MeterDemand.LOUDNESS) != 0;
        final boolean weigh = doLoudness && !quietLoudness;
        final boolean doCorrelation = (want & MeterDemand.CORRELATION) != 0;
        float peakL = this.peakL, peakR = this.peakR, trueL = truePeakOfBlockL, trueR = truePeakOfBlockR;
        int offset = from;
        final int end = from + count;
        while (offset < end) {
            int n = Math.min(end - offset, Math.min(slotLeft, Math.min(hopLeft, correlationHopLeft)));
            float stretchL = 0f, stretchR = 0f; // a silent stretch's: no pass needed
            if (!silent) {
                stretchL = channelLeft(left, offset, n);
                stretchR = channelRight(right, offset, n);
                peakL = Math.max(peakL, stretchL);
                peakR = Math.max(peakR, stretchR);
            }
            if (doTruePeak) {
                trueL = Math.max(trueL, truePeakL.process(left, offset, n, uselessL, stretchL));
                trueR = Math.max(trueR, truePeakR.process(right, offset, n, uselessR, stretchR));
            }
            if (doVu) {
                vu.process(left, right, offset, n);
            }
            if (weigh) {
                hopSumSq += weighted == null ? loudness.weigh(left, right, offset, n)
                        : weighted.sumOfSquares(lane, offset - from, n);
            }
            if (doCorrelation) {
                correlation.process(left, right, offset, n);
            }
            slotLeft -= n;
            hopLeft -= n;
            correlationHopLeft -= n;
            offset += n;
            if (slotLeft == 0) {
                rmsL.endSlot(slotSumSqL);
                rmsR.endSlot(slotSumSqR);
                meanSquareL = rmsL.meanSquare();
                meanSquareR = rmsR.meanSquare();
                slotSumSqL = slotSumSqR = 0;
                slotLeft = rmsL.slotSamples();
            }
            if (hopLeft == 0) {
                if (doLoudness) {
                    loudness.endHop(hopSumSq);
                    hopSumSq = 0;
                }
                hopLeft = loudness.hopSamples();
            }
            if (correlationHopLeft == 0) {
                // The correlation mean takes one reading per 100 ms, on a clock of its own so it
                // restarts with the correlation and leaves the loudness hops where they are.
                double r = doCorrelation ? correlation.value() : Double.NaN;
                if (!Double.isNaN(r)) {
                    correlationSum += r;
                    correlationCount++;
                }
                correlationHopLeft = loudness.hopSamples();
            }
        }
        this.peakL = peakL;
        this.peakR = peakR;
        truePeakOfBlockL = trueL;
        truePeakOfBlockR = trueR;
    }

    /** Hands the loudness's K-weighting state to a bank's lane or takes it back ({@link WeightingLanes#handOver}). */
    void handOver(WeightingLanes lanes, int lane, boolean toLanes) {
        loudness.handOver(lanes, lane, toLanes);
    }

    /** Ends the block begun by {@link #beginBlock}: maxima and displays. */
    void endBlock(int numSamples) {
        float peakL = this.peakL, peakR = this.peakR;
        runSamples += numSamples;
        samplePeakMaxL = Math.max(samplePeakMaxL, peakL);
        samplePeakMaxR = Math.max(samplePeakMaxR, peakR);
        samplePeakDisplayL.update(peakL, numSamples);
        samplePeakDisplayR.update(peakR, numSamples);
        if ((demand & MeterDemand.TRUE_PEAK) != 0) {
            float trueL = truePeakOfBlockL, trueR = truePeakOfBlockR;
            truePeakMaxL = Math.max(truePeakMaxL, trueL);
            truePeakMaxR = Math.max(truePeakMaxR, trueR);
            truePeakDisplayL.update(trueL, numSamples);
            truePeakDisplayR.update(trueR, numSamples);
        }
    }

    /** Peak, clips and squares of the left channel's stretch; returns its absolute peak. */
    private float channelLeft(float[] x, int offset, int n) {
        float peak = levels(x, offset, n);
        clipsL += stretchClips;
        slotSumSqL += stretchSumSq;
        runSumSqL += stretchSumSq;
        return peak;
    }

    /** {@link #channelLeft} for the right channel. */
    private float channelRight(float[] x, int offset, int n) {
        float peak = levels(x, offset, n);
        clipsR += stretchClips;
        slotSumSqR += stretchSumSq;
        runSumSqR += stretchSumSq;
        return peak;
    }

    /**
     * One channel's stretch: returns the absolute peak and leaves the sum of squares and the clip
     * count in {@link #stretchSumSq} and {@link #stretchClips} (the kernel's part, then the plain
     * loop's rest, in that order).
     */
    private float levels(float[] x, int offset, int n) {
        float peak = 0f;
        long clipped = 0;
        double sumSq = 0;
        int from = offset;
        if (Simd.use(VECTOR)) {
            from += VECTOR.levels(x, offset, n, covered);
            sumSq = covered[0];
            clipped = (long) covered[1];
            peak = (float) covered[2];
        }
        for (int i = from, end = offset + n; i < end; i++) {
            float s = x[i];
            float a = Math.abs(s);
            if (a > peak) {
                peak = a;
            }
            if (a >= 1.0f) {
                clipped++;
            }
            sumSq += (double) s * s;
        }
        stretchSumSq = sumSq;
        stretchClips = clipped;
        return peak;
    }

    /** Whether this JVM's always-on pass runs as vectors (for tests). */
    static boolean vectorised() {
        return Simd.use(VECTOR);
    }

    /** Brings slowly updated values (the loudness range) up to date; offline use. */
    public void finish() {
        loudness.finish();
    }

    /**
     * Writes the current values into {@code d} from {@code base}, in {@link MeterReading}'s raw
     * order. Levels go out linear (amplitudes, mean squares); the reader takes the logarithms
     * ({@link MeterReading#unpack}), so the audio thread does not. Units not demanded write NaN.
     */
    void store(double[] d, int base) {
        final int want = demand;
        final boolean tp = (want & MeterDemand.TRUE_PEAK) != 0;
        final boolean vuOn = (want & MeterDemand.VU) != 0;
        final boolean loud = (want & MeterDemand.LOUDNESS) != 0;
        final boolean corr = (want & MeterDemand.CORRELATION) != 0;
        d[base] = samplePeakDisplayL.displayDb();
        d[base + 1] = samplePeakDisplayR.displayDb();
        d[base + 2] = samplePeakMaxL;
        d[base + 3] = samplePeakMaxR;
        d[base + 4] = tp ? truePeakDisplayL.displayDb() : Double.NaN;
        d[base + 5] = tp ? truePeakDisplayR.displayDb() : Double.NaN;
        d[base + 6] = tp ? truePeakMaxL : Double.NaN;
        d[base + 7] = tp ? truePeakMaxR : Double.NaN;
        d[base + 8] = meanSquareL;
        d[base + 9] = meanSquareR;
        d[base + 10] = vuOn ? vu.output(0) : Double.NaN;
        d[base + 11] = vuOn ? vu.output(1) : Double.NaN;
        d[base + 12] = clipsL;
        d[base + 13] = clipsR;
        d[base + 14] = runSamples == 0 ? 0.0 : runSumSqL / runSamples;
        d[base + 15] = runSamples == 0 ? 0.0 : runSumSqR / runSamples;
        d[base + 16] = loud ? loudness.momentary() : Double.NaN;
        d[base + 17] = loud ? loudness.shortTerm() : Double.NaN;
        d[base + 18] = loud ? loudness.momentaryMax() : Double.NaN;
        d[base + 19] = loud ? loudness.shortTermMax() : Double.NaN;
        d[base + 20] = loud ? loudness.integrated() : Double.NaN;
        d[base + 21] = loud ? loudness.range() : Double.NaN;
        d[base + 22] = corr ? correlation.value() : Double.NaN;
        d[base + 23] = !corr || correlationCount == 0 ? Double.NaN : correlationSum / correlationCount;
        d[base + 24] = runSamples;
    }

    /** Fills {@code into} from this meter; only on the thread that feeds it. */
    public void readInto(MeterReading into) {
        store(into.raw, 0);
        into.unpack();
    }
}
