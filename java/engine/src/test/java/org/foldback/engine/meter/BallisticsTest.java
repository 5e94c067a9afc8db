package org.foldback.engine.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** VU (IEC 60268-17), RMS and K-system, peak hold and fall, clips and correlation. */
class BallisticsTest {
    static final double FS = 48000;

    /** IEC 60268-17: a sine step reaches 99 % of its steady reading in 300 ms, overshoot 1 % to 1.5 %. */
    @Test
    void vuStepResponse() {
        VuBallistics vu = new VuBallistics();
        vu.prepare(FS);
        float[] x = Signals.sine(FS, 1000, -18, 0, (int) (3 * FS));
        int ms = (int) (FS / 1000);
        double[] needle = new double[3000];
        for (int t = 0; t < 3000; t++) {
            vu.process(x, x, t * ms, ms);
            needle[t] = vu.output(0);
        }
        double steady = needle[2999];
        int rise = -1;
        double max = 0;
        for (int t = 0; t < 3000; t++) {
            if (rise < 0 && needle[t] >= 0.99 * steady) {
                rise = t + 1;
            }
            max = Math.max(max, needle[t]);
        }
        assertEquals(300, rise, 10, "ms to 99 %");
        double overshoot = max / steady - 1;
        assertTrue(overshoot >= 0.01 && overshoot <= 0.016, "overshoot " + overshoot);
    }

    @Test
    void vuAndKScalesAreCalibratedToTheirReferences() {
        MeterReading r = Signals.meterStereo(FS, Signals.sine(FS, 1000, -18, 0, (int) (2 * FS))).last;
        assertEquals(0.0, r.vu(0, VuReference.EBU_R68), 0.05);
        assertEquals(2.0, r.vu(1, VuReference.SMPTE_RP155), 0.05);
        assertEquals(-18 - 3.0103, r.rmsDbfs[0], 0.02);
        MeterReading k = Signals.meterStereo(FS, Signals.sine(FS, 1000, -20, 0, (int) (2 * FS))).last;
        assertEquals(0.0, k.kMeter(0, KScale.K20), 0.05);
        assertEquals(-6.0, k.kMeter(0, KScale.K14), 0.05);
        assertEquals(-8.0, k.kMeter(0, KScale.K12), 0.05);
    }

    /** A 150 ms burst fills half of the 300 ms RMS window: the reading peaks 3 dB below the burst's RMS. */
    @Test
    void rmsWindowIs300ms() {
        float[] x = Signals.sineSequence(FS, 1000, Signals.seg(-10, 0.15), Signals.seg(Double.NEGATIVE_INFINITY, 1));
        BusMeter m = new BusMeter();
        m.prepare(FS);
        MeterReading r = new MeterReading();
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i + 48 <= x.length; i += 48) {
            float[] b = java.util.Arrays.copyOfRange(x, i, i + 48);
            m.accept(b, b, 48);
            m.readInto(r);
            max = Math.max(max, r.rmsDbfs[0]);
        }
        assertEquals(-10 - 3.0103 - 3.0103, max, 0.15);
    }

    @Test
    void peakHoldsTwoSecondsThenFalls20dBPerSecond() {
        BusMeter m = new BusMeter();
        m.prepare(FS);
        float[] hit = new float[64];
        hit[10] = 0.5f;
        float[] quiet = new float[64];
        m.accept(hit, hit, 64);
        MeterReading r = new MeterReading();
        double[] at = new double[(int) (3.0 * FS / 64)];
        for (int i = 0; i < at.length; i++) {
            m.accept(quiet, quiet, 64);
            m.readInto(r);
            at[i] = r.samplePeakDbfs[0];
        }
        double db = 20 * Math.log10(0.5);
        assertEquals(db, at[(int) (1.9 * FS / 64)], 1e-9, "held at 1.9 s");
        assertEquals(db - 20 * 0.5, at[(int) (2.5 * FS / 64)], 0.1, "falling at 2.5 s");
        assertEquals(db, r.samplePeakMaxDbfs[0], 1e-9, "the maximum does not fall");
    }

    @Test
    void clipsCountSamplesAtOrAboveFullScaleUntilReset() {
        BusMeter m = new BusMeter();
        m.prepare(FS);
        float[] l = new float[64], r = new float[64];
        l[3] = 1.0f;
        l[4] = -1.0f;
        l[5] = 0.99999f;
        r[7] = 1.5f;
        m.accept(l, r, 64);
        MeterReading out = new MeterReading();
        m.readInto(out);
        assertEquals(2, out.clipCount[0]);
        assertEquals(1, out.clipCount[1]);
        assertTrue(out.clipped(0) && out.clipped(1));
        m.reset(BusMeter.RESET_CLIPS);
        m.readInto(out);
        assertEquals(0, out.clipCount[0]);
        assertTrue(!out.clipped(0));
    }

    @Test
    void correlation() {
        int n = (int) FS * 2;
        float[] a = noise(1, n), b = noise(2, n), inverted = new float[n];
        for (int i = 0; i < n; i++) {
            inverted[i] = -a[i];
        }
        MeterReading same = Signals.meter(FS, a, a.clone()).last;
        assertEquals(1.0, same.correlation, 1e-6);
        assertEquals(1.0, same.correlationMean, 1e-6);
        assertEquals(-1.0, Signals.meter(FS, a, inverted).last.correlation, 1e-6);
        MeterReading independent = Signals.meter(FS, a, b).last;
        assertEquals(0.0, independent.correlation, 0.1);
        assertEquals(0.0, independent.correlationMean, 0.05);
        assertEquals(0.0, Signals.meter(FS, a, new float[n]).last.correlation, 0.0);
        assertTrue(Double.isNaN(Signals.meter(FS, new float[n], new float[n]).last.correlation));
        assertTrue(Double.isNaN(Signals.meter(FS, new float[n], new float[n]).last.correlationMean));
    }

    static float[] noise(long seed, int n) {
        Random random = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.1 * random.nextGaussian());
        }
        return x;
    }
}
