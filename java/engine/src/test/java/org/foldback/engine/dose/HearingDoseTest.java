package org.foldback.engine.dose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The dose arithmetic of ITU-T H.870 and the LAeq,1s of real audio through the A-weighting. */
class HearingDoseTest {
    static final int BLOCK = 64;

    /** H.870's own example figures: 89 dB(A) for 5 h is 99.3 % of the week; 80 dB(A) for 4 h is 10 %. */
    @Test
    void weeklyShareOfSteadyLevels() {
        assertEquals(0.993, bookSeconds(89, 5 * 3600), 0.0005);
        assertEquals(0.100, bookSeconds(80, 4 * 3600), 1e-9);
        assertEquals(1.0, bookSeconds(80, 40 * 3600), 1e-9);
    }

    private static double bookSeconds(double levelDbSpl, int seconds) {
        HearingDose d = new HearingDose();
        d.setCalibration(100); // a level of L dB SPL is then L - 100 dBFS
        for (int s = 0; s < seconds; s++) {
            d.addSecond(levelDbSpl - 100);
        }
        assertEquals(seconds, d.calibratedSeconds());
        return d.dose();
    }

    /** A 1 kHz sine at -20 dBFS with "0 dBFS = 114 dB SPL" reads 94 dB SPL (A-weighting is 0 dB at 1 kHz). */
    @Test
    void aToneReadsItsLevel() {
        for (double fs : new double[] {44100, 48000, 96000}) {
            HearingDose d = new HearingDose();
            d.prepare(fs);
            d.setCalibration(114);
            play(d, fs, 1000, Math.pow(10, -20 / 20.0), 3);
            assertEquals(94.0, d.lastLevelDbSpl(), 0.01, "fs " + fs);
            assertEquals(-20.0, d.lastLevelDbfs(), 0.01, "fs " + fs);
            assertEquals(3, d.calibratedSeconds());
        }
    }

    /** A minute of a 1 kHz tone at 100 dB(A) through the whole path: 60·10²/144000 = 4.1667 %. */
    @Test
    void aMinuteAtOneHundredDecibels() {
        HearingDose d = new HearingDose();
        d.prepare(48000);
        d.setCalibration(100);
        play(d, 48000, 1000, 1.0, 60);
        assertEquals(60 * 100 / 144000.0, d.dose(), 0.0005 * 60 * 100 / 144000.0);
    }

    /** Without a calibration nothing is booked and no level in dB SPL exists; a calibration counts from then. */
    @Test
    void uncalibratedIsNotAMadeUpNumber() {
        HearingDose d = new HearingDose();
        d.prepare(48000);
        play(d, 48000, 1000, 1.0, 2);
        assertFalse(d.isCalibrated());
        assertEquals(0, d.dose());
        assertEquals(2, d.uncalibratedSeconds());
        assertTrue(Double.isNaN(d.lastLevelDbSpl()));
        assertTrue(Double.isNaN(d.lastLevelDbfs()));
        d.setCalibration(90);
        play(d, 48000, 1000, 1.0, 1);
        assertEquals(90.0, d.lastLevelDbSpl(), 0.01);
        assertEquals(HearingDose.doseOfSecond(90), d.dose(), 1e-3 * HearingDose.doseOfSecond(90));
        d.reset();
        assertEquals(0, d.dose());
        assertEquals(0, d.calibratedSeconds());
    }

    @Test
    void ceilingFromAMaximumLevel() {
        assertEquals(-6.0, HearingDose.ceilingDbfs(94, 100, -20, 0), 1e-12);
        assertEquals(-20.0, HearingDose.ceilingDbfs(70, 100, -20, 0), 1e-12);
        assertEquals(0.0, HearingDose.ceilingDbfs(110, 100, -20, 0), 1e-12);
        assertTrue(Double.isNaN(HearingDose.ceilingDbfs(94, Double.NaN, -20, 0)));
    }

    /** The bank publishes to other threads; calibration and reset reach the audio thread. */
    @Test
    void bankPublishesReadings() throws Exception {
        DoseBank bank = new DoseBank(2);
        bank.prepare(48000);
        DoseReading r = new DoseReading();
        bank.read(1, r);
        assertFalse(r.calibrated);
        bank.setCalibration(1, 100);
        assertThrows(IllegalArgumentException.class, () -> bank.setCalibration(0, -5));
        float[] l = new float[BLOCK], rr = new float[BLOCK];
        double w = 2 * Math.PI * 1000 / 48000;
        Thread audio = new Thread(() -> {
            for (int b = 0; b < 48000 * 2 / BLOCK; b++) {
                for (int i = 0; i < BLOCK; i++) {
                    l[i] = rr[i] = (float) Math.sin(w * (b * BLOCK + i));
                }
                bank.accept(0, l, rr, BLOCK);
                bank.accept(1, l, rr, BLOCK);
            }
        });
        audio.start();
        audio.join();
        bank.read(1, r);
        assertTrue(r.calibrated);
        assertEquals(100.0, r.laeqDbSpl, 0.01);
        assertEquals(2, r.calibratedSeconds);
        assertEquals(2 * HearingDose.doseOfSecond(100), r.dose, 1e-3 * r.dose);
        bank.read(0, r);
        assertFalse(r.calibrated);
        assertEquals(2, r.uncalibratedSeconds);
        assertTrue(Double.isNaN(r.laeqDbfs));
        assertTrue(Double.isNaN(r.laeqDbSpl));
        bank.requestReset(1);
        bank.accept(1, l, rr, BLOCK);
        bank.read(1, r);
        assertEquals(0, r.dose);
        assertEquals(0, r.calibratedSeconds);
    }

    private static void play(HearingDose d, double fs, double f, double amplitude, int seconds) {
        float[] l = new float[BLOCK], r = new float[BLOCK];
        double w = 2 * Math.PI * f / fs;
        long total = Math.round(fs) * seconds;
        for (long start = 0; start < total; start += BLOCK) {
            int m = (int) Math.min(BLOCK, total - start);
            for (int i = 0; i < m; i++) {
                l[i] = r[i] = (float) (amplitude * Math.sin(w * (start + i)));
            }
            d.accept(l, r, m);
        }
    }
}
