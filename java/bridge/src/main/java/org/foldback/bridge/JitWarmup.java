package org.foldback.bridge;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.foldback.control.Controller;
import org.foldback.engine.AllocationProbe;
import org.foldback.engine.CompilePrerequisites;
import org.foldback.engine.Layout;
import org.foldback.engine.FoldbackProcessor;
import org.foldback.engine.Processor;
import org.foldback.engine.meter.BusMeter;
import org.foldback.engine.meter.MeterDemand;
import org.foldback.engine.simd.KernelGuard;
import org.foldback.engine.simd.Simd;
import org.foldback.engine.simd.WarmUpThread;
import org.foldback.engine.param.CueParams;
import org.foldback.engine.param.Params;
import org.foldback.state.PluginState;

/**
 * Runs the audio path on a throwaway instance before the first real block, once per JVM, then
 * resolves what the JIT would otherwise resolve on the audio thread.
 *
 * <p>Why run it: a JVM runs new code in its interpreter until the JIT has seen it often enough.
 * Without a warm-up, the first blocks of the first instance took 7.6, 0.6 and 0.3 ms (blocks 1,
 * 10 and 100 of 16 x 8 with meters) where a warm block takes 0.06 ms: dropouts the moment the host
 * starts. Each block changes one parameter, walking all of them {@link #PASSES} times (all up, all
 * down, then random values), so the paths behind every switch (ear stages, talkback, click) run
 * and their classes are initialised here rather than on the audio thread.
 *
 * <p>Why resolve afterwards: see {@link CompilePrerequisites}; in short, C2's requests made from
 * the audio thread interned string constants there, seconds into playing. Resolution needs the
 * classes initialised, hence after the blocks. Then it waits for the compilers to finish what the
 * blocks queued ({@link CompileQueue}): the first real blocks run C2's code, not C1's profiling code.
 * Then it calls the paths the blocks reach only once per 100 ms hop or once a second until C2 has
 * them ({@link PeriodicPathWarmup}), switches the vector kernels on for every thread, checks that
 * C2's code allocates nothing with them ({@link #checkKernels}, switching them off if it does),
 * and plays a fresh instance at the host's block size until the JIT has nothing left to compile
 * ({@link #settle}), so that the first real block takes no branch the compiled code never saw.
 *
 * <p>It runs once per JVM, for the thread that prepares (never the audio thread), which waits for
 * it; later instances share the compiled code and the resolved constants. Cost in the plugin on the 2-core test machine
 * while two other builds ran (load 3.5-5.7, 2026-12-02): the blocks 1.9-3.8 s (the walk and
 * {@link #PLAY_SECONDS} s of played audio), the compile queue 0.2-1.0 s, the resolution 0.5-1.0 s;
 * the log says each. Hosts that show the plugin's ports before activating it (jalv) pass silence
 * meanwhile; hosts that draw the editor while the first instance prepares show it that much later.
 * What it buys (jalv, 64-sample periods, -XX:+LogCompilation): no deoptimisation on the audio
 * thread after the first block, where the 1.1 s walk alone left 5-7 (each a burst of slow blocks).
 * The periodic paths and the settling stretch add 0.06-0.3 s and 0.6-1.2 s (2026-12-03, loaded;
 * the first prepare 0.9-1.1 s longer), and took the JIT's compiles of our code after "prepared"
 * in jalv and Ardour at 32 samples from 46-63 (the last 32-37 s in) to 7-11 (the last within
 * 1.1 s): PERFORMANCE.md, "Session 12".
 */
final class JitWarmup {
    /**
     * Walks through every parameter three times: all up, all down, then random values, so that
     * paths only one end of a range takes have run and been profiled too. (With two passes a new
     * instance's first block allocated 448-560 bytes: SafeCeiling's static initialiser, first
     * reached there; every engine class is now initialised before the blocks, see below.)
     */
    static final int PASSES = 3;
    /** Small blocks: the JIT counts calls, so small blocks get there sooner for the same code. */
    static final int BLOCK_SIZE = 32;
    /** The played stretch after the walk: longer than the meters' 2 s peak hold, at 64 samples. */
    static final double PLAY_SECONDS = 8.8;
    /** Longer than the 2 s peak hold, so peak meters fall in each stretch; two make a session
        longer than the 3 s short-term loudness window. */
    static final double LEVEL_SECONDS = 2.2;
    static final int PLAY_BLOCK_SIZE = 64;

