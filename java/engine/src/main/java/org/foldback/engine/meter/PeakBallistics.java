package org.foldback.engine.meter;

/**
 * Display ballistics of a peak meter: instant attack, hold, then a linear fall in dB (the usual
 * digital peak-programme behaviour; IEC 60268-18 asks a fall of 20 dB in 1.7 s, we fall at
 * {@link #FALL_DB_PER_SECOND}). Applied once per block to the block's peak.
 */
final class PeakBallistics {
    /** Hold time before the display starts to fall. */
    static final double HOLD_SECONDS = 2.0;
    /** Fall rate after the hold. */
    static final double FALL_DB_PER_SECOND = 20.0;
    static final double FLOOR_DB = -200.0;

    private double sampleRate = 48000;
    private double displayDb = Double.NEGATIVE_INFINITY;
    private long holdLeft;

    void prepare(double fs) {
        sampleRate = fs;
        reset();
    }

    void reset() {
        displayDb = Double.NEGATIVE_INFINITY;
        holdLeft = 0;
    }

    /** Updates with a block of {@code n} samples whose absolute peak was {@code blockPeak}. */
    void update(double blockPeak, int n) {
        double db = Levels.toDb(blockPeak);
        if (db >= displayDb) {
            displayDb = db;
            holdLeft = (long) (HOLD_SECONDS * sampleRate);
        } else if (holdLeft > 0) {
            holdLeft -= n;
        } else {
            double fallen = displayDb - FALL_DB_PER_SECOND * n / sampleRate;
            displayDb = Math.max(fallen, db);
            if (displayDb < FLOOR_DB) {
                displayDb = Double.NEGATIVE_INFINITY;
            }
        }
    }

    /**
     * Below this amplitude a block of {@code n} samples cannot change the display: it only moves
     * for a value above where the fall would take it (during the hold, above the held value).
     */
    double lowestThatMatters(int n) {
        if (displayDb == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        return Math.pow(10.0, (displayDb - FALL_DB_PER_SECOND * n / sampleRate) / 20.0);
    }

    double displayDb() {
        return displayDb;
    }
}
