package org.foldback.engine.mix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.foldback.engine.param.Params;
import org.junit.jupiter.api.Test;

/** Properties over random settings (changing mid-signal) and random signals, seeded. */
class MixPropertiesTest {
    private static final int LENGTH = 2048;

    /** Same seed for settings: two rigs that see the same parameter history. */
    private static Rig randomRig(long seed, int sources, int cues, int block, boolean limiter) {
        Random rnd = new Random(seed);
        Rig rig = new Rig(sources, cues, block);
        RandomDesk.randomiseGlobals(rig.p, rnd, sources);
        for (int c = 0; c < cues; c++) {
            RandomDesk.randomiseCue(rig.p, rnd, c, sources, limiter);
        }
        return rig.prepare();
    }

    private static float[][] renderMoving(Rig rig, long seed, float[][] in) {
        Random moves = new Random(seed ^ 0x5eed);
        return rig.render(in, start -> {
            if (moves.nextInt(4) == 0) {
                RandomDesk.nudgeCue(rig.p, moves, moves.nextInt(rig.cues), rig.sources);
            }
            if (moves.nextInt(16) == 0) {
                RandomDesk.randomiseGlobals(rig.p, moves, rig.sources);
            }
            if (moves.nextInt(32) == 0) {
                rig.p.set(Params.global().bypass(), moves.nextInt(2));
            }
        });
    }

    /**
     * Limiter off, the engine is linear (time-varying, but identically so in each run):
     * out(a·x + b·y) = a·out(x) + b·out(y). Tolerance: 1e-5 relative to the largest output sample
     * of the three renders (float rounding of sums of up to 16 products).
     */
    @Test
    void linearWithLimiterOff() {
        Random rnd = new Random(1);
        for (int trial = 0; trial < 40; trial++) {
            int sources = 1 + rnd.nextInt(16);
            int cues = 1 + rnd.nextInt(8);
            int block = 1 + rnd.nextInt(200);
            long seed = rnd.nextLong();
            float a = (float) (rnd.nextDouble() * 4 - 2);
            float b = (float) (rnd.nextDouble() * 4 - 2);
            float[][] x = RandomDesk.signals(rnd, 2 * sources, LENGTH);
            float[][] y = RandomDesk.signals(rnd, 2 * sources, LENGTH);
            float[][] mix = new float[2 * sources][LENGTH];
            for (int ch = 0; ch < mix.length; ch++) {
                for (int i = 0; i < LENGTH; i++) {
                    mix[ch][i] = a * x[ch][i] + b * y[ch][i];
                }
            }
            float[][] ox = renderMoving(randomRig(seed, sources, cues, block, false), seed, x);
            float[][] oy = renderMoving(randomRig(seed, sources, cues, block, false), seed, y);
            float[][] om = renderMoving(randomRig(seed, sources, cues, block, false), seed, mix);
            double peak = 1e-30;
            for (int ch = 0; ch < om.length; ch++) {
                for (int i = 0; i < LENGTH; i++) {
                    peak = Math.max(peak, Math.max(Math.abs(om[ch][i]), Math.abs(a * ox[ch][i]) + Math.abs(b * oy[ch][i])));
                }
            }
            for (int ch = 0; ch < om.length; ch++) {
                for (int i = 0; i < LENGTH; i++) {
                    double expected = a * (double) ox[ch][i] + b * (double) oy[ch][i];
                    assertEquals(expected, om[ch][i], 1e-5 * peak, "trial " + trial + " ch " + ch + " at " + i);
                }
            }
        }
    }

