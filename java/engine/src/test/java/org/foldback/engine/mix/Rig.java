package org.foldback.engine.mix;

import org.foldback.engine.param.ParamStore;
import org.foldback.engine.param.Params;

/** Test helper: an engine at 48 kHz and whole-signal rendering in fixed blocks. */
final class Rig {
    static final double RATE = 48000;
    /** 20 ms and 10 ms at 48 kHz. */
    static final int GAIN_RAMP = 960;
    static final int TOGGLE_RAMP = 480;

    final CueEngine engine = new CueEngine();
    final ParamStore p = engine.params();
    final int sources;
    final int cues;
    final int block;

    Rig(int sources, int cues, int block) {
        this.sources = sources;
        this.cues = cues;
        this.block = block;
    }

    /** Every cue: limiter off and every send off, so tests start from a blank desk. */
    Rig blank() {
        for (int c = 0; c < cues; c++) {
            p.set(Params.cue(c).limiter(), 0);
            for (int s = 0; s < sources; s++) {
                p.set(Params.cue(c).send(s).level(), Params.LEVEL_MIN_DB);
            }
        }
        return this;
    }

    Rig prepare() {
        engine.prepare(RATE, block, sources, cues);
        return this;
    }

    /** Renders {@code input} (2·sources channels of equal length) and returns 2·cues channels. */
    float[][] render(float[][] input) {
        return render(input, null);
    }

    /** As {@link #render(float[][])}, calling {@code beforeBlock} with the block's first sample index. */
    float[][] render(float[][] input, java.util.function.IntConsumer beforeBlock) {
        int length = input[0].length;
        float[][] out = new float[2 * cues][length];
        float[][] in = new float[2 * sources][block];
        float[][] o = new float[2 * cues][block];
        for (int start = 0; start < length; start += block) {
            int n = Math.min(block, length - start);
            if (beforeBlock != null) {
                beforeBlock.accept(start);
            }
            for (int ch = 0; ch < 2 * sources; ch++) {
                System.arraycopy(input[ch], start, in[ch], 0, n);
            }
            engine.process(in, o, n);
            for (int ch = 0; ch < 2 * cues; ch++) {
                System.arraycopy(o[ch], 0, out[ch], start, n);
            }
        }
        return out;
    }

    static float[][] constant(int channels, int length, float value) {
        float[][] x = new float[channels][length];
        for (float[] ch : x) {
            java.util.Arrays.fill(ch, value);
        }
        return x;
    }

    static float[] sine(int length, double hz, double amplitude, double phase) {
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE + phase));
        }
        return x;
    }

    static double db(double d) {
        return Math.pow(10, d / 20);
    }
}
