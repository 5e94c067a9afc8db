package org.foldback.engine;

import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.foldback.engine.meter.MeterDemand;
import org.foldback.engine.param.CueParams;
import org.foldback.engine.param.ParamStore;
import org.foldback.engine.param.Params;
import org.foldback.engine.simd.Simd;
import org.foldback.engine.simd.WarmUpThread;

/**
 * Plays the vector kernels into C2's code in the background, once per JVM, while every engine runs
 * the plain loops; then switches them on ({@link Simd#switchOn}). For a JVM whose kernels start
 * cold ({@link Simd#cold}) and that has no JIT warm-up to do it: an offline instance (a render, a
 * bounce, a host that creates instances before it plays; the bridge starts this at an offline
 * prepare), which until session 9 ran the Vector API's Java fallback on its own first blocks:
 * 10-75 ms of CPU in a cold instance's first block, and a render's first seconds at a fifth of
 * its speed (native/bench/PERFORMANCE.md, "Session 8" and "Session 9").
 *
 * <p>How it knows the kernels are compiled: it plays a throwaway engine with every kernel in use
 * (a desk with mono and stereo sources, ambience, fold-down, tone and crossfeed, calibrated doses,
 * every meter) on a {@link WarmUpThread}, for which alone the kernels are on, and counts what that
 * thread allocates per block. The engine's code allocates nothing in any tier; a kernel allocates
 * while it runs the Vector API's Java fallback (the interpreter, C1) and once a C2 compilation left
 * a vector boxed. So {@link #CLEAN_BLOCKS} blocks in a row without a byte mean every kernel runs
 * C2's code and allocates nothing: the same proof the guards ask for. Never clean within
 * {@link #MAX_SECONDS}: the kernels are switched off for good ({@link Simd#fallBack}), as the guards
 * do, and the plain loops go on.
 *
 * <p>Its throwaway engine has no kernel guard of its own ({@link FoldbackProcessor#leaveKernelsToCaller}).
 * The thread is a daemon: a JVM never waits for it. It stops as soon as the kernels are no longer
 * cold, whoever switched them (the JIT warm-up at a real-time prepare may run meanwhile).
 */
public final class KernelWarmup {
    /** Clean blocks in a row that mean every kernel runs C2's code: 0.13 s of audio, a few ms warm. */
    static final int CLEAN_BLOCKS = 100;
    /** The longest it plays before it gives the kernels up (a loaded machine took up to 64 s to compile them). */
    static final double MAX_SECONDS = 120;
    static final int BLOCK = 64;
    static final double RATE = 48000;
    /** Blocks between input level changes: a loud stretch makes the limiters work. */
    static final int LEVEL_BLOCKS = 200;
    /** Who switched the kernels off, in {@link Simd#describe}, when this did. */
    public static final String NAME = "the background kernel warm-up";

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static volatile Result result;

    /** What the warm-up did: blocks played, wall-clock ms, and whether it switched the kernels on. */
    public record Result(long blocks, double millis, boolean switchedOn, long lastBytes) {
        public String describe() {
            return String.format("background kernel warm-up: %d blocks in %.0f ms, kernels %s", blocks, millis,
                    switchedOn ? "switched on" : Simd.describe());
        }
    }

    private KernelWarmup() {}

    /**
     * Starts the warm-up on a thread of its own unless the kernels are not cold or it started before
     * in this JVM. Not on the audio thread (it starts a thread). Returns whether it started now.
     */
    public static boolean inBackground() {
        if (!Simd.cold() || !STARTED.compareAndSet(false, true)) {
            return false;
        }
        new WarmUpThread(() -> result = play(), "foldback kernel warm-up").start();
        return true;
    }

    /** What the background warm-up did once it ended, else null (not started, or still playing). */
    public static Result result() {
        return result;
    }

    /**
     * Plays until the kernels are clean, or no longer cold, or {@link #MAX_SECONDS} passed. On a
     * {@link WarmUpThread} (elsewhere the kernels are cold and it would play the plain loops).
     */
    static Result play() {
        long start = System.nanoTime();
        FoldbackProcessor engine = deskWithEveryKernel();
        float[][] in = new float[Layout.MAX_INPUT_CHANNELS][BLOCK];
        float[][] out = new float[Layout.MAX_OUTPUT_CHANNELS][BLOCK];
        Random rnd = new Random(9);
        float[] levels = {0.25f, 2f, 0.02f};
        LongSupplier allocated = AllocationProbe.threadCounter();
        long blocks = 0;
        long bytes = 0;
        int clean = 0;
        while (Simd.cold()) {
            if (blocks % LEVEL_BLOCKS == 0) {
                noise(in, rnd, levels[(int) (blocks / LEVEL_BLOCKS % levels.length)]);
            }
            long before = allocated.getAsLong();
            engine.process(in, out, BLOCK);
            bytes = allocated.getAsLong() - before;
            blocks++;
            clean = bytes == 0 ? clean + 1 : 0;
            if (clean >= CLEAN_BLOCKS) {
                return new Result(blocks, (System.nanoTime() - start) / 1e6, Simd.switchOn(), 0);
            }
            if (System.nanoTime() - start > MAX_SECONDS * 1e9) {
                Simd.fallBack(NAME, bytes, 1);
                break;
            }
        }
        return new Result(blocks, (System.nanoTime() - start) / 1e6, false, bytes);
    }

    /**
     * A throwaway engine whose every block calls every kernel: sends from every source to every
     * cue (stereo ones: the mix's diagonal and matrix forms; four mono ones: its mono form), the
     * ambience (its send and return), a fold-down and a swap (the output stage's matrix), tone and
     * crossfeed on four cues (the ear lanes), those cues calibrated (the dose's A-weighting), every
     * meter on every bus (levels, true peak, the K-weighting lanes), the input guard and limiter.
     */
    static FoldbackProcessor deskWithEveryKernel() {
        FoldbackProcessor engine = new FoldbackProcessor();
        engine.leaveKernelsToCaller();
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
        engine.prepare(RATE, BLOCK, Layout.MAX_SOURCES, Layout.MAX_CUES);
        for (int bus = 0; bus < engine.meters().buses(); bus++) {
            engine.demandMeters(bus, MeterDemand.ALL);
        }
        return engine;
    }

    private static void noise(float[][] in, Random rnd, float rms) {
        for (float[] channel : in) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] = (float) rnd.nextGaussian() * rms;
            }
        }
    }
}
