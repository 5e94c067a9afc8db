package org.foldback.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.foldback.engine.dose.DoseReading;
import org.foldback.engine.meter.MeterDemand;
import org.foldback.engine.meter.MeterReading;
import org.foldback.engine.param.CueParams;
import org.foldback.engine.param.ParamStore;
import org.foldback.engine.param.Params;
import org.foldback.engine.simd.ColdStart;
import org.foldback.engine.simd.Simd;
import org.foldback.engine.simd.WarmUpThread;
import org.junit.jupiter.api.Test;

/**
 * The kernels' cold start end to end, in a JVM started cold as the plugin's is (the engine pom's
 * `cold-start` run: -Dfoldback.simd=cold, and the switches are one-way for the JVM). Two engines
 * on the same desk and input: A on this thread, which runs the plain loops while the kernels are
 * cold, then the kernels once they are switched on, then the plain loops again after a fall-back;
 * B on a {@link WarmUpThread}, for which the kernels are on from its first block until the
 * fall-back, so it switches once where A switches twice (the switch on made by a third engine, D,
 * as its second block starts: {@link ColdStart}, as a render does). At every block the two
 * outputs must have the same bits (the mix, limiter and input guard give the plain loops' bits), and after each
 * phase every bus's loudness and every cue's dose must read the same to the bit in both (with
 * noise, the lanes do the plain filters' arithmetic to the bit: WeightingLanes). The K- and
 * A-weighting lanes keep their filter state apart from the meters' own, and only the banks'
 * hand-over at a switch (WeightingLanes.handOver) keeps the figures going: without it A's
 * loudness would go on from its filters' state of the cold phase when switched on, and from its
 * own stale state (B's: silence) after the fall-back, and the two would differ.
 */
class KernelColdStartTest {
    private static final int BLOCK = 64;
    /** Blocks per phase: 1.07 s, so each books a second of every calibrated cue's dose. */
    private static final int PHASE = 800;

    /**
     * An engine whose every block calls every kernel: sends from every source to every cue
     * (stereo sources: the mix's diagonal and matrix forms; four mono ones: its mono form), the
     * ambience (its send and return), a fold-down and a swap (the output stage's matrix), tone and
     * crossfeed on four cues (the ear lanes), those cues calibrated (the dose's A-weighting), every
     * meter on every bus (levels, true peak, the K-weighting lanes), the input guard and limiter.
     */
    private static FoldbackProcessor deskWithEveryKernel() {
        FoldbackProcessor engine = new FoldbackProcessor();
        ParamStore p = engine.params();
        Random rnd = new Random(7);
        for (int s = 0; s < Layout.MAX_SOURCES; s++) {
            p.set(Params.source(s).mode(), s < 4 ? 1 : 0);
            p.set(Params.source(s).ambience(), -12f);
        }
        for (int c = 0; c < Layout.MAX_CUES; c++) {
            CueParams cue = Params.cue(c);
            for (int s = 0; s < Layout.MAX_SOURCES; s++) {
                p.set(cue.send(s).level(), -12f + 12f * rnd.nextFloat());
                p.set(cue.send(s).pan(), s % 3 == 0 ? 0f : rnd.nextFloat() * 2 - 1);
            }
            if (c < 4) {
                p.set(cue.toneHighPass(), 80f);
                p.set(cue.toneLow(), 4f);
                p.set(cue.toneHigh(), -3f);
                p.set(cue.crossfeed(), 1 + c % 3);
                p.set(cue.ambience(), -10f);
                engine.doses().setCalibration(c, 100);
            }
        }
        p.set(Params.cue(4).fold(), 1);
        p.set(Params.cue(5).swap(), 1);
        engine.prepare(48000, BLOCK, Layout.MAX_SOURCES, Layout.MAX_CUES);
        for (int bus = 0; bus < engine.meters().buses(); bus++) {
            engine.demandMeters(bus, MeterDemand.ALL);
        }
        return engine;
    }

    /** Block b's input: noise, loud every third 100 blocks so the limiters work. */
    private static float[][] input(int b) {
        Random rnd = new Random(5000 + b);
        float gain = (b / 100) % 3 == 1 ? 2f : 0.2f;
        float[][] in = new float[Layout.MAX_INPUT_CHANNELS][BLOCK];
        for (float[] ch : in) {
            for (int i = 0; i < BLOCK; i++) {
                ch[i] = (float) rnd.nextGaussian() * gain;
            }
        }
        return in;
    }

    /** Plays blocks [from, to) on the calling thread, each output's hash into {@code heard}. */
    private static void play(FoldbackProcessor p, int from, int to, List<Long> heard) {
        float[][] out = new float[Layout.MAX_OUTPUT_CHANNELS][BLOCK];
        for (int b = from; b < to; b++) {
            p.process(input(b), out, BLOCK);
            heard.add(OutputBits.hash(out));
        }
    }

    /** {@link #play} on a new {@link WarmUpThread}, waited for. */
    private static void playWarm(FoldbackProcessor p, int from, int to, List<Long> heard) throws InterruptedException {
        Thread t = new WarmUpThread(() -> play(p, from, to, heard), "test warm-up");
        t.start();
        t.join();
    }

