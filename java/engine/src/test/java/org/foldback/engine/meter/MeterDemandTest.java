package org.foldback.engine.meter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Meters cost what is read: figures outside the demand are not computed, the always-on figures
 * never depend on the demand, and a unit switched on later reads exactly what a meter created at
 * that moment reads.
 */
class MeterDemandTest {
    static final double FS = 48000;
    static final int BLOCK = 64;
    static final int[] UNITS = {MeterDemand.TRUE_PEAK, MeterDemand.VU, MeterDemand.LOUDNESS, MeterDemand.CORRELATION};

    /** Programme-like stereo blocks: noise whose level changes every 100 ms over 40 dB, so gating and holds act. */
    static float[][][] programme(int blocks, long seed) {
        Random random = new Random(seed);
        float[][][] x = new float[blocks][2][BLOCK];
        for (int k = 0; k < blocks; k++) {
            double g = Math.pow(10, -2.0 * ((k / 75 * 7) % 20) / 20); // 75 blocks = 100 ms
            for (int i = 0; i < BLOCK; i++) {
                double common = random.nextGaussian();
                x[k][0][i] = (float) (g * 0.3 * (common + 0.5 * random.nextGaussian()));
                x[k][1][i] = (float) (g * 0.3 * (common + 0.5 * random.nextGaussian()));
            }
        }
        return x;
    }

    static MeterReading read(MeterBank bank, int bus) {
        MeterReading r = new MeterReading();
        bank.read(bus, r);
        return r;
    }

    @Test
    void alwaysOnFiguresDoNotDependOnTheDemand() {
        float[][][] x = programme(6000, 1);
        MeterBank full = new MeterBank(1), toggled = new MeterBank(1);
        full.prepare(FS);
        toggled.prepare(FS);
        toggled.floor(0, MeterDemand.ALWAYS);
        Random random = new Random(2);
        for (int k = 0; k < x.length; k++) {
            if (k % 50 == 0) {
                toggled.demand(0, random.nextInt(MeterDemand.ALL + 1));
            }
            full.accept(0, x[k][0], x[k][1], BLOCK);
            toggled.accept(0, x[k][0], x[k][1], BLOCK);
            if (k % 97 == 0) {
                MeterReading a = read(full, 0), b = read(toggled, 0);
                assertArrayEquals(a.samplePeakDbfs, b.samplePeakDbfs, "sample peak display, block " + k);
                assertArrayEquals(a.samplePeakMaxDbfs, b.samplePeakMaxDbfs, "sample peak maximum, block " + k);
                assertArrayEquals(a.clipCount, b.clipCount);
                assertArrayEquals(a.rmsDbfs, b.rmsDbfs, "300 ms RMS, block " + k);
                assertArrayEquals(a.runRmsDbfs, b.runRmsDbfs, "run RMS, block " + k);
                assertEquals(a.samples, b.samples);
            }
        }
    }

    @Test
    void figuresNotDemandedReadNaN() {
        MeterBank bank = new MeterBank(2);
        bank.prepare(FS);
        bank.floor(1, MeterDemand.ALWAYS);
        float[][][] x = programme(800, 3);
        for (float[][] b : x) {
            bank.accept(1, b[0], b[1], BLOCK);
        }
        MeterReading r = read(bank, 1);
        assertTrue(Double.isNaN(r.truePeakDbtp[0]) && Double.isNaN(r.truePeakMaxDbtp[1]));
        assertTrue(Double.isNaN(r.vuLevelDbfs[0]) && Double.isNaN(r.integratedLufs) && Double.isNaN(r.momentaryLufs));
        assertTrue(Double.isNaN(r.correlation) && Double.isNaN(r.correlationMean));
        assertTrue(r.samplePeakMaxDbfs[0] > -30 && r.rmsDbfs[1] > -40, "the always-on figures are there");
        assertEquals(MeterDemand.ALWAYS, bank.computed(1));
        assertEquals(MeterDemand.ALL, bank.computed(0), "a bank computes everything unless its owner lowers the floor");
    }

