package org.foldback.engine.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.foldback.engine.AllocationProbe;
import org.foldback.engine.BusTap;
import org.foldback.engine.FoldbackProcessor;
import org.foldback.engine.Layout;
import org.foldback.engine.OutputBits;
import org.foldback.engine.dose.DoseReading;
import org.foldback.engine.meter.MeterReading;
import org.foldback.engine.param.Params;
import org.junit.jupiter.api.Test;

/**
 * The kernel guard end to end, in a JVM of its own (the engine pom's `kernel-fallback` run: the
 * switch is one-way for the JVM). An engine plays with the vector kernels until its audio path is
 * made to allocate on every block (a source tap that allocates, standing in for a boxed vector);
 * the guard must switch the kernels off within its windows, the plain loops must take over with
 * the very output an engine that never had the kernels gives, the meters and the dose must keep
 * measuring, and the path must allocate nothing again. (In a JVM where a kernel came out of C2
 * allocating, the path never gets clean; then the guard must find that one.)
 */
class KernelFallBackTest {
    private static final int BLOCK = 64;
    private static final double RATE = 48000;
    /** Blocks per guard window. */
    private static final int WINDOW = (int) (RATE * KernelGuard.WINDOW_SECONDS / BLOCK);
    /** Kept reachable so that no compiler can drop the allocation. */
    static volatile float[] garbage;

    private static FoldbackProcessor engine() {
        FoldbackProcessor p = new FoldbackProcessor();
        Random rnd = new Random(21);
        for (int c = 0; c < Layout.MAX_CUES; c++) {
            for (int s = 0; s < Layout.MAX_SOURCES; s++) {
                p.params().set(Params.cue(c).send(s).level(), -12f + 18f * rnd.nextFloat());
                p.params().set(Params.cue(c).send(s).pan(), rnd.nextFloat() * 2 - 1);
            }
        }
        for (int c = 0; c < 4; c++) { // the ear lanes too: every section of the tone on, crossfeed on
            p.params().set(Params.cue(c).toneHighPass(), 80f);
            p.params().set(Params.cue(c).toneLow(), 4f);
            p.params().set(Params.cue(c).toneHigh(), -3f);
            p.params().set(Params.cue(c).crossfeed(), 1 + c % 3);
        }
        p.doses().setCalibration(0, 100); // the A-weighting lanes too
        p.prepare(RATE, BLOCK, Layout.MAX_SOURCES, Layout.MAX_CUES);
        for (int bus = 0; bus < p.meters().buses(); bus++) {
            p.demandMeters(bus, org.foldback.engine.meter.MeterDemand.ALL);
        }
        return p;
    }

    /** Block b's input: noise, loud every other second so the limiters work. */
    private static float[][] input(int b) {
        Random rnd = new Random(1000 + b);
        float gain = (b * BLOCK / (int) RATE) % 2 == 0 ? 0.2f : 3f;
        float[][] in = new float[Layout.MAX_INPUT_CHANNELS][BLOCK];
        for (float[] ch : in) {
            for (int i = 0; i < BLOCK; i++) {
                ch[i] = (float) rnd.nextGaussian() * gain;
            }
        }
        return in;
    }

    /** Plays block b into {@code heard}; 1 if the engine allocated in it, else 0. */
    private static int playCounting(FoldbackProcessor p, int b, List<Long> heard,
                                    java.util.function.LongSupplier allocated) {
        float[][] in = input(b);
        float[][] out = new float[Layout.MAX_OUTPUT_CHANNELS][BLOCK];
        long before = allocated.getAsLong();
        p.process(in, out, BLOCK);
        long after = allocated.getAsLong();
        heard.add(OutputBits.hash(out));
        return after == before ? 0 : 1;
    }

    private static float[][] play(FoldbackProcessor p, int b) {
        float[][] out = new float[Layout.MAX_OUTPUT_CHANNELS][BLOCK];
        p.process(input(b), out, BLOCK);
        return out;
    }