    /** The longest the first prepare waits for C2 to finish the warm-up's compilations. */
    static final long MAX_COMPILE_WAIT_MILLIS = 3000;

    /** Blocks the kernel check plays once the compilers are done ({@link #checkKernels}): 0.7 s at 64 samples. */
    static final int CHECK_BLOCKS = 500;
    /** Rounds the kernel check plays at most, waiting for the compile queue between them. */
    static final int CHECK_ROUNDS = 6;
    /** Who switched the cold kernels on, in {@link Simd#describe}. */
    static final String SWITCH_NAME = "the JIT warm-up";
    /** Who switched the kernels off, in {@link Simd#describe}, when the check did. */
    static final String CHECK_NAME = "the JIT warm-up's kernel check";

    /**
     * What one warm-up did, for the log. {@code kernelCheckBytes}: what the kernel check's last
     * round saw allocated over {@link #CHECK_BLOCKS} blocks, -1 when the kernels were off.
     */
    record Result(int blocks, double millis, CompilePrerequisites.Result resolved, CompileQueue.Result compiled,
                  PeriodicPathWarmup.Result periodic, long kernelCheckBytes, Settled settled) {
        /** The kernel check, for the log. */
        String kernelCheck() {
            return kernelCheckBytes < 0 ? "no kernel check (kernels off)"
                    : "kernel check: " + kernelCheckBytes + " bytes in " + CHECK_BLOCKS + " blocks";
        }
    }

    private static final AtomicBoolean DONE = new AtomicBoolean();

    private JitWarmup() {}

    /**
     * Warms up unless done before in this JVM; null when skipped. Runs on a {@link WarmUpThread}
     * (the calling thread waits for it): where the kernels start cold ({@link Simd#cold}) they are
     * on for that thread alone, so instances already playing keep the plain loops meanwhile. Then
     * the kernels are switched on for every thread unless the check switched them off: as before
     * the cold start, a check without a verdict leaves them on and the engine's
     * {@link KernelGuard} watching, and the first real block runs the code this warm-up compiled.
     */
    static Result once(double sampleRate) {
        return once(sampleRate, PLAY_BLOCK_SIZE);
    }

    /** {@link #once(double)} for a host whose blocks are at most {@code hostBlockSize} samples. */
    static Result once(double sampleRate, int hostBlockSize) {
        if (!DONE.compareAndSet(false, true)) {
            return null;
        }
        Result[] result = new Result[1];
        Throwable[] failure = new Throwable[1];
        Thread thread = new WarmUpThread(() -> {
            try {
                result[0] = warmUp(sampleRate, hostBlockSize);
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "foldback JIT warm-up");
        thread.start();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // the warm-up ends on its own; the prepare waits for it
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] != null) {
            throw new IllegalStateException("JIT warm-up failed", failure[0]);
        }
        if (result[0] != null) {
            Simd.switchOn(SWITCH_NAME);
        }
        return result[0];
    }