    /** Each unit switched on at block N reads what a meter created at block N reads (to rounding). */
    @Test
    void aUnitSwitchedOnLaterReadsAsAMeterStartedThen() {
        float[][][] x = programme(8000, 4);
        for (int unit : UNITS) {
            for (int start : new int[] {1, 337, 1500}) { // 1500 blocks = 2 s: mid-hop and mid-slot starts too
                MeterBank late = new MeterBank(1), fresh = new MeterBank(1);
                late.prepare(FS);
                fresh.prepare(FS);
                late.floor(0, MeterDemand.ALWAYS);
                // Before: the unit was on, then off, so stale state would show if it were not restarted.
                late.demand(0, unit);
                for (int k = 0; k < start; k++) {
                    if (k == start / 2) {
                        late.demand(0, 0);
                    }
                    late.accept(0, x[k][0], x[k][1], BLOCK);
                }
                late.demand(0, unit);
                for (int k = start; k < x.length; k++) {
                    late.accept(0, x[k][0], x[k][1], BLOCK);
                    fresh.accept(0, x[k][0], x[k][1], BLOCK);
                    if ((k - start) % 211 == 0 || k == x.length - 1) {
                        compare(unit, read(fresh, 0), read(late, 0), "unit " + unit + " on at block " + start + ", block " + k);
                    }
                }
            }
        }
    }

    /** Switching one unit on leaves the others running exactly (loudness keeps its hops when correlation starts). */
    @Test
    void switchingOneUnitOnLeavesTheOthersAlone() {
        float[][][] x = programme(5000, 5);
        MeterBank full = new MeterBank(1), late = new MeterBank(1);
        full.prepare(FS);
        late.prepare(FS);
        late.floor(0, MeterDemand.ALWAYS | MeterDemand.LOUDNESS | MeterDemand.TRUE_PEAK);
        for (int k = 0; k < x.length; k++) {
            if (k == 1234) {
                late.demand(0, MeterDemand.CORRELATION | MeterDemand.VU);
            }
            full.accept(0, x[k][0], x[k][1], BLOCK);
            late.accept(0, x[k][0], x[k][1], BLOCK);
        }
        MeterReading a = read(full, 0), b = read(late, 0);
        compare(MeterDemand.LOUDNESS, a, b, "loudness, which ran throughout");
        compare(MeterDemand.TRUE_PEAK, a, b, "true peak, which ran throughout");
    }

    private static void compare(int unit, MeterReading want, MeterReading got, String what) {
        double tol = 1e-9;
        switch (unit) {
            case MeterDemand.TRUE_PEAK -> {
                assertArrayEquals(want.truePeakDbtp, got.truePeakDbtp, tol, what);
                assertArrayEquals(want.truePeakMaxDbtp, got.truePeakMaxDbtp, tol, what);
            }
            case MeterDemand.VU -> assertArrayEquals(want.vuLevelDbfs, got.vuLevelDbfs, tol, what);
            case MeterDemand.LOUDNESS -> {
                assertEquals(want.momentaryLufs, got.momentaryLufs, tol, what);
                assertEquals(want.shortTermLufs, got.shortTermLufs, tol, what);
                assertEquals(want.momentaryMaxLufs, got.momentaryMaxLufs, tol, what);
                assertEquals(want.shortTermMaxLufs, got.shortTermMaxLufs, tol, what);
                assertEquals(want.integratedLufs, got.integratedLufs, tol, what);
                assertEquals(want.loudnessRangeLu, got.loudnessRangeLu, tol, what);
            }
            case MeterDemand.CORRELATION -> {
                assertEquals(want.correlation, got.correlation, tol, what);
                assertEquals(want.correlationMean, got.correlationMean, tol, what);
            }
            default -> throw new IllegalArgumentException("unit " + unit);
        }
    }
}
