package org.foldback.bridge;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.foldback.engine.Layout;

/**
 * Runs the audio path on a throwaway instance before the first real block, once per JVM.
 *
 * <p>Why: a JVM runs new code in its interpreter until the JIT has seen it often enough. Without
 * this, the first blocks of the first instance took 7.6, 0.6 and 0.3 ms (blocks 1, 10 and 100 of
 * 16 x 8 with meters) where a warm block takes 0.06 ms: five blocks over a 64-sample period at
 * 48 kHz (1.33 ms), heard as dropouts the moment the host starts. The warm-up runs on the thread
 * that prepares (never the audio thread) and costs that thread about a tenth of a second, once;
 * later instances share the compiled code.
 */
final class JitWarmup {
    /** Enough blocks for the hot loops to be compiled by C1 and mostly by C2. */
    static final int BLOCKS = 500;
    static final int BLOCK_SIZE = 64;

    private static final AtomicBoolean DONE = new AtomicBoolean();

    private JitWarmup() {}

    /** Warms up unless done before in this JVM; returns the milliseconds spent (0 when skipped). */
    static double once(double sampleRate) {
        if (!DONE.compareAndSet(false, true)) {
            return 0;
        }
        long start = System.nanoTime();
        NativeProcessor throwaway = new NativeProcessor(ProcessorFactory.create(), ShimCalls.connect(0, ""));
        if (throwaway.prepare(sampleRate, BLOCK_SIZE, Layout.MAX_SOURCES, Layout.MAX_CUES) != null) {
            return 0;
        }
        // Noise on every source, so every send, meter and limiter path does real work.
        FloatBuffer in = throwaway.inputBuffer().duplicate().order(ByteOrder.nativeOrder()).asFloatBuffer();
        Random rnd = new Random(1);
        for (int i = 0; i < in.capacity(); i++) {
            in.put(i, (float) rnd.nextGaussian() * 0.25f);
        }
        ByteBuffer changes = throwaway.changeBuffer().duplicate().order(ByteOrder.nativeOrder());
        for (int b = 0; b < BLOCKS; b++) {
            // One host change per block: the parameter path warms up too.
            changes.putInt(Boundary.CHANGE_INDICES_OFFSET_BYTES, b % 64);
            changes.putFloat(Boundary.CHANGE_VALUES_OFFSET_BYTES, (b & 7) / 7f);
            throwaway.process(BLOCK_SIZE, 1);
        }
        throwaway.release();
        return (System.nanoTime() - start) / 1e6;
    }
}