    private static Result warmUp(double sampleRate, int hostBlockSize) {
        long start = System.nanoTime();
        // Every engine class initialised here, not on the audio thread when a path is first taken.
        CompilePrerequisites.initialiseAll(Processor.class);
        Processor processor = ProcessorFactory.create();
        if (processor instanceof FoldbackProcessor played) {
            played.leaveKernelsToCaller(); // checkKernels judges them, once the compilers are done
        }
        NativeProcessor throwaway = new NativeProcessor(processor, ShimCalls.connect(0, ""));
        if (throwaway.prepare(sampleRate, BLOCK_SIZE, Layout.MAX_SOURCES, Layout.MAX_CUES, false) != null) {
            return null;
        }
        FloatBuffer in = throwaway.inputBuffer().duplicate().order(ByteOrder.nativeOrder()).asFloatBuffer();
        Random rnd = new Random(1);
        fill(in, rnd, 0.25f); // noise on every source
        ByteBuffer changes = throwaway.changeBuffer().duplicate().order(ByteOrder.nativeOrder());
        int blocks = PASSES * Params.count();
        for (int b = 0; b < blocks; b++) {
            int pass = b / Params.count();
            float value = pass == 0 ? 1f : pass == 1 ? 0f : rnd.nextFloat();
            changes.putInt(Boundary.CHANGE_INDICES_OFFSET_BYTES, b % Params.count());
            changes.putFloat(Boundary.CHANGE_VALUES_OFFSET_BYTES, value);
            throwaway.process(BLOCK_SIZE, 1);
        }
        blocks += playForAWhile(throwaway, processor, sampleRate, rnd);
        CompilePrerequisites.Result resolved = CompilePrerequisites.resolve(anchors());
        CompileQueue.Result compiled = CompileQueue.awaitEmpty(MAX_COMPILE_WAIT_MILLIS); // C2 works meanwhile
        // The paths the blocks reach once per 100 ms hop or once a second, called until C2 has
        // them, with the queue empty (HotSpot's thresholds grow with it).
        PeriodicPathWarmup.Result periodic = PeriodicPathWarmup.run(sampleRate, MAX_COMPILE_WAIT_MILLIS);
        // From here the kernels are on for every thread, as the first real block will find them
        // (C2's code is in place: the queue drained above). Switched on after the warm-up, the
        // audio thread's first block took the branch of Simd.on that the warm-up's profile had
        // never seen (the switch read true), and nine compiled methods of the audio path fell back
        // to the interpreter there, to be compiled again while the host played (PERFORMANCE.md,
        // "Session 12"). Now the check's blocks take it, and the queue is drained after them.
        Simd.switchOn(SWITCH_NAME);
        long kernelBytes = checkKernels(throwaway, sampleRate, rnd);
        throwaway.release();
        Settled settled = settle(sampleRate, hostBlockSize, rnd);
        return new Result(blocks + settled.blocks(), (System.nanoTime() - start) / 1e6, resolved, compiled, periodic,
                kernelBytes, settled);
    }

    /** What {@link #settle} did: blocks played, rounds, and whether its last round compiled nothing of ours. */
    record Settled(int blocks, int rounds, boolean quiet, double millis) {
        String describe() {
            return String.format("settled in %d round%s of %d blocks, %.0f ms%s", rounds, rounds == 1 ? "" : "s",
                    SETTLE_BLOCKS, millis, quiet ? "" : " (the JIT still compiling our code)");
        }
    }

    /** Blocks of one settling round: 1 s at 64 samples. */
    static final int SETTLE_BLOCKS = 750;
    /**
     * Settling rounds at most. Each round's inputs differ and each compiled something (4 rounds
     * never came out quiet: 0.65-1.15 s), but the rounds still count: in jalv (64 samples) the JIT
     * compiled 5-11 of our methods after "prepared" with 4 rounds and 13-17 with 2
     * (PERFORMANCE.md, "Session 12").
     */
    static final int SETTLE_ROUNDS = 4;

    /**
     * The last stretch: a new instance, as the host's will be, played at the host's block size (up
     * to {@link #PLAY_BLOCK_SIZE}) with the switch of the kernels as the first real block finds it,
     * in rounds of {@link #SETTLE_BLOCKS} with the compile queue drained after each, until a round
     * has the JIT compile none of Foldback's methods ({@link CompileQueue#lastCompileId}).
     * Why: a method's first compile with C2 keeps the branches its profile never saw as traps, and
     * the switch of the kernels, a new engine's first blocks (its banks' hand-over to the lanes, its
     * own {@code KernelGuard}, which the warm-up's throwaway engine leaves off) and the host's block
     * size each took such a branch on the audio thread in its first seconds: C2's code dropped to
     * the interpreter and the methods were compiled again while the host played (jalv, 64-sample
     * periods: 27-76 compiles of ours in the first 4 s after "prepared"; PERFORMANCE.md, "Session 12").
     */
    private static Settled settle(double sampleRate, int hostBlockSize, Random rnd) {
        long start = System.nanoTime();
        int block = Math.max(1, Math.min(hostBlockSize, PLAY_BLOCK_SIZE));
        NativeProcessor fresh = new NativeProcessor(ProcessorFactory.create(), ShimCalls.connect(0, ""));
        if (fresh.prepare(sampleRate, block, Layout.MAX_SOURCES, Layout.MAX_CUES, false) != null) {
            return new Settled(0, 0, false, 0);
        }
        FloatBuffer in = fresh.inputBuffer().duplicate().order(ByteOrder.nativeOrder()).asFloatBuffer();
        int changed = everyParameterAtDefault(fresh);
        int rounds = 0;
        boolean quiet = false;
        while (rounds < SETTLE_ROUNDS && !quiet) {
            fillSources(in, block, rnd, rounds);
            long before = CompileQueue.lastCompileId(OUR_PACKAGES);
            for (int b = 0; b < SETTLE_BLOCKS; b++) {
                fresh.process(block, changed);
                changed = 0;
            }
            rounds++;
            CompileQueue.awaitEmpty(MAX_COMPILE_WAIT_MILLIS);
            long after = CompileQueue.lastCompileId(OUR_PACKAGES);
            quiet = before >= 0 && after == before;
        }
        fresh.release();
        return new Settled(rounds * SETTLE_BLOCKS, rounds, quiet, (System.nanoTime() - start) / 1e6);
    }

