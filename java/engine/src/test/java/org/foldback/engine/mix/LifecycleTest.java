package org.foldback.engine.mix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.foldback.engine.param.Params;
import org.junit.jupiter.api.Test;

/** The Processor contract's edge cases. */
class LifecycleTest {

    @Test
    void processBeforePrepareWritesSilence() {
        CueEngine engine = new CueEngine();
        float[][] in = RandomDesk.signals(new Random(1), 4, 128);
        float[][] out = RandomDesk.signals(new Random(2), 4, 128);
        engine.process(in, out, 128);
        for (float[] ch : out) {
            assertArrayEquals(new float[128], ch);
        }
    }

    @Test
    void zeroLengthBlocksAndRepreparingAtAnotherRate() {
        CueEngine engine = new CueEngine();
        engine.prepare(44100, 512, 2, 2);
        float[][] in = RandomDesk.signals(new Random(3), 4, 512);
        for (float[] ch : in) {
            for (int i = 0; i < ch.length; i++) {
                ch[i] *= 0.5f;
            }
        }
        float[][] copy = new float[4][];
        for (int ch = 0; ch < 4; ch++) {
            copy[ch] = in[ch].clone();
        }
        float[][] out = new float[6][512];
        engine.process(in, out, 0);
        engine.process(in, out, 512);
        // Default desk: every cue hears source 1 at 0 dB (limiter at -1 dBFS; inputs are below it).
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < 512; i++) {
                assertEquals(in[0][i], out[2 * c][i], 1e-6f);
                assertEquals(in[1][i], out[2 * c + 1][i], 1e-6f);
            }
        }
        for (int ch = 0; ch < 4; ch++) {
            assertArrayEquals(copy[ch], in[ch], "inputs are never written");
        }
        // Channels beyond the active cues are written too (silence).
        assertArrayEquals(new float[512], out[4]);
        engine.prepare(96000, 32, 2, 1);
        engine.params().set(Params.cue(0).level(), -6f);
        engine.process(in, out, 32);
        for (int i = 0; i < 32; i++) {
            assertEquals(in[0][i] * 0.5011872f, out[0][i], 1e-6f);
        }
        // A block longer than promised is refused with silence rather than overrunning buffers.
        engine.process(in, out, 64);
        assertArrayEquals(new float[64], java.util.Arrays.copyOf(out[0], 64));
        engine.release();
        engine.process(in, out, 32);
        assertArrayEquals(new float[32], java.util.Arrays.copyOf(out[0], 32));
    }
}