    /** A muted source (send muted or -inf) contributes exactly zero: its content changes no bit. */
    @Test
    void mutedSourceContributesExactlyZero() {
        Random rnd = new Random(2);
        for (int trial = 0; trial < 40; trial++) {
            int sources = 2 + rnd.nextInt(15);
            int cues = 1 + rnd.nextInt(8);
            long seed = rnd.nextLong();
            int muted = rnd.nextInt(sources);
            boolean byMute = rnd.nextBoolean();
            float[][] x = RandomDesk.signals(rnd, 2 * sources, LENGTH);
            float[][] other = RandomDesk.signals(rnd, 2 * sources, LENGTH);
            float[][] y = x.clone();
            y[2 * muted] = other[0];
            y[2 * muted + 1] = other[1];
            float[][][] outs = new float[2][][];
            for (int run = 0; run < 2; run++) {
                Rig rig = randomRig(seed, sources, cues, 64, true);
                for (int c = 0; c < cues; c++) {
                    rig.p.set(byMute ? Params.cue(c).send(muted).mute() : Params.cue(c).send(muted).level(),
                            byMute ? 1 : Params.LEVEL_MIN_DB);
                }
                rig.engine.prepare(Rig.RATE, 64, sources, cues);
                outs[run] = rig.render(run == 0 ? x : y);
            }
            for (int ch = 0; ch < outs[0].length; ch++) {
                assertBitsEqual(outs[0][ch], outs[1][ch], "trial " + trial + " ch " + ch);
            }
        }
    }

    /** Changing any cue-2 parameter, any time, never changes cue 1 by a single bit. */
    @Test
    void cuesAreIndependent() {
        Random rnd = new Random(3);
        for (int trial = 0; trial < 40; trial++) {
            int sources = 1 + rnd.nextInt(16);
            int cues = 2 + rnd.nextInt(7);
            long seed = rnd.nextLong();
            float[][] x = RandomDesk.signals(rnd, 2 * sources, LENGTH);
            Rig plain = randomRig(seed, sources, cues, 64, rnd.nextBoolean());
            Rig fiddled = new Rig(sources, cues, 64);
            fiddled.p.copyFrom(plain.p);
            fiddled.prepare();
            Random moves = new Random(seed);
            float[][] a = plain.render(x);
            float[][] b = fiddled.render(x, start -> {
                for (int k = moves.nextInt(4); k > 0; k--) {
                    RandomDesk.nudgeCue(fiddled.p, moves, 1, sources);
                }
            });
            assertBitsEqual(a[0], b[0], "trial " + trial + " cue 1 left");
            assertBitsEqual(a[1], b[1], "trial " + trial + " cue 1 right");
        }
    }

    /** Same settings, same blocks, same input: the same bits. */
    @Test
    void deterministic() {
        Random rnd = new Random(4);
        for (int trial = 0; trial < 10; trial++) {
            int sources = 1 + rnd.nextInt(16);
            int cues = 1 + rnd.nextInt(8);
            long seed = rnd.nextLong();
            float[][] x = RandomDesk.signals(rnd, 2 * sources, LENGTH);
            float[][] a = renderMoving(randomRig(seed, sources, cues, 48, true), seed, x);
            float[][] b = renderMoving(randomRig(seed, sources, cues, 48, true), seed, x);
            for (int ch = 0; ch < a.length; ch++) {
                assertBitsEqual(a[ch], b[ch], "trial " + trial + " ch " + ch);
            }
        }
    }

    /** Tiny and subnormal inputs, fading settings: no output sample is ever subnormal. */
    @Test
    void noSubnormalOutput() {
        Random rnd = new Random(5);
        for (int trial = 0; trial < 20; trial++) {
            int sources = 1 + rnd.nextInt(16);
            int cues = 1 + rnd.nextInt(8);
            long seed = rnd.nextLong();
            float[][] x = RandomDesk.signals(rnd, 2 * sources, LENGTH);
            for (float[] ch : x) {
                float scale = (float) Math.pow(10, -5 - rnd.nextInt(40));
                for (int i = 0; i < LENGTH; i++) {
                    ch[i] = ch[i] * scale * (float) Math.exp(-i / 200.0);
                }
            }
            float[][] out = renderMoving(randomRig(seed, sources, cues, 64, rnd.nextBoolean()), seed, x);
            for (int ch = 0; ch < out.length; ch++) {
                for (int i = 0; i < LENGTH; i++) {
                    float v = Math.abs(out[ch][i]);
                    assertTrue(v == 0f || v >= Float.MIN_NORMAL, "subnormal " + v + " trial " + trial + " ch " + ch);
                }
            }
        }
    }

    private static void assertBitsEqual(float[] a, float[] b, String what) {
        for (int i = 0; i < a.length; i++) {
            if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(b[i])) {
                throw new AssertionError(what + " differs at " + i + ": " + a[i] + " vs " + b[i]);
            }
        }
    }
}
