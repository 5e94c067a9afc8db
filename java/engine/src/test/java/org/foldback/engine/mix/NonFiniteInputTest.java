package org.foldback.engine.mix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.foldback.engine.param.Params;
import org.junit.jupiter.api.Test;

/** NaN, Inf and absurd samples on an input never reach an output; the source comes back. */
class NonFiniteInputTest {

    @Test
    void badSamplesQuarantineTheSourceWhichThenFadesBackIn() {
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e30f}) {
            Rig rig = new Rig(2, 2, 64).blank();
            rig.p.set(Params.cue(0).send(0).level(), 0f);
            rig.p.set(Params.cue(0).send(1).level(), 0f);
            rig.p.set(Params.cue(1).send(1).level(), 0f);
            rig.prepare();
            int length = 64 * 60;
            float[][] in = Rig.constant(4, length, 0f);
            java.util.Arrays.fill(in[0], 0.5f);   // source 1, left: healthy DC
            java.util.Arrays.fill(in[2], 0.25f);  // source 2, left: DC with a bad sample in block 10
            in[2][64 * 10 + 17] = bad;
            List<Boolean> quarantined = new ArrayList<>();
            float[][] out = rig.render(in, start -> quarantined.add(rig.engine.isSourceQuarantined(1)));
            for (float[] ch : out) {
                for (float v : ch) {
                    assertTrue(Float.isFinite(v));
                }
            }
            assertEquals(1, rig.engine.nonFiniteBlocks(1));
            assertEquals(0, rig.engine.nonFiniteBlocks(0));
            assertFalse(rig.engine.isSourceQuarantined(1));
            // Block 10 is silent for source 2; source 1 carries on in cue 1.
            for (int i = 640; i < 704; i++) {
                assertEquals(0.5f, out[0][i], 1e-6f);
                assertEquals(0f, out[2][i]);
            }
            // Readout says quarantined during blocks 11.. (read before each block).
            assertTrue(quarantined.get(11));
            // Recovery: counted from block 11, the block that completes 10 ms (480 samples) of good
            // input is block 18 (8 · 64 = 512 >= 480); blocks 11..17 are silent, the 10 ms fade in
            // starts with block 18, then full level.
            int back = 11 + (480 + 63) / 64 - 1;
            for (int i = 704; i < 64 * back; i++) {
                assertEquals(0f, out[2][i], "still muted at " + i);
            }
            float previous = 0f;
            for (int i = 64 * back; i < 64 * back + 480; i++) {
                assertTrue(out[2][i] >= previous && out[2][i] - previous <= 0.25f / 480 + 1e-7f, "fade at " + i);
                previous = out[2][i];
            }
            // Ramps land at the end of the block in which their time has passed (512 samples here).
            assertEquals(0.25f, out[2][64 * back + 511], 1e-6f);
            assertEquals(0.25f, out[2][length - 1], 1e-6f);
        }
    }

    @Test
    void randomGarbageNeverReachesAnOutput() {
        java.util.Random rnd = new java.util.Random(9);
        for (int trial = 0; trial < 20; trial++) {
            int sources = 1 + rnd.nextInt(16);
            int cues = 1 + rnd.nextInt(8);
            Rig rig = new Rig(sources, cues, 32 + rnd.nextInt(100));
            RandomDesk.randomiseGlobals(rig.p, rnd, sources);
            for (int c = 0; c < cues; c++) {
                RandomDesk.randomiseCue(rig.p, rnd, c, sources, rnd.nextBoolean());
            }
            rig.p.set(Params.global().bypass(), rnd.nextInt(4) == 0 ? 1 : 0);
            rig.prepare();
            float[][] in = RandomDesk.signals(rnd, 2 * sources, 4096);
            float[] garbage = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MAX_VALUE, -1e20f};
            for (int k = 0; k < 30; k++) {
                in[rnd.nextInt(in.length)][rnd.nextInt(4096)] = garbage[rnd.nextInt(garbage.length)];
            }
            float[][] out = rig.render(in);
            for (float[] ch : out) {
                for (float v : ch) {
                    assertTrue(Float.isFinite(v), "trial " + trial);
                }
            }
        }
    }
}
