package org.foldback.engine.mix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.foldback.engine.param.Params;
import org.junit.jupiter.api.Test;

/** The safety limiter holds every output sample at or below the ceiling, exactly (no tolerance). */
class LimiterTest {

    /** Loud test material: random noise, full-scale squares, +6 dBFS bursts, alternating extremes. */
    private static float[] material(Random rnd, int kind, int length, float gain) {
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            switch (kind) {
                case 0: x[i] = (float) (rnd.nextGaussian() * gain); break;
                case 1: x[i] = ((i / 37) % 2 == 0 ? 1f : -1f) * gain; break;
                case 2: x[i] = (i % 1000) < 30 ? (float) (Rig.db(6) * Math.signum(rnd.nextDouble() - 0.5)) * gain
                        : (float) (0.1 * rnd.nextGaussian()); break;
                case 3: x[i] = (i % 2 == 0 ? 1f : -1f) * gain; break; // Nyquist: worst intersample case
                default: x[i] = (float) ((rnd.nextDouble() * 2 - 1) * gain); break;
            }
        }
        return x;
    }

    @Test
    void neverExceedsCeilingOnLoudMaterial() {
        Random rnd = new Random(42);
        for (int trial = 0; trial < 40; trial++) {
            int sources = 1 + rnd.nextInt(4);
            Rig rig = new Rig(sources, 2, trial < 3 ? 1 + trial : 16 + rnd.nextInt(240)).blank();
            float ceilingDb = -20f + 20f * rnd.nextFloat();
            for (int c = 0; c < 2; c++) {
                rig.p.set(Params.cue(c).limiter(), 1);
                rig.p.set(Params.cue(c).ceiling(), ceilingDb);
                rig.p.set(Params.cue(c).level(), 10f * rnd.nextFloat());
                rig.p.set(Params.cue(c).fold(), rnd.nextInt(5));
                for (int s = 0; s < sources; s++) {
                    rig.p.set(Params.cue(c).send(s).level(), -10f + 20f * rnd.nextFloat());
                    rig.p.set(Params.cue(c).send(s).pan(), rnd.nextFloat() * 2 - 1);
                }
            }
            rig.prepare();
            float[][] in = new float[2 * sources][];
            for (int ch = 0; ch < in.length; ch++) {
                in[ch] = material(rnd, rnd.nextInt(5), 6000, 0.5f + 3f * rnd.nextFloat());
            }
            // The ceiling also moves mid-signal; the bound holds while it ramps.
            float[][] out = rig.render(in, start -> {
                if (start > 3000) {
                    rig.p.set(Params.cue(1).ceiling(), -6f);
                }
            });
            float c0 = (float) Rig.db(ceilingDb);
            float c1 = Math.max(c0, (float) Rig.db(-6));
            boolean reduced = false;
            for (int ch = 0; ch < out.length; ch++) {
                float ceiling = ch < 2 ? c0 : c1;
                for (int i = 0; i < out[ch].length; i++) {
                    float y = out[ch][i];
                    assertTrue(Math.abs(y) <= ceiling, "trial " + trial + " ch " + ch + " at " + i + ": " + y
                            + " > " + ceiling);
                }
            }
            for (int c = 0; c < 2; c++) {
                reduced |= rig.engine.limiterGainReductionDb(c) > 0f;
            }
            assertTrue(reduced, "the material should drive the limiter");
        }
    }

    @Test
    void passesMaterialBelowTheCeilingBitForBit() {
        Random rnd = new Random(7);
        float[] l = new float[8192];
        float[] r = new float[8192];
        for (int i = 0; i < l.length; i++) {
            l[i] = (float) (0.8 * Math.sin(i * 0.01) * (rnd.nextDouble() * 0.2 + 0.8));
            r[i] = (float) (0.85 * Math.cos(i * 0.013));
        }
        float[][][] outs = new float[2][][];
        for (int on = 0; on < 2; on++) {
            Rig rig = new Rig(1, 1, 64).blank();
            rig.p.set(Params.cue(0).send(0).level(), 0f);
            rig.p.set(Params.cue(0).limiter(), on);
            rig.prepare();
            outs[on] = rig.render(new float[][] {l, r});
            assertEquals(0f, rig.engine.limiterGainReductionDb(0));
        }
        assertArrayEquals(outs[0][0], outs[1][0]);
        assertArrayEquals(outs[0][1], outs[1][1]);
    }

    @Test
    void reportsGainReductionAndReleasesAfterABurst() {
        Rig rig = new Rig(1, 1, 64).blank();
        rig.p.set(Params.cue(0).send(0).level(), 0f);
        rig.p.set(Params.cue(0).limiter(), 1);
        rig.p.set(Params.cue(0).ceiling(), -1f);
        rig.prepare();
        // A +6 dBFS sine burst: about 7 dB of reduction, reported while it lasts.
        float[] x = Rig.sine(4800, 1000, Rig.db(6), 0);
        float[] tone = Rig.sine(96000, 1000, Rig.db(-12), 0);
        float[][] out = rig.render(new float[][] {x, x});
        assertEquals(7.0, rig.engine.limiterGainReductionDb(0), 0.1);
        assertTrue(rig.engine.isLimiting(0));
        // Then a -12 dBFS tone. Release is exponential with a 100 ms time constant after a 10 ms
        // hold. Sample peaks of the 1 kHz tone (every 48 samples, at 12) and compare the gain.
        out = rig.render(new float[][] {tone, tone});
        double g0 = Rig.db(-1) / Rig.db(6);
        for (int ms : new int[] {20, 60, 110, 300}) {
            int at = 12 + 48 * ms;
            double expectedGain = 1 - (1 - g0) * Math.exp(-(at - 480) / 4800.0);
            assertEquals(expectedGain, out[0][at] / tone[at], 0.01, "gain " + ms + " ms after the burst");
        }
        // Two seconds later the gain is exactly 1 again: the tone passes bit for bit.
        assertEquals(0f, rig.engine.limiterGainReductionDb(0));
        assertTrue(!rig.engine.isLimiting(0));
        assertEquals(tone[95999], out[0][95999], 0f);
    }
}