    /**
     * The inputs as a host feeds them, a different mix each {@code round}: each source's pair
     * independent noise, one signal on both channels (a mono microphone on a stereo bus: the
     * mix's mono path; jalv's bench tone too), digital silence (an input not connected), or a
     * tone. A warm-up fed only noise left the mono and silent paths as traps, sprung by the
     * host's first blocks.
     */
    private static void fillSources(FloatBuffer in, int block, Random rnd, int round) {
        for (int s = 0; s < Layout.MAX_SOURCES; s++) {
            int l = 2 * s * block, r = l + block;
            int kind = (s + round) % 4;
            for (int i = 0; i < block; i++) {
                float left = switch (kind) {
                    case 0, 1 -> (float) rnd.nextGaussian() * 0.25f;
                    case 2 -> 0f;
                    default -> (float) (0.25 * Math.sin(2 * Math.PI * i / block));
                };
                in.put(l + i, left);
                in.put(r + i, kind == 0 ? (float) rnd.nextGaussian() * 0.25f : left);
            }
        }
    }

    /** Where Foldback's methods are, as {@code Compiler.codelist} names them. */
    static final String OUR_PACKAGES = "org.foldback.";

    /**
     * With the vector kernels on, once the compilers have done the warm-up's work: plays
     * {@link #CHECK_BLOCKS} more blocks, counting what this thread allocates in each. The audio
     * path allocates nothing; if most blocks did, either a kernel still runs uncompiled (the
     * Vector API's Java fallbacks allocate hundreds of kilobytes a block until C2 has compiled it:
     * a loaded machine, a kernel whose compile was not even queued yet) or a C2 compilation left a
     * kernel's vector in an object (boxed), which allocates the same bytes on every block for
     * good. So it waits for the compile queue and plays another round, up to
     * {@link #CHECK_ROUNDS} in all: a clean round keeps the kernels; two rounds in a row that
     * allocated the same bytes, each played with the compile queue empty and every kernel method
     * in C2's code ({@link #kernelsCompiled}) or at most {@link #BOXED_BYTES_PER_BLOCK} a block,
     * mean compiled code that allocates, and the kernels are switched off before the first real
     * block ({@link Simd#fallBack}). Without a verdict (the JIT still busy) they stay on and the
     * engine's {@link KernelGuard} keeps watching while playing.
     * Returns the bytes the last round saw, -1 when the kernels are off.
     */
    static long checkKernels(NativeProcessor throwaway, double sampleRate, Random rnd) {
        if (!Simd.on()) {
            return -1;
        }
        LongSupplier allocated = AllocationProbe.threadCounter(); // warms its own methods first
        if (throwaway.prepare(sampleRate, PLAY_BLOCK_SIZE, Layout.MAX_SOURCES, Layout.MAX_CUES, false) != null) {
            return -1;
        }
        fill(throwaway.inputBuffer().duplicate().order(ByteOrder.nativeOrder()).asFloatBuffer(), rnd, 0.25f);
        int changed = everyParameterAtDefault(throwaway);
        long previous = -1;
        boolean previousCompiled = false;
        long bytes = 0;
        for (int round = 0; round < CHECK_ROUNDS; round++) {
            if (round > 0) {
                CompileQueue.awaitEmpty(MAX_COMPILE_WAIT_MILLIS);
            }
            boolean compiled = kernelsCompiled();
            bytes = 0;
            int allocating = 0;
            for (int b = 0; b < CHECK_BLOCKS; b++) {
                long before = allocated.getAsLong();
                throwaway.process(PLAY_BLOCK_SIZE, changed);
                long after = allocated.getAsLong();
                changed = 0;
                if (after != before) {
                    allocating++;
                    bytes += after - before;
                }
            }
            if (!KernelGuard.persistent(allocating, CHECK_BLOCKS)) {
                return bytes;
            }
            if (bytes == previous && (compiled && previousCompiled || bytes <= BOXED_BYTES_PER_BLOCK * CHECK_BLOCKS)) {
                Simd.fallBack(CHECK_NAME, bytes, CHECK_BLOCKS);
                return bytes;
            }
            previous = bytes;
            previousCompiled = compiled;
        }
        return bytes;
    }

