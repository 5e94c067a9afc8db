package org.foldback.engine.mix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.foldback.engine.param.Params;
import org.junit.jupiter.api.Test;

/**
 * A cue skips reading its sends while nothing has been written since an update that moved
 * nothing (CueStrip.updateSends). Every kind of edit that reaches the sends, made after a long
 * stretch of such blocks, must still be heard, at the value the laws give (docs/MIXING.md).
 */
class QuietSendsTest {
    private static final int BLOCK = 64;
    private static final int SECOND = (int) Rig.RATE;

    @Test
    void editsAfterQuietBlocksAreHeard() {
        Rig rig = new Rig(2, 1, BLOCK).blank();
        rig.p.set(Params.cue(0).send(0).level(), 0f);
        rig.prepare();
        float[][] in = Rig.constant(4, SECOND, 0f);
        java.util.Arrays.fill(in[0], 0.5f);
        java.util.Arrays.fill(in[1], 0.25f);
        java.util.Arrays.fill(in[2], 0.125f);
        java.util.Arrays.fill(in[3], 0.125f);
        int pan = SECOND / 5, mono = 2 * SECOND / 5, sendOn = 3 * SECOND / 5, talkback = 4 * SECOND / 5;
        float[][] out = rig.render(in, start -> {
            if (start == pan) {
                rig.p.set(Params.cue(0).send(0).pan(), -1f);             // balance hard left
            } else if (start == mono) {
                rig.p.set(Params.source(0).mode(), 1f);                  // mono: (L + R) / 2, panned left
            } else if (start == sendOn) {
                rig.p.set(Params.cue(0).send(1).level(), 0f);            // the second source joins
            } else if (start == talkback) {
                rig.p.set(Params.global().talkbackSource(), 1f);         // source 1 becomes talkback: gated
            }
        });
        int settled = SECOND / 10; // longer than any ramp
        assertFrame(out, pan - 1, 0.5f, 0.25f, "before any edit");
        assertFrame(out, pan + settled, 0.5f, 0f, "balance hard left");
        assertFrame(out, mono + settled, 0.375f, 0f, "mono, panned hard left");
        assertFrame(out, sendOn + settled, 0.375f + 0.125f, 0.125f, "second source at 0 dB, centre");
        assertFrame(out, talkback + settled, 0.125f, 0.125f, "talkback silent while nobody talks");
        assertFrame(out, SECOND - 1, 0.125f, 0.125f, "and it stays so");
    }

    private static void assertFrame(float[][] out, int i, float left, float right, String what) {
        assertEquals(left, out[0][i], 1e-6, what + " (left)");
        assertEquals(right, out[1][i], 1e-6, what + " (right)");
    }
}
