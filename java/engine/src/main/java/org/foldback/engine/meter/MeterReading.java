package org.foldback.engine.meter;

/**
 * One consistent snapshot of a bus's meters, owned by the reader and refilled in place (no
 * allocation per read). Arrays are indexed by channel: 0 left, 1 right. Levels in dB are
 * negative infinity for silence; quantities that are undefined (no gated block yet, silence) are
 * NaN or negative infinity as stated per field.
 */
public final class MeterReading {
    /** Sample peak with hold and fall (display), dBFS. */
    public final double[] samplePeakDbfs = new double[2];
    /** Highest sample peak since the last peak reset, dBFS. */
    public final double[] samplePeakMaxDbfs = new double[2];
    /** True peak (BS.1770-4 Annex 2) with hold and fall (display), dBTP. */
    public final double[] truePeakDbtp = new double[2];
    /** Highest true peak since the last peak reset, dBTP. */
    public final double[] truePeakMaxDbtp = new double[2];
    /** RMS over the last 300 ms, dBFS (a full-scale sine reads -3.01 dBFS). */
    public final double[] rmsDbfs = new double[2];
    /** VU needle as a sine-calibrated level in dBFS; see {@link #vu}. */
    public final double[] vuLevelDbfs = new double[2];
    /** Samples at or above full scale (|x| >= 1.0) since the last clip reset. */
    public final long[] clipCount = new long[2];
    /** RMS over the whole run since the last loudness reset, dBFS. */
    public final double[] runRmsDbfs = new double[2];
    /** Momentary loudness (400 ms), LUFS. */
    public double momentaryLufs;
    /** Short-term loudness (3 s), LUFS. */
    public double shortTermLufs;
    /** Maximum momentary loudness since the last loudness reset, LUFS. */
    public double momentaryMaxLufs;
    /** Maximum short-term loudness since the last loudness reset, LUFS. */
    public double shortTermMaxLufs;
    /** Gated integrated loudness since the last loudness reset, LUFS. */
    public double integratedLufs;
    /** Loudness range (EBU Tech 3342) since the last loudness reset, LU; NaN before any gated value. */
    public double loudnessRangeLu;
    /** Phase correlation, -1..+1 (300 ms); NaN while both channels are silent. */
    public double correlation;
    /** Mean of the correlation readings (10 per second, silent ones skipped) since the last loudness reset. */
    public double correlationMean;
    /** Samples measured since the last loudness reset. */
    public long samples;

    static final int SLOTS = 25;
    /** Raw values in the order {@link BusMeter#store} writes them (levels linear; see {@link #unpack}). */
    final double[] raw = new double[SLOTS];

    /** True when the channel has clipped since the last clip reset (the clip indicator). */
    public boolean clipped(int channel) {
        return clipCount[channel] > 0;
    }

    /** VU reading against a reference level (0 VU = -18 dBFS for EBU R68, -20 dBFS for SMPTE RP155). */
    public double vu(int channel, VuReference reference) {
        return vuLevelDbfs[channel] - reference.dbfs;
    }

    /** K-system reading (Bob Katz) of the 300 ms RMS: 0 on the scale is the scale's reference level. */
    public double kMeter(int channel, KScale scale) {
        return scale.reading(rmsDbfs[channel]);
    }

    /** The larger of the two channels' value, for "over both channels" summaries. */
    public static double max(double[] perChannel) {
        return Math.max(perChannel[0], perChannel[1]);
    }

    /** Turns the raw values into the public fields, taking the logarithms on the reader's thread. */
    void unpack() {
        double[] d = raw;
        for (int c = 0; c < 2; c++) {
            samplePeakDbfs[c] = d[c];
            samplePeakMaxDbfs[c] = Levels.toDb(d[2 + c]);
            truePeakDbtp[c] = d[4 + c];
            truePeakMaxDbtp[c] = Double.isNaN(d[6 + c]) ? Double.NaN : Levels.toDb(d[6 + c]);
            rmsDbfs[c] = Levels.powerToDb(d[8 + c]);
            vuLevelDbfs[c] = Double.isNaN(d[10 + c]) ? Double.NaN : VuBallistics.levelDbfs(d[10 + c]);
            clipCount[c] = (long) d[12 + c];
            runRmsDbfs[c] = Levels.powerToDb(d[14 + c]);
        }
        momentaryLufs = d[16];
        shortTermLufs = d[17];
        momentaryMaxLufs = d[18];
        shortTermMaxLufs = d[19];
        integratedLufs = d[20];
        loudnessRangeLu = d[21];
        correlation = d[22];
        correlationMean = d[23];
        samples = (long) d[24];
    }
}