    /**
     * Whether the allocation a round sees can be blamed on C2's code: nothing left in the compile
     * queue, and no kernel method running C1's code only (a kernel at tier 2 or 3 runs the Vector
     * API's Java fallback, which allocates the same bytes on every round too: 327 MB in 500 blocks
     * in two rounds in a row, on a loaded machine where C2 had not reached VectorKWeighting.three,
     * and the check's first form switched the kernels off for that; PERFORMANCE.md, "Session 8").
     * Unknown counts as not compiled. A scalar helper of the kernels' package (the K-weighting's
     * dispatch between two and three sections) may stay in C1's code for long on a loaded machine
     * and hold this false; {@link #BOXED_BYTES_PER_BLOCK} decides then.
     */
    private static boolean kernelsCompiled() {
        return CompileQueue.pending() == 0 && CompileQueue.belowTopTier(Simd.KERNEL_PACKAGE + ".") == 0;
    }

    /**
     * Bytes a block that a boxed vector can account for: a few vectors boxed at each call C2 left
     * virtual, 12,288 and 12,384 bytes a block in every boxed compile seen; a kernel in its Java
     * fallback allocates an object for every vector operation, 650 kB to 1.4 MB a block. Two
     * rounds with the same bytes, at most this many a block, mean compiled code that allocates
     * even while {@link #kernelsCompiled} cannot say.
     */
    static final long BOXED_BYTES_PER_BLOCK = 128 * 1024;

    /**
     * Plays {@link #PLAY_SECONDS} of audio as sessions would, after the parameter walk: prepared
     * again twice, every parameter handed over with the first block as the shim does (that block
     * snaps every ramp and sets every ear stage), at a tracking block size, with the input level
     * changing every {@link #LEVEL_SECONDS} (loud, quiet, silent, normal); the second session with
     * the performer's ear on half the cues ({@link #earStagesOn}). What this
     * is for: C2 compiles a branch that never ran in the profile as a trap, and the first time the
     * audio thread takes it the method drops to the interpreter and is compiled again: a burst of
     * slow blocks. Seen in jalv (2026-12-02, -XX:+LogCompilation) on the audio thread: the first
     * block's snap (CueStrip.updateSends) and, 7.7 s in, the first peak-meter fall after the 2 s
     * hold (PeakBallistics.update), neither of which the 1.1 s parameter walk had taken; then a
     * change of meter demand (MeterBank.accept), hence the demands and resets below too.
     *
     * @return blocks played
     */
    private static int playForAWhile(NativeProcessor throwaway, Processor processor, double sampleRate, Random rnd) {
        float[] levels = {0.9f, 0.01f, 0f, 0.25f};
        int blocksPerLevel = (int) Math.ceil(LEVEL_SECONDS * sampleRate / PLAY_BLOCK_SIZE);
        int blocks = (int) Math.ceil(PLAY_SECONDS * sampleRate / PLAY_BLOCK_SIZE);
        FloatBuffer in = null;
        int changed = 0;
        for (int b = 0; b < blocks; b++) {
            int level = b / blocksPerLevel;
            if (b % blocksPerLevel == 0) {
                if (level % 2 == 0) { // a new session twice: 5 s stretches, longer than any meter window
                    if (throwaway.prepare(sampleRate, PLAY_BLOCK_SIZE, Layout.MAX_SOURCES, Layout.MAX_CUES, false) != null) {
                        return b;
                    }
                    in = throwaway.inputBuffer().duplicate().order(ByteOrder.nativeOrder()).asFloatBuffer();
                    changed = everyParameterAtDefault(throwaway);
                    if (level > 0) {
                        earStagesOn(throwaway, processor);
                    }
                }
                fill(in, rnd, levels[level % levels.length]);
                // An editor or a phone opening and closing meters, and once a meter reset.
                if (processor instanceof FoldbackProcessor meters) {
                    for (int bus = 0; bus < meters.meters().buses(); bus++) {
                        meters.demandMeters(bus, level % 2 == 0 ? MeterDemand.ALL : 0);
                    }
                    if (level == 1) {
                        meters.meters().requestResetAll(BusMeter.RESET_ALL);
                    }
                }
            }
            throwaway.process(PLAY_BLOCK_SIZE, changed);
            changed = 0;
        }
        return blocks;
    }