    private static void sameFigures(String phase, FoldbackProcessor a, FoldbackProcessor b) {
        MeterReading ra = new MeterReading();
        MeterReading r = new MeterReading();
        for (int bus = 0; bus < a.meters().buses(); bus++) {
            a.meters().read(bus, ra);
            b.meters().read(bus, r);
            assertTrue(Double.isFinite(ra.momentaryLufs), phase + ", bus " + bus + ": " + ra.momentaryLufs);
            {
                String where = phase + ", bus " + bus;
                assertEquals(bits(r.momentaryLufs), bits(ra.momentaryLufs), where + " momentary loudness");
                assertEquals(bits(r.shortTermLufs), bits(ra.shortTermLufs), where + " short-term loudness");
                assertEquals(bits(r.integratedLufs), bits(ra.integratedLufs), where + " integrated loudness");
                assertEquals(bits(r.samplePeakDbfs[0]), bits(ra.samplePeakDbfs[0]), where + " sample peak");
                // The levels pass and the true peak sum and interpolate in another order as vectors
                // (Simd's class comment): the last bits may differ there.
                assertEquals(r.rmsDbfs[1], ra.rmsDbfs[1], 1e-9, where + " RMS");
                assertEquals(r.truePeakMaxDbtp[0], ra.truePeakMaxDbtp[0], 1e-5, where + " true peak");
            }
        }
        DoseReading da = new DoseReading();
        DoseReading db = new DoseReading();
        for (int cue = 0; cue < a.doses().cues(); cue++) {
            a.doses().read(cue, da);
            b.doses().read(cue, db);
            if (da.calibrated) {
                assertTrue(Double.isFinite(da.laeqDbfs), phase + ", cue " + cue + " LAeq " + da.laeqDbfs);
            }
            assertEquals(bits(db.laeqDbfs), bits(da.laeqDbfs), phase + ", cue " + cue + " LAeq");
            assertEquals(bits(db.dose), bits(da.dose), phase + ", cue " + cue + " dose");
        }
    }

    private static long bits(double v) {
        return Double.doubleToRawLongBits(v);
    }

    @Test
    void theSwitchKeepsEveryFiguresBits() throws InterruptedException {
        // Only in the cold-start run (another run's -Dtest may pick this class too).
        assumeTrue(Simd.cold(), "needs a JVM whose kernels start cold: " + Simd.describe());
        FoldbackProcessor a = deskWithEveryKernel();
        FoldbackProcessor b = deskWithEveryKernel();
        a.leaveKernelsToCaller(); // this test switches the kernels itself, at a block it chooses
        b.leaveKernelsToCaller();
        List<Long> heardA = new ArrayList<>();
        List<Long> heardB = new ArrayList<>();

        // Cold: A the plain loops, B the kernels (uncompiled: the Vector API's fallback).
        play(a, 0, PHASE, heardA);
        playWarm(b, 0, PHASE, heardB);
        assertTrue(Simd.cold(), Simd.describe());
        assertEquals(heardA, heardB, "cold: the output of the plain loops and of the kernels");
        sameFigures("cold", a, b);

        // An engine that plays on the plain loops switches the kernels on itself as the block after
        // its ColdStart.BUDGET_BLOCKS starts (a render without a JIT warm-up), not before.
        FoldbackProcessor d = deskWithEveryKernel();
        float[][] out = new float[Layout.MAX_OUTPUT_CHANNELS][BLOCK];
        for (int k = 0; k < ColdStart.BUDGET_BLOCKS; k++) {
            d.process(input(k), out, BLOCK);
            assertTrue(Simd.cold(), "after block " + k + ": " + Simd.describe());
        }
        d.process(input(ColdStart.BUDGET_BLOCKS), out, BLOCK);
        assertTrue(Simd.on(), "the engine's cold start did not switch the kernels on: " + Simd.describe());
        assertEquals(ColdStart.NAME, Simd.switchedOnBy(), Simd.describe());
        assertFalse(Simd.switchOn("the cold-start test"), "on once");
        // From that block on D plays the kernels, the weighting from the lanes it was handed: once C2
        // has them, its blocks allocate nothing (the audio thread's rule through a cold start).
        float[][][] ins = new float[64][][];
        for (int k = 0; k < ins.length; k++) {
            ins[k] = input(k);
        }
        long bytes = AllocationProbe.steadyStateBytes(k -> d.process(ins[k & 63], out, BLOCK), 5_000, 30, 20_000);
        assertEquals(0, bytes, "bytes allocated after the switch (vector kernels " + Simd.describe() + ")");
        assertTrue(Simd.on(), Simd.describe());

        // Switched on: both engines the kernels, A's lanes from its filters' state.
        play(a, PHASE, 2 * PHASE, heardA);
        playWarm(b, PHASE, 2 * PHASE, heardB);
        assertEquals(heardA, heardB, "on: the output");
        sameFigures("switched on", a, b);

        // A fall-back: both the plain loops again, their filters from the lanes' state.
        Simd.fallBack("the cold-start test", 0, 0);
        assertFalse(Simd.on());
        play(a, 2 * PHASE, 3 * PHASE, heardA);
        playWarm(b, 2 * PHASE, 3 * PHASE, heardB);
        assertEquals(heardA, heardB, "fallen back: the output");
        sameFigures("fallen back", a, b);
        assertFalse(Simd.switchOn("the cold-start test"), "a fall-back is for good: " + Simd.describe());
    }
}
