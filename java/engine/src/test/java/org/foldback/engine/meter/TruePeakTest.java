package org.foldback.engine.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * True peak after ITU-R BS.1770-4 Annex 2, checked with the EBU Tech 3341 true-peak cases (sines at
 * fs/4, fs/6, fs/8 with the phases that put the peak between samples) and its tolerance of
 * +0.2 / -0.4 dB.
 */
class TruePeakTest {
    static final double PLUS = 0.2, MINUS = 0.4;

    /**
     * A 10 ms raised-cosine fade-in: a sine switched on at a non-zero sample is a step, and the
     * interpolator rightly shows the step's overshoot; the cases are about the steady sine.
     */
    static float[] fadeIn(double fs, float[] x) {
        int n = (int) (0.010 * fs);
        for (int i = 0; i < n; i++) {
            x[i] *= (float) (0.5 - 0.5 * Math.cos(Math.PI * i / n));
        }
        return x;
    }

    static double truePeak(double fs, float[] x) {
        fadeIn(fs, x);
        Signals.Run run = Signals.meterStereo(fs, x);
        return MeterReading.max(run.last.truePeakMaxDbtp);
    }

    static void assertTruePeak(double expected, double measured, String what) {
        assertTrue(measured <= expected + PLUS && measured >= expected - MINUS,
                what + ": expected " + expected + " dBTP +" + PLUS + "/-" + MINUS + ", got " + measured);
    }

    /** Amplitude (dB) of a sine whose samples peak at 0 dBFS while its true peak is higher. */
    static double overAmplitudeDb(double cyclesPerSample, double phaseDegrees) {
        double peak = 0;
        for (int i = 0; i < 1000; i++) {
            peak = Math.max(peak, Math.abs(Math.sin(2 * Math.PI * cyclesPerSample * i + Math.toRadians(phaseDegrees))));
        }
        return -20 * Math.log10(peak);
    }

    @ParameterizedTest
    @ValueSource(doubles = {44100, 48000, 96000})
    void tech3341Cases15To18AtMinus6(double fs) {
        int n = (int) fs;
        assertTruePeak(-6.0, truePeak(fs, Signals.sine(fs, fs / 4, -6, 0, n)), "case 15, fs/4 at 0 deg");
        assertTruePeak(-6.0, truePeak(fs, Signals.sine(fs, fs / 4, -6, 45, n)), "case 16, fs/4 at 45 deg");
        assertTruePeak(-6.0, truePeak(fs, Signals.sine(fs, fs / 6, -6, 60, n)), "case 17, fs/6 at 60 deg");
        assertTruePeak(-6.0, truePeak(fs, Signals.sine(fs, fs / 8, -6, 67.5, n)), "case 18, fs/8 at 67.5 deg");
    }

    /** The intersample-over cases: samples at 0 dBFS, true peak above full scale (+3.0 dBTP for fs/4 at 45 deg). */
    @ParameterizedTest
    @ValueSource(doubles = {44100, 48000, 96000})
    void tech3341IntersampleOvers(double fs) {
        int n = (int) fs;
        double[][] cases = {{1 / 4.0, 45}, {1 / 6.0, 60}, {1 / 8.0, 67.5}};
        for (double[] c : cases) {
            double amplitudeDb = overAmplitudeDb(c[0], c[1]);
            float[] x = fadeIn(fs, Signals.sine(fs, fs * c[0], amplitudeDb, c[1], n));
            Signals.Run run = Signals.meterStereo(fs, x);
            assertEquals(0.0, MeterReading.max(run.last.samplePeakMaxDbfs), 0.01, "samples at full scale");
            assertTruePeak(amplitudeDb, MeterReading.max(run.last.truePeakMaxDbtp), "fs*" + c[0] + " at " + c[1]);
        }
        assertEquals(3.01, overAmplitudeDb(0.25, 45), 0.01);
    }

    /** Any sine up to 0.35 fs, any phase: the filter's ripple plus the 4x grid stay within the tolerance. */
    @Test
    void sweepOfFrequenciesAndPhases() {
        double fs = 48000;
        for (double f = 0.01; f <= 0.35; f += 0.0137) {
            for (double phase = 0; phase < 360; phase += 23) {
                float[] x = Signals.sine(fs, f * fs, -6, phase, 4800);
                assertTruePeak(-6.0, truePeak(fs, x), "f=" + f + " fs, phase " + phase);
            }
        }
    }

    @Test
    void phaseZeroPassesTheInputUnchanged() {
        float[] c = TruePeakInterpolator.PHASES[0];
        for (int k = 0; k < c.length; k++) {
            assertEquals(k == 6 ? 1.0 : 0.0, c[k], 1e-7);
        }
    }

    /**
     * The shortcut for callers that ignore small peaks: at or above the threshold the result is
     * the full computation's, to the bit; below it, it stays below. Random programme-like blocks
     * (noise at levels jumping over 60 dB, some with full-scale alternating samples, the worst case
     * for inter-sample peaks) against random thresholds around the block's own level.
     */
    @Test
    void skippingBelowAThresholdChangesNothingAboveIt() {
        java.util.Random rnd = new java.util.Random(11);
        TruePeakInterpolator full = new TruePeakInterpolator();
        TruePeakInterpolator skipping = new TruePeakInterpolator();
        float[] x = new float[64];
        int skippedBlocks = 0, exactBlocks = 0;
        for (int b = 0; b < 20_000; b++) {
            float level = (float) Math.pow(10, -3 * rnd.nextDouble());
            boolean alternating = rnd.nextInt(10) == 0;
            for (int i = 0; i < x.length; i++) {
                x[i] = alternating ? ((i & 1) == 0 ? level : -level) : (float) rnd.nextGaussian() * level * 0.3f;
            }
            float useless = level * (float) Math.pow(10, (rnd.nextDouble() * 24 - 12) / 20);
            float exact = full.process(x, 0, x.length);
            float got = skipping.process(x, 0, x.length, useless);
            if (exact >= useless) {
                assertEquals(exact, got, 0f, "block " + b + ": a peak above the threshold must be exact");
                exactBlocks++;
            } else {
                assertTrue(got < useless, "block " + b + ": " + got + " not below the threshold " + useless);
                skippedBlocks += got != exact ? 1 : 0;
            }
        }
        assertTrue(skippedBlocks > 1000 && exactBlocks > 1000, "both paths exercised: skipped " + skippedBlocks
                + ", exact " + exactBlocks);
    }
}
