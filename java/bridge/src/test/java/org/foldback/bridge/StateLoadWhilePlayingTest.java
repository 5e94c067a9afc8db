package org.foldback.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Random;
import org.foldback.engine.FoldbackProcessor;
import org.foldback.engine.Layout;
import org.foldback.engine.param.ParamKind;
import org.foldback.engine.param.ParamSpec;
import org.foldback.engine.param.Params;
import org.junit.jupiter.api.Test;

/**
 * Issue 5: "restoring while audio runs is safe: no glitch louder than a short fade". A state is
 * loaded between two blocks while every source plays a steady sine; the largest sample-to-sample
 * step on every cue around the load must be no larger than a linear crossfade from the old
 * output to the new one over the engine's shortest ramp (10 ms, docs/MIXING.md) could make.
 *
 * <p>Bound per cue channel: max(step before, step after) + (peak before + peak after) / 480,
 * where the steps and peaks are measured on the settled old and new outputs; a crossfade over
 * n samples between signals a and b moves by at most |a - b| / n more than they do themselves.
 * A hard switch would step by up to the peaks themselves (about 480 times the fade allowance).
 * Steps under -80 dBFS are allowed anywhere (see INAUDIBLE_STEP), and the bound has a 25 % margin
 * for measuring (see MARGIN).
 */
class StateLoadWhilePlayingTest {
    private static final int RATE = 48_000;
    private static final int BLOCK = 64;
    private static final int SHORTEST_FADE = RATE / 100;   // the 10 ms toggle and choice ramp
    private static final int SETTLE_BLOCKS = 300;          // 400 ms: every ramp and the limiter settle
    private static final int MEASURE_BLOCKS = 75;          // 100 ms of steady output
    private static final int CHANNELS = Layout.MAX_OUTPUT_CHANNELS;
    // Ramps of different lengths (20 ms gains, 10 ms switches) do not move in step, so a nearly
    // silent cue can wander a little outside its end points on the way: steps below -80 dBFS
    // are not glitches anyone hears.
    private static final float INAUDIBLE_STEP = 1e-4f;
    // The settled steps are read over 100 ms, and 32 sines of different pitch beat over longer
    // spans, so the reading can fall a little short of their true largest step (by up to 7 %
    // over 120 loads). Without the scene fade the worst load was 29 times the bound.
    private static final float MARGIN = 1.25f;

    private final NativeProcessor np = new NativeProcessor(new FoldbackProcessor(), ShimCalls.connect(0, ""));
    private FloatBuffer in;    // the shim's buffers: channel ch at ch * BLOCK, made by prepare
    private FloatBuffer out;
    private long frame;
    private final float[] last = new float[CHANNELS];   // each cue channel's previous sample, across blocks

    @Test
    void aStateLoadedWhilePlayingFadesFromTheOldMixToTheNew() {
        assertNull(np.prepare(RATE, BLOCK, Layout.MAX_SOURCES, Layout.MAX_CUES));
        in = floats(np.inputBuffer());
        out = floats(np.outputBuffer());
        Random rnd = new Random(5);
        int trials = 40;
        double worstRatio = 0;
        for (int t = 0; t < trials; t++) {
            byte[] before = randomState(rnd);
            byte[] after = randomState(rnd);

            assertNull(np.setState(before));
            render(SETTLE_BLOCKS, null, null);
            float[] stepBefore = new float[CHANNELS];
            float[] peakBefore = new float[CHANNELS];
            render(MEASURE_BLOCKS, stepBefore, peakBefore);

            assertNull(np.setState(after));   // between two blocks, as the shim does it
            float[] stepAcross = new float[CHANNELS];
            render(SETTLE_BLOCKS, stepAcross, new float[CHANNELS]);
            float[] stepAfter = new float[CHANNELS];
            float[] peakAfter = new float[CHANNELS];
            render(MEASURE_BLOCKS, stepAfter, peakAfter);

            for (int ch = 0; ch < CHANNELS; ch++) {
                float bound = MARGIN * (Math.max(stepBefore[ch], stepAfter[ch])
                        + (peakBefore[ch] + peakAfter[ch]) / SHORTEST_FADE) + INAUDIBLE_STEP;
                assertTrue(stepAcross[ch] <= bound, "trial " + t + ", output channel " + ch + ": a step of "
                        + stepAcross[ch] + " across the load, more than a 10 ms fade allows (" + bound + ")");
                if (bound > 1e-5f) {
                    worstRatio = Math.max(worstRatio, stepAcross[ch] / bound);
                }
            }
        }
        System.out.printf("state load while playing: %d loads, worst step %.3f of the fade bound%n", trials, worstRatio);
    }

    /** Every parameter random (bypass included): a state as different from the last as can be. */
    private byte[] randomState(Random rnd) {
        for (ParamSpec p : Params.TABLE) {
            float v = p.kind() == ParamKind.FLOAT
                    ? p.min() + rnd.nextFloat() * (p.max() - p.min())
                    : rnd.nextInt((int) p.max() + 1);
            np.params().set(p.index(), v);
        }
        byte[] state = np.getState();
        assertNull(np.setState(state));
        return state;
    }

    /** Renders blocks of a steady sine per source channel; records the largest step and peak per cue channel. */
    private void render(int blocks, float[] largestStep, float[] peak) {
        for (int b = 0; b < blocks; b++) {
            for (int ch = 0; ch < Layout.MAX_INPUT_CHANNELS; ch++) {
                double hz = 55 + 13 * ch;   // low and all different: a glitch stands out from the sines' own steps
                for (int i = 0; i < BLOCK; i++) {
                    in.put(ch * BLOCK + i, (float) (0.25 * Math.sin(2 * Math.PI * hz * (frame + i) / RATE)));
                }
            }
            assertEquals(NativeProcessor.OK, np.process(BLOCK, 0), np.lastError());
            frame += BLOCK;
            for (int ch = 0; ch < CHANNELS; ch++) {
                for (int i = 0; i < BLOCK; i++) {
                    float x = out.get(ch * BLOCK + i);
                    if (largestStep != null) {
                        largestStep[ch] = Math.max(largestStep[ch], Math.abs(x - last[ch]));
                        peak[ch] = Math.max(peak[ch], Math.abs(x));
                    }
                    last[ch] = x;
                }
            }
        }
    }

    private static FloatBuffer floats(ByteBuffer b) {
        return b.duplicate().order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
}
