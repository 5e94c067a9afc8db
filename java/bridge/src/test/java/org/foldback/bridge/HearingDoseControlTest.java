package org.foldback.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.foldback.control.Controller;
import org.foldback.engine.FoldbackProcessor;
import org.foldback.engine.dose.DoseReading;
import org.foldback.engine.param.Params;
import org.junit.jupiter.api.Test;

/**
 * The hearing dose through the Controller: calibration as state (saved, loaded, reaching the
 * dose meter and the limiter), the dose read-out and its reset, and the maximum level's ceiling.
 */
class HearingDoseControlTest {
    private final RecordingShim shim = new RecordingShim();

    @Test
    void calibrationIsStateThatReachesTheDoseMeterAndTheHost() {
        FoldbackProcessor fp = new FoldbackProcessor();
        NativeProcessor np = new NativeProcessor(fp, shim.calls());
        Controller c = np.controller();
        assertTrue(Double.isNaN(c.calibration(2)), "uncalibrated out of the box");
        assertTrue(Double.isNaN(fp.doses().calibration(2)));
        assertNull(c.setCalibration(2, 108));
        assertNull(c.setCalibration(2, 108)); // the same again: no second state change
        assertEquals(108, c.calibration(2), 0);
        assertEquals(108, fp.doses().calibration(2), 0, "the dose meter measures with it");
        assertEquals(List.of("state changed"), shim.log);
        String refused = c.setCalibration(2, 300);
        assertNotNull(refused);
        assertTrue(refused.contains("60 to 140 dB SPL"), refused);
        assertEquals(108, c.calibration(2), 0, "a refused calibration changes nothing");
        assertNotNull(c.setCalibration(9, 100), "no cue 10");

        // Saved with the session and loaded back into another instance, dose meter included.
        byte[] blob = np.getState();
        assertTrue(new String(blob, StandardCharsets.UTF_8).contains("\"calibration_db_spl\" : 108.0")
                || new String(blob, StandardCharsets.UTF_8).contains("\"calibration_db_spl\": 108.0"));
        FoldbackProcessor fp2 = new FoldbackProcessor();
        NativeProcessor np2 = new NativeProcessor(fp2, ShimCalls.connect(0, ""));
        assertNull(np2.setState(blob));
        assertEquals(108, np2.controller().calibration(2), 0);
        assertEquals(108, fp2.doses().calibration(2), 0);
        assertNull(np2.loadProgram(0));
        assertTrue(Double.isNaN(fp2.doses().calibration(2)), "the default program is uncalibrated");
        np.dispose();
        np2.dispose();
    }

    @Test
    void doseReadsUncalibratedThenAPercentageAndResets() {
        FoldbackProcessor fp = new FoldbackProcessor();
        NativeProcessor np = new NativeProcessor(fp, ShimCalls.connect(0, ""));
        Controller c = np.controller();
        fp.prepare(48000, 480, 1, 1);
        DoseReading r = new DoseReading();
        play(fp, 2);
        assertTrue(c.readDose(0, r));
        assertFalse(r.calibrated, "no number before a calibration");
        assertNull(c.setCalibration(0, 120));
        play(fp, 3);
        c.readDose(0, r);
        assertTrue(r.calibrated);
        // A 1 kHz sine (A-weighting 0 dB there) at -6.02 dBFS (under the limiter's -1), with
        // 0 dBFS = 120 dB SPL, plays at 113.98 dB(A).
        assertEquals(120 + 20 * Math.log10(0.5), r.laeqDbSpl, 0.05);
        assertTrue(r.dose > 0 && r.dose < 1, "three seconds at 114 dB(A): " + r.dose);
        c.resetDose(0);
        play(fp, 0.01);
        c.readDose(0, r);
        assertEquals(0, r.dose, 0, "reset");
        np.dispose();
    }

    @Test
    void theStricterOfCeilingAndMaximumLevelRules() {
        NativeProcessor np = new NativeProcessor(new FoldbackProcessor(), ShimCalls.connect(0, ""));
        Controller c = np.controller();
        int max = Params.cue(0).maxSpl();
        assertEquals(-1f, c.ceilingDb(0), 0f, "the parameter alone");
        c.edit(max, Params.get(max).normalize(94f));
        assertFalse(c.maxLevelInForce(0), "uncalibrated: no made-up ceiling");
        assertEquals(-1f, c.ceilingDb(0), 0f);
        c.setCalibration(0, 100);
        assertTrue(c.maxLevelInForce(0));
        assertEquals(-6f, c.ceilingDb(0), 1e-6f, "94 dB SPL at 100 dB SPL full scale");
        c.setCalibration(0, 90);
        assertEquals(-1f, c.ceilingDb(0), 0f, "the ceiling is stricter than 94 - 90 = +4 dBFS");
        c.edit(max, 0f);
        assertFalse(c.maxLevelInForce(0), "maximum level off");
        np.dispose();
    }

    /** A 1 kHz sine at half full scale on both channels of source 1 (heard by cue 1 at unity) for {@code seconds}. */
    private static void play(FoldbackProcessor fp, double seconds) {
        int block = 480;
        float[] l = new float[block];
        float[][] in = {l, l};
        float[][] out = {new float[block], new float[block]};
        long n = Math.round(seconds * 48000);
        for (long start = 0; start < n; start += block) {
            for (int i = 0; i < block; i++) {
                l[i] = 0.5f * (float) Math.sin(2 * Math.PI * 1000 * (start + i) / 48000.0);
            }
            fp.process(in, out, block);
        }
    }
}
