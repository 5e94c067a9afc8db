package org.foldback.engine.meter;

/**
 * A fixed histogram of block loudness values for gating over sessions of any length in bounded
 * memory: 0.01 LU bins from -70 LUFS (the absolute gate of BS.1770-4 and EBU Tech 3342) to
 * +10 LUFS; louder blocks land in the top bin. Each bin also keeps the exact sum of its blocks'
 * energies (weighted mean squares), so the gated means are exact except within the one bin that
 * straddles a relative gate (at most 0.01 LU of classification error).
 */
final class LoudnessHistogram {
    static final double MIN_LUFS = -70.0;
    static final double MAX_LUFS = 10.0;
    static final double BIN_LU = 0.01;
    static final int BINS = (int) Math.round((MAX_LUFS - MIN_LUFS) / BIN_LU);

    private final int[] counts = new int[BINS];
    private final double[] energies = new double[BINS];
    private long total;
    private double totalEnergy;
    private int lowest = BINS, highest = -1;
    /**
     * Incremental relative gating: the counts and energies of the bins from {@code gateFrom} up.
     * The gate moves slowly with the mean loudness, so following it costs a few bins per block
     * instead of a scan of the whole histogram every 100 ms on the audio thread.
     */
    private int gateFrom;
    private long aboveCount;
    private double aboveEnergy;

    void reset() {
        if (highest >= 0) {
            java.util.Arrays.fill(counts, lowest, highest + 1, 0);
            java.util.Arrays.fill(energies, lowest, highest + 1, 0.0);
        }
        total = 0;
        totalEnergy = 0;
        lowest = BINS;
        highest = -1;
        gateFrom = 0;
        aboveCount = 0;
        aboveEnergy = 0;
    }

    /** Adds a block of the given energy if it passes the absolute gate (-70 LUFS). */
    void add(double energy) {
        double lufs = Levels.loudness(energy);
        if (!(lufs >= MIN_LUFS)) {
            return;
        }
        int bin = Math.min(BINS - 1, (int) ((lufs - MIN_LUFS) / BIN_LU));
        counts[bin]++;
        energies[bin] += energy;
        total++;
        totalEnergy += energy;
        if (bin >= gateFrom) {
            aboveCount++;
            aboveEnergy += energy;
        }
        if (bin < lowest) {
            lowest = bin;
        }
        if (bin > highest) {
            highest = bin;
        }
    }

    long count() {
        return total;
    }

    /** First bin whose centre lies above {@code gateLufs}. */
    private int firstBinAbove(double gateLufs) {
        int bin = (int) Math.floor((gateLufs - MIN_LUFS) / BIN_LU);
        if (bin < 0) {
            return 0;
        }
        double centre = MIN_LUFS + (bin + 0.5) * BIN_LU;
        return centre > gateLufs ? bin : bin + 1;
    }

    static double centreOf(int bin) {
        return MIN_LUFS + (bin + 0.5) * BIN_LU;
    }

    /**
     * Gated loudness of BS.1770-4: the mean energy of blocks above the relative gate, which lies
     * {@code relativeLu} below the mean loudness of the blocks above the absolute gate. Follows the
     * gate incrementally (see {@link #gateFrom}); always pass the same {@code relativeLu}.
     */
    double gatedLoudness(double relativeLu) {
        if (total == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        int to = Math.min(BINS, firstBinAbove(Levels.loudness(totalEnergy / total) + relativeLu));
        if (to > gateFrom) {
            for (int b = Math.max(gateFrom, lowest), end = Math.min(to, highest + 1); b < end; b++) {
                aboveCount -= counts[b];
                aboveEnergy -= energies[b];
            }
        } else {
            for (int b = Math.max(to, lowest), end = Math.min(gateFrom, highest + 1); b < end; b++) {
                aboveCount += counts[b];
                aboveEnergy += energies[b];
            }
        }
        gateFrom = to;
        if (aboveCount == 0) {
            aboveEnergy = 0;
            return Double.NEGATIVE_INFINITY;
        }
        return Levels.loudness(aboveEnergy / aboveCount);
    }

    /** The same quantity by a full scan; the reference for the incremental version in tests. */
    double gatedLoudnessByScan(double relativeLu) {
        if (total == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double gate = Levels.loudness(totalEnergy / total) + relativeLu;
        int from = Math.max(lowest, firstBinAbove(gate));
        long n = 0;
        double e = 0;
        for (int b = from; b <= highest; b++) {
            n += counts[b];
            e += energies[b];
        }
        return n == 0 ? Double.NEGATIVE_INFINITY : Levels.loudness(e / n);
    }

    /**
     * Loudness range of EBU Tech 3342: the 10th to 95th percentile spread of the short-term values
     * above the relative gate ({@code relativeLu}, -20 LU). Returns NaN without any gated value.
     */
    double range(double relativeLu, double lowPercentile, double highPercentile) {
        if (total == 0) {
            return Double.NaN;
        }
        double gate = Levels.loudness(totalEnergy / total) + relativeLu;
        int from = Math.max(lowest, firstBinAbove(gate));
        long n = 0;
        for (int b = from; b <= highest; b++) {
            n += counts[b];
        }
        if (n == 0) {
            return Double.NaN;
        }
        // Nearest-rank percentiles over the sorted gated values.
        long lowRank = Math.round((n - 1) * lowPercentile);
        long highRank = Math.round((n - 1) * highPercentile);
        double low = Double.NaN, high = Double.NaN;
        long seen = 0;
        for (int b = from; b <= highest; b++) {
            long next = seen + counts[b];
            if (Double.isNaN(low) && lowRank < next) {
                low = centreOf(b);
            }
            if (highRank < next) {
                high = centreOf(b);
                break;
            }
            seen = next;
        }
        return high - low;
    }
}
