package org.foldback.engine.meter;

import static org.foldback.engine.meter.Signals.seg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EBU Tech 3341 (loudness metering, "EBU mode") and Tech 3342 (loudness range) minimum
 * requirement cases, synthesised from their descriptions: stereo 1 kHz sines, levels in dBFS
 * (sine peak) per channel. Tolerances are the documents': +/-0.1 LU for M, S, I; +/-1 LU for LRA.
 */
class LoudnessTest {
    static final double LU = 0.1;

    @ParameterizedTest
    @ValueSource(doubles = {44100, 48000, 96000})
    void tech3341Case1SineAtMinus23(double fs) {
        Signals.Run run = Signals.meterStereo(fs, Signals.sineSequence(fs, 1000, seg(-23, 20)));
        assertEquals(-23.0, run.last.momentaryLufs, LU);
        assertEquals(-23.0, run.last.shortTermLufs, LU);
        assertEquals(-23.0, run.last.integratedLufs, LU);
    }

    @ParameterizedTest
    @ValueSource(doubles = {44100, 48000, 96000})
    void tech3341Case2SineAtMinus33(double fs) {
        Signals.Run run = Signals.meterStereo(fs, Signals.sineSequence(fs, 1000, seg(-33, 20)));
        assertEquals(-33.0, run.last.momentaryLufs, LU);
        assertEquals(-33.0, run.last.shortTermLufs, LU);
        assertEquals(-33.0, run.last.integratedLufs, LU);
    }

    @ParameterizedTest
    @ValueSource(doubles = {44100, 48000, 96000})
    void tech3341Case3RelativeGate(double fs) {
        Signals.Run run = Signals.meterStereo(fs,
                Signals.sineSequence(fs, 1000, seg(-36, 10), seg(-23, 60), seg(-36, 10)));
        assertEquals(-23.0, run.last.integratedLufs, LU);
    }

    @ParameterizedTest
    @ValueSource(doubles = {44100, 48000, 96000})
    void tech3341Case4AbsoluteAndRelativeGate(double fs) {
        Signals.Run run = Signals.meterStereo(fs, Signals.sineSequence(fs, 1000,
                seg(-72, 10), seg(-36, 10), seg(-23, 60), seg(-36, 10), seg(-72, 10)));
        assertEquals(-23.0, run.last.integratedLufs, LU);
    }

    @ParameterizedTest
    @ValueSource(doubles = {44100, 48000, 96000})
    void tech3341Case5GatingOfLouderMiddle(double fs) {
        Signals.Run run = Signals.meterStereo(fs,
                Signals.sineSequence(fs, 1000, seg(-26, 20), seg(-20, 20.1), seg(-26, 20)));
        assertEquals(-23.0, run.last.integratedLufs, LU);
    }

    /** Case 9: 20 periods of 1.34 s at -20 dBFS and 1.66 s at -30 dBFS; S stays at -23.0 after 3 s. */
    @ParameterizedTest
    @ValueSource(doubles = {44100, 48000, 96000})
    void tech3341Case9ShortTermConstant(double fs) {
        Signals.Segment[] s = new Signals.Segment[40];
        for (int i = 0; i < 20; i++) {
            s[2 * i] = seg(-20, 1.34);
            s[2 * i + 1] = seg(-30, 1.66);
        }
        Signals.Run run = Signals.meterStereo(fs, Signals.sineSequence(fs, 1000, s));
        int checked = 0;
        for (double[] r : run.momentaryAndShortTerm) {
            if (r[0] >= 3.0 - 1e-9) {
                assertEquals(-23.0, r[2], LU, "short-term at " + r[0] + " s");
                checked++;
            }
        }
        assertTrue(checked > 500, "readings checked: " + checked);
    }

    /**
     * Cases 10 and 11 in spirit: a 3 s burst at -23 dBFS between silences, at offsets off the
     * 100 ms hop grid by up to 50 ms; the maximum short-term loudness is -23.0 (a 10 Hz meter loses
     * at most 50 ms of the 3 s window, 0.07 LU).
     */
    @ParameterizedTest
    @ValueSource(doubles = {44100, 48000, 96000})
    void tech3341Case10MaxShortTermOfBursts(double fs) {
        for (double offset : new double[] {0.0, 0.02, 0.05, 0.07}) {
            Signals.Run run = Signals.meterStereo(fs, Signals.sineSequence(fs, 1000,
                    seg(Double.NEGATIVE_INFINITY, 2 + offset), seg(-23, 3), seg(Double.NEGATIVE_INFINITY, 3)));
            assertEquals(-23.0, run.last.shortTermMaxLufs, LU, "offset " + offset);
        }
    }

    /** Case 12 in spirit: a 400 ms burst at -23 dBFS on the hop grid gives a maximum momentary of -23.0. */
    @ParameterizedTest
    @ValueSource(doubles = {44100, 48000, 96000})
    void tech3341Case12MaxMomentaryOfBurst(double fs) {
        Signals.Run run = Signals.meterStereo(fs, Signals.sineSequence(fs, 1000,
                seg(Double.NEGATIVE_INFINITY, 1.0), seg(-23, 0.4), seg(Double.NEGATIVE_INFINITY, 1.0)));
        assertEquals(-23.0, run.last.momentaryMaxLufs, LU);
    }

    @ParameterizedTest
    @ValueSource(doubles = {44100, 48000, 96000})
    void tech3342Case1(double fs) {
        assertRange(fs, 10, seg(-20, 20), seg(-30, 20));
    }

    @ParameterizedTest
    @ValueSource(doubles = {44100, 48000, 96000})
    void tech3342Case2(double fs) {
        assertRange(fs, 5, seg(-20, 20), seg(-15, 20));
    }

    @ParameterizedTest
    @ValueSource(doubles = {44100, 48000, 96000})
    void tech3342Case3(double fs) {
        assertRange(fs, 20, seg(-40, 20), seg(-20, 20));
    }

    @ParameterizedTest
    @ValueSource(doubles = {44100, 48000, 96000})
    void tech3342Case4(double fs) {
        assertRange(fs, 15, seg(-50, 6), seg(-35, 20), seg(-20, 20), seg(-35, 20), seg(-50, 6));
    }

    private static void assertRange(double fs, double expected, Signals.Segment... segments) {
        Signals.Run run = Signals.meterStereo(fs, Signals.sineSequence(fs, 1000, segments));
        assertEquals(expected, run.last.loudnessRangeLu, 1.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {44100, 48000, 96000})
    void silenceIsMinusInfinityAndRangeUndefined(double fs) {
        Signals.Run run = Signals.meterStereo(fs, new float[(int) (5 * fs)]);
        assertEquals(Double.NEGATIVE_INFINITY, run.last.integratedLufs);
        assertEquals(Double.NEGATIVE_INFINITY, run.last.momentaryMaxLufs);
        assertTrue(Double.isNaN(run.last.loudnessRangeLu));
    }
}
