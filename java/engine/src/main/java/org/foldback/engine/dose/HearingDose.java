package org.foldback.engine.dose;

import org.foldback.engine.meter.WeightingLanes;

/**
 * One cue's sound dose after ITU-T H.870 (2018, "Guidelines for safe listening devices/systems"):
 * the A-weighted level of each second, LAeq,1s, in dB SPL, and the dose as a share of the weekly
 * reference exposure of 1.6 Pa²h (80 dB(A) for 40 h, H.870's mode 1 for adults): a second at L
 * dB(A) adds {@code 10^((L - 80)/10) / 144000} of it (144000 = the 40 h in seconds).
 *
 * <p>Level from samples: both ears' A-weighted mean square is averaged (the energy of the pair),
 * expressed in dB relative to a full-scale sine (AES17's 0 dBFS: RMS 1/√2), and turned into dB SPL
 * by the cue's calibration "0 dBFS = N dB SPL" (a full-scale 1 kHz sine plays at N dB SPL through
 * that performer's amp and headphones). Without a calibration the dose cannot be known: seconds
 * are then only counted as uncalibrated, add nothing, and cost no filtering.
 *
 * <p>Single-threaded (the audio thread); {@link DoseBank} publishes it to readers. Allocation-free.
 */
public final class HearingDose {
    /** 80 dB(A): the level that, held for the reference 40 h, is 100 %. */
    public static final double REFERENCE_DBA = 80;
    /**
     * The calibrations a cue takes ("0 dBFS = N dB SPL"): from a quiet in-ear to a loud headphone
     * amp. The state, the controller and the editor all keep to these.
     */
    public static final double CALIBRATION_MIN_DB_SPL = 60;
    public static final double CALIBRATION_MAX_DB_SPL = 140;
    /** Where the editor starts a calibration: a typical headphone amp at full scale. */
    public static final double CALIBRATION_TYPICAL_DB_SPL = 100;
    /** 40 h in seconds. */
    public static final double REFERENCE_SECONDS = 40 * 3600;

    private AWeighting weighting;
    private int secondLength = 48000;
    private int filled;
    private double sum;
    private double calibrationDb = Double.NaN;
    private double dose;
    private long seconds;
    private long uncalibratedSeconds;
    private double lastLevelDbfs = Double.NaN;
    private double lastLevelDbSpl = Double.NaN;
    private long count;

    /** Allocates; not on the audio thread. Keeps the dose so far (a host may re-prepare mid-session). */
    public void prepare(double sampleRate) {
        weighting = new AWeighting(sampleRate);
        secondLength = (int) Math.round(sampleRate);
        filled = 0;
        sum = 0;
    }

    /** The share of the weekly allowance that one second at {@code levelDbA} adds. */
    public static double doseOfSecond(double levelDbA) {
        return Math.pow(10, (levelDbA - REFERENCE_DBA) / 10) / REFERENCE_SECONDS;
    }

    /**
     * The limiter ceiling (dBFS, sample peak) that keeps a cue at or under {@code maxDbSpl}: with
     * "0 dBFS = N dB SPL", a sine whose peaks reach c plays at N + 20·log10(c) dB SPL, so the
     * ceiling is {@code maxDbSpl - N}; anything with a higher crest factor than a sine is quieter.
     * Clamped to the limiter's range; NaN without a calibration (no made-up ceiling).
     */
    public static double ceilingDbfs(double maxDbSpl, double calibrationDbSpl, double lowest, double highest) {
        if (Double.isNaN(calibrationDbSpl) || Double.isNaN(maxDbSpl)) {
            return Double.NaN;
        }
        return Math.max(lowest, Math.min(highest, maxDbSpl - calibrationDbSpl));
    }

    /**
     * NaN = uncalibrated. A change restarts the current second, so every booked second was measured
     * under one calibration.
     */
    public void setCalibration(double dbSplAtFullScale) {
        calibrationDb = dbSplAtFullScale;
        filled = 0;
        sum = 0;
        if (weighting != null) {
            weighting.reset();
        }
    }

    public double calibration() {
        return calibrationDb;
    }

    /** Hands the A-weighting's state to a bank's lane or takes it back ({@link WeightingLanes#handOver}); before prepare nothing. */
    void handOver(WeightingLanes lanes, int lane, boolean toLanes) {
        if (weighting != null) {
            weighting.handOver(lanes, lane, toLanes);
        }
    }

    /** Clears the dose and the second counts (the engineer's reset: a new day, a new performer). */
    public void reset() {
        dose = 0;
        seconds = 0;
        uncalibratedSeconds = 0;
        lastLevelDbSpl = Double.NaN;
        lastLevelDbfs = Double.NaN;
        count++;
    }

    /** Audio thread: measures a block; returns true when a second completed in it (time to publish). */
    public boolean accept(float[] left, float[] right, int n) {
        return accept(left, right, 0, n, null, 0);
    }

    /**
     * Measures samples [offset, offset + n); their A-weighted squares come from {@code weighted}'s
     * lane {@code lane} (its part starting at {@code offset}) where that is not null, else from
     * this cue's own filter. Returns true when a second completed.
     */
    boolean accept(float[] left, float[] right, int offset, int n, WeightingLanes weighted, int lane) {
        if (weighting == null) {
            return false; // not prepared
        }
        boolean calibrated = isCalibrated();
        boolean completed = false;
        int i = 0;
        while (i < n) {
            int m = Math.min(n - i, secondLength - filled);
            if (calibrated) {
                // Uncalibrated, no level can be booked: the A-weighting is not even run.
                sum += weighted == null ? weighting.sumOfSquares(left, right, offset + i, m)
                        : weighted.sumOfSquares(lane, i, m);
            }
            filled += m;
            i += m;
            if (filled == secondLength) {
                // Mean square of the pair, relative to a full-scale sine's 1/2.
                double meanSquare = sum / (2.0 * secondLength);
                addSecond(calibrated ? 10 * Math.log10(2 * meanSquare) : Double.NaN);
                filled = 0;
                sum = 0;
                completed = true;
            }
        }
        return completed;
    }

    /** Books one second at {@code levelDbfs} (A-weighted, re a full-scale sine). */
    void addSecond(double levelDbfs) {
        lastLevelDbfs = levelDbfs;
        if (Double.isNaN(calibrationDb)) {
            uncalibratedSeconds++;
            lastLevelDbSpl = Double.NaN;
            return;
        }
        double level = levelDbfs + calibrationDb;
        lastLevelDbSpl = level;
        seconds++;
        if (level > Double.NEGATIVE_INFINITY) {
            dose += doseOfSecond(level);
        }
    }

    public boolean isCalibrated() {
        return !Double.isNaN(calibrationDb);
    }

    /** The dose so far, 1.0 = 100 % of the weekly allowance (only calibrated seconds count). */
    public double dose() {
        return dose;
    }

    /** LAeq of the last whole second in dB SPL; NaN when uncalibrated (or before the first second). */
    public double lastLevelDbSpl() {
        return lastLevelDbSpl;
    }

    /** LAeq of the last whole second relative to a full-scale sine (dBFS, A-weighted); NaN when uncalibrated. */
    public double lastLevelDbfs() {
        return lastLevelDbfs;
    }

    public long calibratedSeconds() {
        return seconds;
    }

    public long uncalibratedSeconds() {
        return uncalibratedSeconds;
    }

    /** How many resets so far (readers see that a reset was applied). */
    public long resets() {
        return count;
    }
}
