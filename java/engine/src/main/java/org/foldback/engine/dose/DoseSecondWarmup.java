package org.foldback.engine.dose;

/**
 * Books many seconds of hearing dose on a scratch {@link DoseBank} and publishes each, as the
 * audio thread does when a cue's second completes ({@link HearingDose#addSecond}, then
 * {@link DoseBank#publish} and {@link DoseReading#pack}), so the JIT has compiled that path before
 * a real block completes a second.
 *
 * <p>Why: a second completes once a second per cue, so a warm-up that plays audio books a few
 * dozen, far below the calls after which HotSpot compiles a method; in jalv these methods were
 * compiled from the audio thread's calls 20-30 s after the host started playing, each beside a
 * late block of 0.4-0.9 ms at 32-sample periods (PERFORMANCE.md, "Session 11: Ardour at 32
 * samples" and "Session 12").
 *
 * <p>Its own bank only: no instance's dose changes. One cue calibrated and one not, levels from
 * digital silence to loud, and resets, so every branch a session takes has run.
 */
public final class DoseSecondWarmup {
    /** Levels of a second, dBFS A-weighted: digital silence, quiet, programme, loud. */
    private static final double[] LEVELS = {Double.NEGATIVE_INFINITY, -60, -32, -20, -14, -6};
    /** A cue's dose is reset every this many of its seconds (the engineer's reset). */
    static final int SECONDS_PER_RESET = 1000;

    private DoseSecondWarmup() {}

    /**
     * Books and publishes {@code seconds} seconds, alternating between a calibrated cue and an
     * uncalibrated one. Allocates the scratch bank; not for the audio thread. Returns the
     * calibrated cue's dose (a result, so that no compiler may drop the work).
     */
    public static double run(int seconds, double sampleRate) {
        DoseBank bank = new DoseBank(2);
        bank.prepare(sampleRate);
        bank.dose(1).setCalibration(HearingDose.CALIBRATION_TYPICAL_DB_SPL);
        for (int s = 0; s < seconds; s++) {
            int cue = s & 1;
            HearingDose dose = bank.dose(cue);
            if (s % (2 * SECONDS_PER_RESET) < 2) {
                dose.reset();
            }
            // As HearingDose.accept books it: NaN without a calibration, else the second's level.
            dose.addSecond(dose.isCalibrated() ? LEVELS[(s >> 1) % LEVELS.length] : Double.NaN);
            bank.publish(cue);
        }
        return bank.dose(1).dose();
    }
}
