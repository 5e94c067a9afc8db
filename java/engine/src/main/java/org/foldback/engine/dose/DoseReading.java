package org.foldback.engine.dose;

/** One cue's hearing dose as a reader sees it (filled by {@link DoseBank#read}; reusable, no allocation). */
public final class DoseReading {
    static final int SLOTS = 7;
    final double[] raw = new double[SLOTS];

    /** The calibration in force, dB SPL of a full-scale sine; NaN = uncalibrated. */
    public double calibrationDbSpl;
    /** Share of the weekly allowance (1.0 = 100 %); meaningful only if {@link #calibrated}. */
    public double dose;
    /** Whether a calibration is set: without it, show "uncalibrated", never {@link #dose}. */
    public boolean calibrated;
    /** LAeq,1s of the last whole second in dB SPL (NaN while uncalibrated). */
    public double laeqDbSpl;
    /** The same second's A-weighted level relative to a full-scale sine (dBFS; NaN while uncalibrated). */
    public double laeqDbfs;
    public long calibratedSeconds;
    public long uncalibratedSeconds;

    /** Whether the dose has reached the weekly allowance (the editor's warning). */
    public boolean overAllowance() {
        return calibrated && dose >= 1.0;
    }

    void pack(HearingDose d) {
        raw[0] = d.calibration();
        raw[1] = d.dose();
        raw[2] = d.lastLevelDbSpl();
        raw[3] = d.lastLevelDbfs();
        raw[4] = d.calibratedSeconds();
        raw[5] = d.uncalibratedSeconds();
        raw[6] = d.resets();
    }

    void unpack() {
        calibrationDbSpl = raw[0];
        calibrated = !Double.isNaN(raw[0]);
        dose = raw[1];
        laeqDbSpl = raw[2];
        laeqDbfs = raw[3];
        calibratedSeconds = (long) raw[4];
        uncalibratedSeconds = (long) raw[5];
    }
}
