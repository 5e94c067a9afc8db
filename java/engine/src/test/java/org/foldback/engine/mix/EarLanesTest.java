package org.foldback.engine.mix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.foldback.engine.Layout;
import org.foldback.engine.param.ParamStore;
import org.foldback.engine.param.Params;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The cues' tone and crossfeed in vector lanes ({@link EarLanes}) give the plain path's bits: two
 * engines on the same desk, one with the lanes and one without, while every ear setting moves
 * (ramps, the high-pass switching, shelves landing on 0 dB and their tails, crossfeed fades to and
 * from off), cues fall silent and come back, and blocks of 1 to 300 samples (beyond a lanes part of
 * {@link EarLanes#CHUNK}) come in. Only in the test run with the Vector API (the engine's
 * vector-kernels execution); without it there are no lanes to compare.
 */
class EarLanesTest {
    private static final int MAX_BLOCK = 300;
    private static final int[] BLOCKS = {64, 64, 64, 1, 7, 32, 100, 128, 129, 256, 300};

    @Test
    void lanesGiveThePlainFiltersBits() {
        Assumptions.assumeTrue(EarLanes.available(), "no Vector API in this JVM: no lanes");
        int sources = 6;
        CueEngine lanes = new CueEngine(new ParamStore(), true);
        CueEngine plain = new CueEngine(new ParamStore(), false);
        Random rnd = new Random(23);
        for (int c = 0; c < Layout.MAX_CUES; c++) {
            RandomDesk.randomiseCue(lanes.params(), rnd, c, sources, true);
            lanes.params().set(Params.cue(c).mute(), 0);
            lanes.params().set(Params.cue(c).level(), 0f);
            ear(lanes.params(), rnd, c);
        }
        for (int s = 0; s < sources; s++) {
            lanes.params().set(Params.source(s).ambience(), -12f);
        }
        copy(lanes.params(), plain.params());
        lanes.prepare(48000, MAX_BLOCK, sources, Layout.MAX_CUES);
        plain.prepare(48000, MAX_BLOCK, sources, Layout.MAX_CUES);
        float[][] signal = RandomDesk.signals(rnd, 2 * sources, 48000);
        float[][] in = new float[2 * sources][MAX_BLOCK];
        float[][] outLanes = new float[Layout.MAX_OUTPUT_CHANNELS][MAX_BLOCK];
        float[][] outPlain = new float[Layout.MAX_OUTPUT_CHANNELS][MAX_BLOCK];
        int at = 0;
        for (int b = 0; b < 6000; b++) {
            if (b % 40 == 39) {
                int c = rnd.nextInt(Layout.MAX_CUES);
                switch (rnd.nextInt(4)) {
                    case 0 -> ear(lanes.params(), rnd, c);
                    case 1 -> lanes.params().set(Params.cue(c).mute(), rnd.nextInt(3) == 0 ? 1 : 0);
                    case 2 -> lanes.params().set(Params.cue(c).crossfeed(), rnd.nextInt(4));
                    default -> lanes.params().set(Params.cue(c).toneLow(), rnd.nextBoolean() ? 0f : 6f);
                }
                copy(lanes.params(), plain.params());
            }
            int n = BLOCKS[rnd.nextInt(BLOCKS.length)];
            if (at + n > signal[0].length) {
                at = 0;
            }
            for (int ch = 0; ch < in.length; ch++) {
                System.arraycopy(signal[ch], at, in[ch], 0, n);
            }
            at += n;
            lanes.process(in, outLanes, n);
            plain.process(in, outPlain, n);
            for (int ch = 0; ch < 2 * Layout.MAX_CUES; ch++) {
                for (int i = 0; i < n; i++) {
                    if (Float.floatToRawIntBits(outLanes[ch][i]) != Float.floatToRawIntBits(outPlain[ch][i])) {
                        assertEquals(outPlain[ch][i], outLanes[ch][i], "block " + b + " (" + n + " samples), channel "
                                + ch + ", sample " + i + ": bits differ");
                        throw new AssertionError("block " + b + ", channel " + ch + ", sample " + i + ": -0.0 against 0.0");
                    }
                }
            }
        }
        assertTrue(lanes.earLaneBlocks() > 10_000, "cue blocks shaped in lanes: " + lanes.earLaneBlocks());
        assertEquals(0, plain.earLaneBlocks());
    }

    /** A random tone and crossfeed for cue c: sections often off or flat, so every path is taken. */
    private static void ear(ParamStore p, Random rnd, int c) {
        p.set(Params.cue(c).toneHighPass(), rnd.nextInt(4) == 0 ? 0f : 40f + 160f * rnd.nextFloat());
        p.set(Params.cue(c).toneLow(), rnd.nextInt(4) == 0 ? 0f : -12f + 24f * rnd.nextFloat());
        p.set(Params.cue(c).toneHigh(), rnd.nextInt(4) == 0 ? 0f : -12f + 24f * rnd.nextFloat());
        p.set(Params.cue(c).crossfeed(), rnd.nextInt(4));
        p.set(Params.cue(c).ambience(), rnd.nextInt(3) == 0 ? Params.LEVEL_MIN_DB : -10f);
    }

    private static void copy(ParamStore from, ParamStore to) {
        for (int i = 0; i < Params.count(); i++) {
            to.set(i, from.get(i));
        }
    }
}
