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

    private final TruePeakInterpolator[] truePeak = {new TruePeakInterpolator(), new TruePeakInterpolator()};
    private final PeakBallistics[] samplePeakDisplay = {new PeakBallistics(), new PeakBallistics()};
    private final PeakBallistics[] truePeakDisplay = {new PeakBallistics(), new PeakBallistics()};
    private final RmsWindow[] rms = {new RmsWindow(), new RmsWindow()};
    private final VuBallistics vu = new VuBallistics();
    private final Correlation correlation = new Correlation();
    private final Loudness loudness;

    /** The always-on pass as vectors where the JVM has the Vector API ({@link Simd}), or null. */
    private static final LevelKernel VECTOR = Simd.kernel(LevelKernel.class, "VectorLevels", null);

    /** What {@link LevelKernel#levels} covered: sum of squares, clip count, peak. */
    private final double[] covered = new double[3];
    private final long[] clips = new long[2];
    /** This block's sample and true peaks so far, and the true-peak level below which nothing matters. */
    private final float[] peak = new float[2];
    private final float[] truePeakOfBlock = new float[2];
    private final float[] useless = new float[2];
    private final double[] samplePeakMax = new double[2];
    private final double[] truePeakMax = new double[2];
    private final double[] runSumSq = new double[2];
    private final double[] slotSumSq = new double[2];
    private long runSamples;
    private double hopSumSq;
    private int slotLeft, hopLeft, correlationHopLeft;
    private double correlationSum;
    private long correlationCount;
    private boolean prepared;
    private int demand = MeterDemand.ALL;

    public BusMeter() {
        this(0);
    }

    /** @param index the bus index; only used to spread periodic work of many buses over time */
    public BusMeter(int index) {
        loudness = new Loudness(index);
    }

    /** Sets the sample rate and clears everything; allocates, so never on the audio thread. */
    public void prepare(double sampleRate) {
        if (!(sampleRate >= 8000 && sampleRate <= 768000)) {
            throw new IllegalArgumentException("sample rate out of range: " + sampleRate);
        }
        for (int c = 0; c < 2; c++) {
            truePeak[c].reset();
            samplePeakDisplay[c].prepare(sampleRate);
            truePeakDisplay[c].prepare(sampleRate);
            rms[c].prepare(sampleRate);
            slotSumSq[c] = 0;
        }
        vu.prepare(sampleRate);
        correlation.prepare(sampleRate);
        loudness.prepare(sampleRate);
        slotLeft = rms[0].slotSamples();
        hopLeft = loudness.hopSamples();
        correlationHopLeft = hopLeft;
        hopSumSq = 0;
        reset(RESET_ALL);
        prepared = true;
    }

    /**
     * Sets what this meter computes (bits of {@link MeterDemand}; {@link MeterDemand#ALWAYS} is
     * added). A unit switched on restarts from silence here, as in a meter created now. Call on
     * the feeding thread, between blocks; no allocation.
     */
    public void demand(int mask) {
        int want = mask | MeterDemand.ALWAYS;
        int rising = want & ~demand;
        demand = want;
        if (rising == 0) {
            return;
        }
        if ((rising & MeterDemand.TRUE_PEAK) != 0) {
            for (int c = 0; c < 2; c++) {
                truePeak[c].reset();
                truePeakDisplay[c].reset();
                truePeakMax[c] = 0;
            }
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

    /** What this meter computes now (bits of {@link MeterDemand}). */
    public int demand() {
        return demand;
    }

    /** Applies the reset bits (see RESET_*). Call on the feeding thread. */
    public void reset(int what) {
        if ((what & RESET_CLIPS) != 0) {
            clips[0] = clips[1] = 0;
        }
        if ((what & RESET_PEAKS) != 0) {
            for (int c = 0; c < 2; c++) {
                samplePeakMax[c] = 0;
                truePeakMax[c] = 0;
                samplePeakDisplay[c].reset();
                truePeakDisplay[c].reset();
            }
        }
        if ((what & RESET_LOUDNESS) != 0) {
            loudness.resetRun();
            runSumSq[0] = runSumSq[1] = 0;
            runSamples = 0;
            correlationSum = 0;
            correlationCount = 0;
        }
    }

    /** Meters one block of the stereo pair. No allocation, no locks. */
    public void accept(float[] left, float[] right, int numSamples) {
        if (!prepared) {
            return;
        }
        beginBlock(numSamples);
        stretches(left, right, 0, numSamples, null, 0);
        endBlock(numSamples);
    }

    /**
     * {@link #accept} for a {@link MeterBank} that K-weights its buses side by side: the block in
     * parts of at most {@link WeightingLanes#CHUNK}, each part's loudness squares already in
     * {@code weighted} at {@code lane}. The bank calls beginBlock, stretches for each part, endBlock.
     */
    boolean beginBlock(int numSamples) {
        if (!prepared) {
            return false;
        }
        peak[0] = peak[1] = 0f;
        truePeakOfBlock[0] = truePeakOfBlock[1] = 0f;
        if ((demand & MeterDemand.TRUE_PEAK) != 0) {
            // True peaks below these change neither the display nor the maximum (the display never
            // stands above the maximum), so the interpolator may skip windows that cannot reach them:
            // usually most of a block of programme material, never a block that sets a new peak.
            useless[0] = (float) (truePeakDisplay[0].lowestThatMatters(numSamples) * 0.999);
            useless[1] = (float) (truePeakDisplay[1].lowestThatMatters(numSamples) * 0.999);
        }
        return true;
    }

    /** Meters samples [from, from + count) of the block; see {@link #beginBlock}. */
    void stretches(float[] left, float[] right, int from, int count, WeightingLanes weighted, int lane) {
        final int want = demand;
        final boolean doTruePeak = (want & MeterDemand.TRUE_PEAK) != 0;
        final boolean doVu = (want & MeterDemand.VU) != 0;
        final boolean doLoudness = (want & MeterDemand.LOUDNESS) != 0;
        final boolean doCorrelation = (want & MeterDemand.CORRELATION) != 0;
        float peakL = peak[0], peakR = peak[1], trueL = truePeakOfBlock[0], trueR = truePeakOfBlock[1];
        int offset = from;
        final int end = from + count;
        while (offset < end) {
            int n = Math.min(end - offset, Math.min(slotLeft, Math.min(hopLeft, correlationHopLeft)));
            float stretchL = channel(0, left, offset, n);
            float stretchR = channel(1, right, offset, n);
            peakL = Math.max(peakL, stretchL);
            peakR = Math.max(peakR, stretchR);
            if (doTruePeak) {
                trueL = Math.max(trueL, truePeak[0].process(left, offset, n, useless[0], stretchL));
                trueR = Math.max(trueR, truePeak[1].process(right, offset, n, useless[1], stretchR));
            }
            if (doVu) {
                vu.process(left, right, offset, n);
            }
            if (doLoudness) {
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
                for (int c = 0; c < 2; c++) {
                    rms[c].endSlot(slotSumSq[c]);
                    slotSumSq[c] = 0;
                }
                slotLeft = rms[0].slotSamples();
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
        peak[0] = peakL;
        peak[1] = peakR;
        truePeakOfBlock[0] = trueL;
        truePeakOfBlock[1] = trueR;
    }

    /** Hands the loudness's K-weighting state to a bank's lane or takes it back ({@link WeightingLanes#handOver}). */
    void handOver(WeightingLanes lanes, int lane, boolean toLanes) {
        loudness.handOver(lanes, lane, toLanes);
    }

    /** Ends the block begun by {@link #beginBlock}: maxima and displays. */
    void endBlock(int numSamples) {
        float peakL = peak[0], peakR = peak[1];
        runSamples += numSamples;
        samplePeakMax[0] = Math.max(samplePeakMax[0], peakL);
        samplePeakMax[1] = Math.max(samplePeakMax[1], peakR);
        samplePeakDisplay[0].update(peakL, numSamples);
        samplePeakDisplay[1].update(peakR, numSamples);
        if ((demand & MeterDemand.TRUE_PEAK) != 0) {
            float trueL = truePeakOfBlock[0], trueR = truePeakOfBlock[1];
            truePeakMax[0] = Math.max(truePeakMax[0], trueL);
            truePeakMax[1] = Math.max(truePeakMax[1], trueR);
            truePeakDisplay[0].update(trueL, numSamples);
            truePeakDisplay[1].update(trueR, numSamples);
        }
    }

    /** Peak, clips and squares of one channel's stretch; returns the absolute peak. */
    private float channel(int c, float[] x, int offset, int n) {
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
        clips[c] += clipped;
        slotSumSq[c] += sumSq;
        runSumSq[c] += sumSq;
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
        for (int c = 0; c < 2; c++) {
            d[base + c] = samplePeakDisplay[c].displayDb();
            d[base + 2 + c] = samplePeakMax[c];
            d[base + 4 + c] = tp ? truePeakDisplay[c].displayDb() : Double.NaN;
            d[base + 6 + c] = tp ? truePeakMax[c] : Double.NaN;
            d[base + 8 + c] = rms[c].meanSquare();
            d[base + 10 + c] = vuOn ? vu.output(c) : Double.NaN;
            d[base + 12 + c] = clips[c];
            d[base + 14 + c] = runSamples == 0 ? 0.0 : runSumSq[c] / runSamples;
        }
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
