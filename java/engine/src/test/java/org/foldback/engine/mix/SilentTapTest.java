package org.foldback.engine.mix;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.foldback.engine.BusTap;
import org.foldback.engine.param.ParamStore;
import org.foldback.engine.param.Params;
import org.junit.jupiter.api.Test;

/**
 * The engine tells its taps a block is digital silence ({@link BusTap#acceptSilent}) only when
 * every sample of it is ±0, whatever the desk does: silent, tiny (flushed) and broken sources,
 * muted and unrouted cues, bypass and its fades, scene fades, random edits. The meters skip work
 * on that word, so a block called silent that is not would cost them their figures.
 */
class SilentTapTest {
    static final int BLOCK = 64;

    /** Counts the silent calls and fails at the first that is not silent. */
    static final class Checked implements BusTap {
        final String what;
        long silent, loud;

        Checked(String what) {
            this.what = what;
        }

        @Override
        public void accept(int bus, float[] left, float[] right, int n) {
            loud++;
        }

        @Override
        public void acceptSilent(int bus, float[] left, float[] right, int n) {
            for (int i = 0; i < n; i++) {
                if (left[i] != 0f || right[i] != 0f) {
                    throw new AssertionError(what + " " + bus + " said silent with sample " + i + " = "
                            + left[i] + ", " + right[i]);
                }
            }
            silent++;
        }
    }

    @Test
    void silentOnlyWhenEverySampleIsZero() {
        Random rnd = new Random(5);
        ParamStore p = new ParamStore();
        CueEngine engine = new CueEngine(p);
        Checked sources = new Checked("source"), cues = new Checked("cue");
        engine.setSourceTap(sources);
        engine.setCueTap(cues);
        engine.prepare(Rig.RATE, BLOCK, 16, 8);
        float[][] in = new float[32][BLOCK], out = new float[16][BLOCK];
        for (int c = 0; c < 8; c++) {
            RandomDesk.randomiseCue(p, rnd, c, 16, rnd.nextBoolean());
        }
        for (int k = 0; k < 20_000; k++) {
            if (k % 50 == 0) {
                int what = rnd.nextInt(4);
                if (what == 0) {
                    p.set(Params.global().bypass(), rnd.nextInt(2));
                } else if (what == 1) {
                    RandomDesk.randomiseGlobals(p, rnd, 16);
                } else {
                    RandomDesk.nudgeCue(p, rnd, rnd.nextInt(8), 16);
                }
            }
            if (k % 3_000 == 0) {
                engine.params().set(Params.cue(rnd.nextInt(8)).mute(), rnd.nextInt(2));
            }
            for (int ch = 0; ch < in.length; ch++) {
                int source = ch / 2;
                // 0-3: noise; 4-7: silent or tiny (below the input floor, flushed); 8: broken now
                // and then; 9-15: noise in some stretches only (13 on its left channel alone).
                boolean on = source < 4 || (source >= 9 && (k / 500 + source) % 3 == 0);
                for (int i = 0; i < BLOCK; i++) {
                    float x = on ? (float) (0.3 * rnd.nextGaussian()) : 0f;
                    if (source >= 4 && source < 8 && (k / 700) % 2 == 1) {
                        x = 1e-30f * (rnd.nextBoolean() ? 1 : -1);
                    }
                    if (source == 8) {
                        x = k % 1_000 < 3 ? Float.NaN : (k % 1_000 < 200 ? 0f : (float) (0.1 * rnd.nextGaussian()));
                    }
                    in[ch][i] = ch == 2 * 12 + 1 ? 0f : x; // source 13: its left channel only
                }
            }
            engine.process(in, out, BLOCK);
        }
        assertTrue(sources.silent > 10_000 && sources.loud > 10_000, "sources: " + sources.silent + " silent, " + sources.loud + " not");
        assertTrue(cues.silent > 1_000 && cues.loud > 10_000, "cues: " + cues.silent + " silent, " + cues.loud + " not");
    }
}
