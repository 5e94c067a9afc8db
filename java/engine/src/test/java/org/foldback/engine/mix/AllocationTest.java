package org.foldback.engine.mix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.foldback.engine.AllocationProbe;
import org.foldback.engine.BusTap;
import org.foldback.engine.Layout;
import org.foldback.engine.param.ParamStore;
import org.foldback.engine.param.Params;
import org.junit.jupiter.api.Test;

/**
 * The audio thread allocates nothing: 16 sources x 8 cues, 64-sample blocks, parameters moving
 * every block, taps set, limiter working, a NaN now and then. Measured with the JVM's per-thread
 * allocation counter once the JIT has settled (see AllocationProbe).
 */
class AllocationTest {
    private static final int BLOCK = 64;
    private static final int WARM_UP_ROUND = 20_000;
    private static final int MAX_WARM_UP_ROUNDS = 30;
    private static final int MEASURED = 100_000;

    @Test
    void processAllocatesZeroBytesInSteadyState() {
        com.sun.management.ThreadMXBean bean =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(bean.isThreadAllocatedMemorySupported());
        bean.setThreadAllocatedMemoryEnabled(true);

        CueEngine engine = new CueEngine();
        ParamStore p = engine.params();
        long[] tapped = new long[1];
        BusTap tap = (bus, l, r, n) -> tapped[0] += n;
        engine.setSourceTap(tap);
        engine.setCueTap(tap);
        Random rnd = new Random(13);
        for (int c = 0; c < Layout.MAX_CUES; c++) {
            RandomDesk.randomiseCue(p, rnd, c, Layout.MAX_SOURCES, true);
            p.set(Params.cue(c).mute(), 0);
            for (int s = 0; s < Layout.MAX_SOURCES; s++) {
                p.set(Params.cue(c).send(s).level(), -6f + 12f * rnd.nextFloat());
                p.set(Params.cue(c).send(s).mute(), 0);
            }
        }
        engine.prepare(48000, BLOCK, Layout.MAX_SOURCES, Layout.MAX_CUES);

        float[][] in = RandomDesk.signals(rnd, Layout.MAX_INPUT_CHANNELS, BLOCK);
        for (float[] ch : in) {
            for (int i = 0; i < BLOCK; i++) {
                ch[i] *= 4f; // loud enough to keep the limiters busy
            }
        }
        float[][] out = new float[Layout.MAX_OUTPUT_CHANNELS][BLOCK];
        // Parameter moves chosen up front: the loop below only indexes arrays.
        int moves = 4096;
        int[] index = new int[moves];
        float[] value = new float[moves];
        for (int k = 0; k < moves; k++) {
            int c = rnd.nextInt(Layout.MAX_CUES);
            int s = rnd.nextInt(Layout.MAX_SOURCES);
            switch (rnd.nextInt(6)) {
                case 0: index[k] = Params.cue(c).send(s).level(); value[k] = -20f + 30f * rnd.nextFloat(); break;
                case 1: index[k] = Params.cue(c).send(s).pan(); value[k] = rnd.nextFloat() * 2 - 1; break;
                case 2: index[k] = Params.cue(c).level(); value[k] = -10f + 10f * rnd.nextFloat(); break;
                case 3: index[k] = Params.cue(c).fold(); value[k] = rnd.nextInt(5); break;
                case 4: index[k] = Params.global().talkbackOn(); value[k] = rnd.nextInt(2); break;
                default: index[k] = Params.source(s).mode(); value[k] = rnd.nextInt(2); break;
            }
        }

        long bytes = AllocationProbe.steadyStateBytes(b -> block(engine, in, out, index, value, b),
                WARM_UP_ROUND, MAX_WARM_UP_ROUNDS, MEASURED);
        assertEquals(0, bytes, "bytes allocated over " + MEASURED + " blocks");
        assertTrue(tapped[0] > 0);
    }

    private static void block(CueEngine engine, float[][] in, float[][] out, int[] index, float[] value, int b) {
        ParamStore p = engine.params();
        int k = b & (index.length - 1);
        p.set(index[k], value[k]);
        p.set(index[(k + 1) & (index.length - 1)], value[(k + 7) & (index.length - 1)]);
        boolean poison = (b & 1023) == 512;
        float saved = in[5][3];
        if (poison) {
            in[5][3] = Float.NaN;
        }
        engine.process(in, out, BLOCK);
        if (poison) {
            in[5][3] = saved;
        }
    }
}
