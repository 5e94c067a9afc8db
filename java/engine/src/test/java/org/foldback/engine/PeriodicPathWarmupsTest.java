package org.foldback.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.foldback.engine.dose.DoseReading;
import org.foldback.engine.dose.DoseSecondWarmup;
import org.foldback.engine.meter.LoudnessHopWarmup;
import org.foldback.engine.meter.MeterReading;
import org.junit.jupiter.api.Test;

/**
 * The JIT warm-up's calls of the once-per-hop and once-a-second paths (the bridge's
 * PeriodicPathWarmup) work on scratch objects only: an instance playing while they run meters and
 * books exactly what one playing alone does, to the bit.
 */
class PeriodicPathWarmupsTest {
    static final double FS = 48000;
    static final int BLOCK = 64;
    /** 3 s: thirty loudness hops, three booked seconds, a range update per cue. */
    static final int BLOCKS = (int) (3 * FS / BLOCK);

    @Test
    void theWarmupsLeaveAPlayingInstanceUntouched() {
        FoldbackProcessor alone = played(false);
        FoldbackProcessor beside = played(true);
        MeterReading a = new MeterReading(), b = new MeterReading();
        DoseReading da = new DoseReading(), db = new DoseReading();
        for (int c = 0; c < Layout.MAX_CUES; c++) {
            alone.meters().read(FoldbackProcessor.cueBus(c), a);
            beside.meters().read(FoldbackProcessor.cueBus(c), b);
            assertTrue(Double.isFinite(a.integratedLufs), "cue " + c + " measured loudness: " + a.integratedLufs);
            assertBits(a.integratedLufs, b.integratedLufs, "integrated, cue " + c);
            assertBits(a.loudnessRangeLu, b.loudnessRangeLu, "range, cue " + c);
            assertBits(a.momentaryLufs, b.momentaryLufs, "momentary, cue " + c);
            assertBits(a.shortTermMaxLufs, b.shortTermMaxLufs, "short-term max, cue " + c);
            alone.doses().read(c, da);
            beside.doses().read(c, db);
            assertBits(da.dose, db.dose, "dose, cue " + c);
            assertBits(da.laeqDbSpl, db.laeqDbSpl, "LAeq, cue " + c);
            assertEquals(da.calibratedSeconds, db.calibratedSeconds, "calibrated seconds, cue " + c);
            assertEquals(da.uncalibratedSeconds, db.uncalibratedSeconds, "uncalibrated seconds, cue " + c);
        }
        alone.doses().read(0, da);
        assertTrue(da.calibrated && da.dose > 0 && da.calibratedSeconds == 3, "cue 1 booked its seconds: " + da.dose);
    }

    @Test
    void theWarmupsReachThePathsTheyAreFor() {
        // A calibrated cue's seconds at programme levels add dose; a loudness run gets a range.
        assertTrue(DoseSecondWarmup.run(2000, FS) > 0, "dose booked");
        assertTrue(Double.isFinite(LoudnessHopWarmup.run(2000, FS, 1)), "a loudness range computed");
    }

    /** 3 s of noise through a new instance, cue 1 calibrated; the warm-ups run between blocks if asked. */
    private static FoldbackProcessor played(boolean warmupsBeside) {
        FoldbackProcessor p = new FoldbackProcessor();
        p.prepare(FS, BLOCK, Layout.MAX_SOURCES, Layout.MAX_CUES);
        p.doses().setCalibration(0, 100);
        Random rnd = new Random(3);
        float[][] in = new float[2 * Layout.MAX_SOURCES][BLOCK];
        float[][] out = new float[2 * Layout.MAX_CUES][BLOCK];
        for (int b = 0; b < BLOCKS; b++) {
            for (float[] channel : in) {
                for (int i = 0; i < BLOCK; i++) {
                    channel[i] = (float) rnd.nextGaussian() * 0.2f;
                }
            }
            p.process(in, out, BLOCK);
            if (warmupsBeside && b % 500 == 0) {
                LoudnessHopWarmup.run(500, FS, b);
                DoseSecondWarmup.run(500, FS);
            }
        }
        return p;
    }

    private static void assertBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                what + ": " + expected + " against " + actual);
    }
}
