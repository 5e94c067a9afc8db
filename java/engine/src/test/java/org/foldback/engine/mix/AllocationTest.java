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

    /**
     * The same with the performer's-ear stages on and moving: tone on every cue (settings changing),
     * crossfeed switching between settings and off, the reverb fed by every source and heard by
     * every cue (size, decay and pre-delay changing, sends going off and on so it idles and wakes),
     * and the hearing dose measured on every cue (calibrated, reset now and then), maximum levels
     * and calibrations moving the limiters' ceilings.
     */
    @Test
    void earStagesAllocateZeroBytesInSteadyState() {
        com.sun.management.ThreadMXBean bean =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        bean.setThreadAllocatedMemoryEnabled(true);
        CueEngine engine = new CueEngine();
        ParamStore p = engine.params();
        org.foldback.engine.dose.DoseBank doses = new org.foldback.engine.dose.DoseBank(Layout.MAX_CUES);
        engine.setCueTap(doses);
        engine.setCalibrations(doses::calibration);
        Random rnd = new Random(17);
        for (int c = 0; c < Layout.MAX_CUES; c++) {
            RandomDesk.randomiseCue(p, rnd, c, Layout.MAX_SOURCES, true);
            p.set(Params.cue(c).mute(), 0);
            p.set(Params.cue(c).toneHighPass(), 80);
            p.set(Params.cue(c).toneLow(), 6);
            p.set(Params.cue(c).toneHigh(), -3);
            p.set(Params.cue(c).crossfeed(), (org.foldback.engine.crossfeed.Crossfeed.Level.values()[1 + c % 3]).ordinal());
            p.set(Params.cue(c).ambience(), -6);
            doses.setCalibration(c, 100);
            p.set(Params.cue(c).maxSpl(), 95f);
        }
        for (int s = 0; s < Layout.MAX_SOURCES; s++) {
            p.set(Params.source(s).ambience(), -12);
        }
        doses.prepare(48000);
        engine.prepare(48000, BLOCK, Layout.MAX_SOURCES, Layout.MAX_CUES);
        float[][] in = RandomDesk.signals(rnd, Layout.MAX_INPUT_CHANNELS, BLOCK);
        float[][] out = new float[Layout.MAX_OUTPUT_CHANNELS][BLOCK];
        org.foldback.engine.crossfeed.Crossfeed.Level[] levels = org.foldback.engine.crossfeed.Crossfeed.Level.values();
        float[][] silence = new float[Layout.MAX_INPUT_CHANNELS][BLOCK];
        long bytes = AllocationProbe.steadyStateBytes(b -> {
            int c = b & 7;
            switch ((b >> 3) & 7) {
                case 0: p.set(Params.cue(c).toneHighPass(), (b & 64) == 0 ? 0 : 40 + (b & 127)); p.set(Params.cue(c).toneLow(), (b % 25) - 12); p.set(Params.cue(c).toneHigh(), 12 - (b % 25)); break;
                case 1: p.set(Params.cue(c).crossfeed(), (levels[(b >> 6) & 3]).ordinal()); break;
                case 2: p.set(Params.global().ambienceSize(), 100f * (0.3f + 0.7f * ((b >> 6) & 7) / 7f)); p.set(Params.global().ambienceDecay(), 0.5f + ((b >> 9) & 3)); p.set(Params.global().ambiencePreDelay(), (b >> 6) & 63); break;
                case 3: p.set(Params.source(b & 15).ambience(), (b & 1024) == 0 ? -12 : -90); break;
                case 4: if ((b & 4095) == 39) { doses.requestReset(c); } break;
                case 5: p.set(Params.cue(c).maxSpl(), (b & 64) == 0 ? 65f : 90f + (b & 15)); break;
                case 6: if ((b & 1023) == 47) { doses.setCalibration(c, 95 + (b & 15)); } break;
                default: break;
            }
            // Every 16384 blocks, 1.8 s of silence: the reverb runs on its tail alone, then is fed again.
            engine.process((b & 16383) < 15000 ? in : silence, out, BLOCK);
        }, 2 * 16384, MAX_WARM_UP_ROUNDS, MEASURED); // a warm-up round spans every path of the cycle
        assertEquals(0, bytes, "bytes allocated over " + MEASURED + " blocks with every ear stage on");
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
