package org.foldback.bridge;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.foldback.control.Controller;
import org.foldback.engine.CompilePrerequisites;
import org.foldback.engine.Layout;
import org.foldback.engine.Processor;
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
 * classes initialised, hence after the blocks.
 *
 * <p>It runs on the thread that prepares (never the audio thread), once per JVM; later instances
 * share the compiled code and the resolved constants. Cost in the plugin on the 2-core test machine
 * (load ~3-7): the blocks 0.2-0.5 s, the resolution 0.3-0.9 s (about 1,200 classes, 8,900
 * strings); the log says both. Hosts that draw the editor while the first instance prepares show
 * it that much later.
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

    /** What one warm-up did, for the log. */
    record Result(int blocks, double millis, CompilePrerequisites.Result resolved) {}

    private static final AtomicBoolean DONE = new AtomicBoolean();

    private JitWarmup() {}

    /** Warms up unless done before in this JVM; null when skipped. */
    static Result once(double sampleRate) {
        if (!DONE.compareAndSet(false, true)) {
            return null;
        }
        long start = System.nanoTime();
        // Every engine class initialised here, not on the audio thread when a path is first taken.
        CompilePrerequisites.initialiseAll(Processor.class);
        NativeProcessor throwaway = new NativeProcessor(ProcessorFactory.create(), ShimCalls.connect(0, ""));
        if (throwaway.prepare(sampleRate, BLOCK_SIZE, Layout.MAX_SOURCES, Layout.MAX_CUES) != null) {
            return null;
        }
        FloatBuffer in = throwaway.inputBuffer().duplicate().order(ByteOrder.nativeOrder()).asFloatBuffer();
        Random rnd = new Random(1);
        for (int i = 0; i < in.capacity(); i++) {
            in.put(i, (float) rnd.nextGaussian() * 0.25f); // noise on every source
        }
        ByteBuffer changes = throwaway.changeBuffer().duplicate().order(ByteOrder.nativeOrder());
        int blocks = PASSES * Params.count();
        for (int b = 0; b < blocks; b++) {
            int pass = b / Params.count();
            float value = pass == 0 ? 1f : pass == 1 ? 0f : rnd.nextFloat();
            changes.putInt(Boundary.CHANGE_INDICES_OFFSET_BYTES, b % Params.count());
            changes.putFloat(Boundary.CHANGE_VALUES_OFFSET_BYTES, value);
            throwaway.process(BLOCK_SIZE, 1);
        }
        throwaway.release();
        CompilePrerequisites.Result resolved = CompilePrerequisites.resolve(
                Processor.class, NativeProcessor.class, Controller.class, PluginState.class);
        return new Result(blocks, (System.nanoTime() - start) / 1e6, resolved);
    }
}