    /**
     * What the shim does after every prepare: every parameter with the first block (here their
     * defaults: a new session). Returns how many changes the buffer holds.
     */
    private static int everyParameterAtDefault(NativeProcessor throwaway) {
        ByteBuffer changes = throwaway.changeBuffer().duplicate().order(ByteOrder.nativeOrder());
        for (int p = 0; p < Params.count(); p++) {
            changes.putInt(Boundary.CHANGE_INDICES_OFFSET_BYTES + p * Integer.BYTES, p);
            changes.putFloat(Boundary.CHANGE_VALUES_OFFSET_BYTES + p * Float.BYTES,
                    Params.get(p).normalize(Params.get(p).defaultValue()));
        }
        return Params.count();
    }

    /**
     * The second session with the performer's ear on half the cues: tone and crossfeed (so the
     * cues' lanes, EarLanes and its vector kernel, run settled for seconds, as with a performer's
     * usual tone, next to cues without them), ambience, a maximum level, and those cues calibrated
     * (so the hearing dose's A-weighting runs). Else C2 would compile them on the audio thread the
     * first time a user turns them on. Overrides the defaults the change buffer already holds.
     */
    private static void earStagesOn(NativeProcessor throwaway, Processor processor) {
        ByteBuffer changes = throwaway.changeBuffer().duplicate().order(ByteOrder.nativeOrder());
        for (int c = 0; c < Layout.MAX_CUES / 2; c++) {
            CueParams cue = Params.cue(c);
            setChange(changes, cue.toneHighPass(), 80f);
            setChange(changes, cue.toneLow(), 4f);
            setChange(changes, cue.toneHigh(), -3f);
            setChange(changes, cue.crossfeed(), 1 + c % 3);
            setChange(changes, cue.ambience(), -10f);
            setChange(changes, cue.maxSpl(), 98f);
            if (processor instanceof FoldbackProcessor doses) {
                doses.doses().setCalibration(c, 100);
            }
        }
        for (int s = 0; s < Layout.MAX_SOURCES; s++) {
            setChange(changes, Params.source(s).ambience(), -12f);
        }
    }

    /** Parameter {@code index}'s slot of the change buffer (everyParameterAtDefault's layout) set to {@code value}. */
    private static void setChange(ByteBuffer changes, int index, float value) {
        changes.putFloat(Boundary.CHANGE_VALUES_OFFSET_BYTES + index * Float.BYTES, Params.get(index).normalize(value));
    }

    /** Where the resolution starts: our packages, and the vector kernels' when they are in use. */
    private static Class<?>[] anchors() {
        java.util.List<Class<?>> anchors = new java.util.ArrayList<>(
                java.util.List.of(Processor.class, NativeProcessor.class, Controller.class, PluginState.class));
        if (Simd.on()) {
            try {
                anchors.add(Class.forName(Simd.KERNEL_PACKAGE_ANCHOR));
            } catch (ClassNotFoundException | LinkageError e) {
                // the kernels fell back to the plain loops (Simd.kernel says why)
            }
        }
        return anchors.toArray(new Class<?>[0]);
    }

    private static void fill(FloatBuffer in, Random rnd, float rms) {
        for (int i = 0; i < in.capacity(); i++) {
            in.put(i, (float) rnd.nextGaussian() * rms);
        }
    }
}
