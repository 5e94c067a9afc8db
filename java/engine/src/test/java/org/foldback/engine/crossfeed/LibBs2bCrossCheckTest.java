package org.foldback.engine.crossfeed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Pointer;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The crossfeed against Debian's libbs2b (Boris Mikhaylov's own implementation, called through JNA)
 * on 2 s of seeded, partly correlated, spectrally varied noise, sample by sample, for each classic
 * setting at 44.1, 48 and 96 kHz, fed in 64-sample blocks. Tolerance: 6e-8 absolute (one float ulp
 * between 0.5 and 1): our float output rounded (libbs2b computes in double; measured 7.4e-9).
 * Fails, does not skip, when libbs2b is not installed.
 */
class LibBs2bCrossCheckTest {
    static final int BLOCK = 64;
    static final double TOLERANCE = 6e-8;

    @ParameterizedTest
    @ValueSource(ints = {44100, 48000, 96000})
    void agreesWithLibbs2b(int fs) {
        LibBs2b lib = LibBs2b.load();
        for (Crossfeed.Level level : new Crossfeed.Level[] {
            Crossfeed.Level.DEFAULT, Crossfeed.Level.CHU_MOY, Crossfeed.Level.JAN_MEIER}) {
            float[][] x = noise(fs, 2, level.ordinal());
            int n = x[0].length;
            double[] interleaved = new double[2 * n];
            for (int i = 0; i < n; i++) {
                interleaved[2 * i] = x[0][i];
                interleaved[2 * i + 1] = x[1][i];
            }
            Pointer st = lib.bs2b_open();
            assertNotNull(st, "bs2b_open");
            lib.bs2b_set_srate(st, fs);
            lib.bs2b_set_level(st, LibBs2b.level((int) level.cutHz, (int) Math.round(level.feedDb * 10)));
            assertEquals((int) level.cutHz, lib.bs2b_get_level_fcut(st));
            assertEquals((int) Math.round(level.feedDb * 10), lib.bs2b_get_level_feed(st));
            lib.bs2b_cross_feed_d(st, interleaved, n);
            lib.bs2b_close(st);

            Crossfeed ours = new Crossfeed();
            ours.prepare(fs, 480);
            ours.set(level, true);
            float[] l = new float[BLOCK], r = new float[BLOCK];
            double worst = 0;
            for (int start = 0; start < n; start += BLOCK) {
                int m = Math.min(BLOCK, n - start);
                System.arraycopy(x[0], start, l, 0, m);
                System.arraycopy(x[1], start, r, 0, m);
                ours.process(l, r, m);
                for (int i = 0; i < m; i++) {
                    worst = Math.max(worst, Math.abs(l[i] - interleaved[2 * (start + i)]));
                    worst = Math.max(worst, Math.abs(r[i] - interleaved[2 * (start + i) + 1]));
                }
            }
            System.out.printf("libbs2b vs ours, %s at %d Hz: largest sample difference %.3g%n", level, fs, worst);
            assertTrue(worst <= TOLERANCE, level + " at " + fs + " Hz: largest difference " + worst);
        }
    }

    /** The design's promise: at low frequencies the crossfed signal lies feed dB under the direct one. */
    @Test
    void lowFrequencyFeedIsTheSetting() {
        for (Crossfeed.Level level : Crossfeed.Level.values()) {
            if (level == Crossfeed.Level.OFF) {
                continue;
            }
            Crossfeed c = new Crossfeed();
            c.prepare(48000, 480);
            c.set(level, true);
            float[] l = new float[BLOCK], r = new float[BLOCK];
            for (int b = 0; b < 2000; b++) { // DC on the left only, until settled
                java.util.Arrays.fill(l, 0.25f);
                java.util.Arrays.fill(r, 0f);
                c.process(l, r, BLOCK);
            }
            assertEquals(level.feedDb, 20 * Math.log10(l[BLOCK - 1] / (double) r[BLOCK - 1]), 1e-4, level.name());
        }
    }

    /** Off is the identity, and switching fades: no sample step larger than the signal's own. */
    @Test
    void offIsIdentityAndSwitchingIsSmooth() {
        Crossfeed c = new Crossfeed();
        c.prepare(48000, 480);
        c.set(Crossfeed.Level.OFF, true);
        float[][] x = noise(48000, 1, 9);
        float[] l = new float[BLOCK], r = new float[BLOCK];
        for (int start = 0; start + BLOCK <= x[0].length; start += BLOCK) {
            System.arraycopy(x[0], start, l, 0, BLOCK);
            System.arraycopy(x[1], start, r, 0, BLOCK);
            c.process(l, r, BLOCK);
            assertArrayEquals(java.util.Arrays.copyOfRange(x[0], start, start + BLOCK), l);
            assertArrayEquals(java.util.Arrays.copyOfRange(x[1], start, start + BLOCK), r);
        }
        // A 100 Hz sine on the left only: the right output grows smoothly when crossfeed comes on.
        double w = 2 * Math.PI * 100 / 48000;
        float previous = 0;
        double steepest = 0;
        for (int start = 0; start < 48000; start += BLOCK) {
            if (start == 6400) {
                c.set(Crossfeed.Level.JAN_MEIER, false);
            } else if (start == 25600) {
                c.set(Crossfeed.Level.OFF, false);
            }
            for (int i = 0; i < BLOCK; i++) {
                l[i] = (float) (0.5 * Math.sin(w * (start + i)));
                r[i] = 0f;
            }
            c.process(l, r, BLOCK);
            for (int i = 0; i < BLOCK; i++) {
                steepest = Math.max(steepest, Math.abs(r[i] - previous));
                previous = r[i];
            }
        }
        // The right side never exceeds the left's own slope (0.5·2·sin(πf/fs)).
        assertTrue(steepest < 0.5 * 2 * Math.sin(Math.PI * 100 / 48000), "steepest step " + steepest);
        assertTrue(c.isOff());
    }

    static float[][] noise(double fs, double seconds, long seed) {
        Random random = new Random(seed);
        int n = (int) (seconds * fs);
        float[][] x = new float[2][n];
        double[] low = new double[2];
        double a = Math.exp(-2 * Math.PI * 300 / fs);
        for (int i = 0; i < n; i++) {
            double common = random.nextGaussian();
            double gain = 0.05 + 0.1 * Math.abs(Math.sin(i * 3.0 / fs));
            for (int c = 0; c < 2; c++) {
                double v = 0.5 * common + 0.5 * random.nextGaussian();
                low[c] = a * low[c] + (1 - a) * v * 3;
                x[c][i] = (float) (gain * (low[c] + 0.3 * v));
            }
        }
        return x;
    }
}