    @Test
    void theGuardSwitchesTheKernelsOffAndThePlainLoopsTakeOverBitForBit() {
        assumeTrue(Simd.on(), "needs the kernels: " + Simd.describe());
        long start = System.nanoTime();
        FoldbackProcessor kernels = engine();
        List<Long> heard = new ArrayList<>(); // each block's output, as a hash of its bits
        // Until C2 has compiled the kernels, the Vector API's fallbacks allocate: play windows
        // until one is clean, then on, clean, for two of the guard's windows (of audio and of the
        // wall clock both), so that one of them arms it (a cold JVM is not a boxed vector).
        java.util.function.LongSupplier allocated = AllocationProbe.threadCounter();
        BusTap metered = kernels.meters().deferred();
        int b = 0;
        boolean clean = false;
        for (int window = 0; window < 40 && !clean; window++) {
            int allocating = 0;
            for (int end = b + WINDOW; b < end; b++) {
                allocating += playCounting(kernels, b, heard, allocated);
            }
            clean = !KernelGuard.persistent(allocating, WINDOW);
        }
        int allocatingFrom = b;
        long allocatingNanos = System.nanoTime();
        if (clean) {
            long cleanFrom = System.nanoTime();
            for (int end = b + 2 * WINDOW; b < end || System.nanoTime() - cleanFrom < 2 * KernelGuard.WINDOW_CLOCK_NANOS * 4 / 3; b++) {
                heard.add(OutputBits.hash(play(kernels, b)));
            }
            assertTrue(Simd.on(), "a clean path keeps the kernels: " + Simd.describe());
            System.out.printf("kernel fall-back: JIT settled after %d blocks (%.1f s)%n", b, (System.nanoTime() - start) / 1e9);
            // The audio path now allocates on every block, as a boxed vector would.
            kernels.engine().setSourceTap((bus, l, r, n) -> {
                garbage = new float[n];
                metered.accept(bus, l, r, n);
            });
            allocatingFrom = b;
            allocatingNanos = System.nanoTime();
        } else {
            // Never clean: this JVM has what the guard is for, a kernel compiled to allocate on
            // every call (PERFORMANCE.md, "Session 7: kernels guard"). The guard is armed once its
            // grace is over, and must then switch the kernels off as well.
            System.out.printf("kernel fall-back: the path kept allocating for %d blocks (%.1f s): a boxed kernel%n",
                    b, (System.nanoTime() - start) / 1e9);
        }
        int switchedAt = -1;
        while (switchedAt < 0 && System.nanoTime() - allocatingNanos < 150_000_000_000L) {
            heard.add(OutputBits.hash(play(kernels, b)));
            if (!Simd.on()) {
                switchedAt = b;
            }
            b++;
        }
        assertTrue(switchedAt >= 0, "the guard never switched the kernels off");
        // The window in progress when the allocation began counts if most of it allocated: so
        // more than one whole window, of audio and of the clock, but maybe not two.
        assertTrue(switchedAt - allocatingFrom + 1 > (KernelGuard.WINDOWS - 1) * WINDOW,
                "not within a window of audio: " + (switchedAt - allocatingFrom + 1) + " blocks");
        assertTrue(System.nanoTime() - allocatingNanos > (KernelGuard.WINDOWS - 1) * KernelGuard.WINDOW_CLOCK_NANOS,
                "nor of the wall clock");
        assertFalse(Simd.use(new Object()));
        assertTrue(Simd.describe().contains(KernelGuard.NAME), Simd.describe());
        kernels.engine().setSourceTap(metered);
        for (int end = b + WINDOW; b < end; b++) {
            heard.add(OutputBits.hash(play(kernels, b)));
        }

        // An engine made now runs the plain loops from its first block: what Foldback plays
        // without the kernels. Every block the first one played, before and after the switch,
        // must be the same to the bit (the mix, limiter and guard kernels are exact).
        System.out.printf("kernel fall-back: switched off at block %d (%.1f s)%n", switchedAt, (System.nanoTime() - start) / 1e9);
        FoldbackProcessor plain = engine();
        for (int k = 0; k < heard.size(); k++) {
            assertEquals(OutputBits.hash(play(plain, k)), heard.get(k), "block " + k + "'s output bits");
        }

        // The meters and the dose went on measuring through the switch: after seconds of the same
        // input the two engines read alike (the weighting filters restarted from their own state).
        MeterReading a = new MeterReading();
        MeterReading c = new MeterReading();
        for (int bus : new int[] {FoldbackProcessor.sourceBus(3), FoldbackProcessor.cueBus(0)}) {
            kernels.meters().read(bus, a);
            plain.meters().read(bus, c);
            assertEquals(c.momentaryLufs, a.momentaryLufs, 1e-6, "bus " + bus);
            assertEquals(c.samplePeakDbfs[0], a.samplePeakDbfs[0], 1e-6, "bus " + bus);
            assertTrue(Double.isFinite(a.momentaryLufs), "bus " + bus);
        }
        DoseReading da = new DoseReading();
        DoseReading dc = new DoseReading();
        kernels.doses().read(0, da);
        plain.doses().read(0, dc);
        assertTrue(da.calibrated && Double.isFinite(da.laeqDbSpl), "dose " + da.laeqDbSpl);
        assertEquals(dc.laeqDbSpl, da.laeqDbSpl, 0.01);

        System.out.printf("kernel fall-back: replayed plain (%.1f s)%n", (System.nanoTime() - start) / 1e9);
        // And the plain path with the queues the kernels left allocates nothing.
        float[][][] in = new float[64][][];
        for (int k = 0; k < in.length; k++) {
            in[k] = input(k);
        }
        float[][] out = new float[Layout.MAX_OUTPUT_CHANNELS][BLOCK];
        long bytes = AllocationProbe.steadyStateBytes(
                k -> kernels.process(in[k & 63], out, BLOCK), 5_000, 20, 20_000);
        assertEquals(0, bytes, "bytes allocated after the switch");
        System.out.printf("kernel fall-back: 0 bytes allocated after it (%.1f s)%n", (System.nanoTime() - start) / 1e9);
    }
}
