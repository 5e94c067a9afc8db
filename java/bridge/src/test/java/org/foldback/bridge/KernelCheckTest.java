package org.foldback.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.foldback.engine.FoldbackProcessor;
import org.foldback.engine.Processor;
import org.foldback.engine.param.ParamStore;
import org.foldback.engine.simd.Simd;
import org.junit.jupiter.api.Test;

/**
 * The JIT warm-up's kernel check, in a JVM of its own (the bridge pom's `kernel-check` run: the
 * switch is one-way): a clean audio path keeps the kernels; one that allocates on every block, as a
 * boxed vector would, has them switched off before the first real block, and says so.
 */
class KernelCheckTest {
    /** Kept reachable so that no compiler can drop the allocation. */
    static volatile float[] garbage;

    /** The engine, allocating on every block when {@code allocate} is set. */
    private static final class Boxing implements Processor {
        final FoldbackProcessor engine = new FoldbackProcessor();
        volatile boolean allocate;

        public void prepare(double sr, int max, int sources, int cues) {
            engine.prepare(sr, max, sources, cues);
        }

        public void process(float[][] in, float[][] out, int n) {
            engine.process(in, out, n);
            if (allocate) {
                garbage = new float[n]; // the same bytes every block, as compiled code that boxes
            }
        }

        public void release() {
            engine.release();
        }

        public ParamStore params() {
            return engine.params();
        }
    }

    @Test
    void aCleanPathKeepsTheKernelsAndAnAllocatingOneSwitchesThemOff() {
        assumeTrue(Simd.on(), "needs the kernels: " + Simd.describe());
        // The warm-up as the first real-time prepare runs it: its check comes out clean, unless
        // a kernel really came out of C2 allocating.
        JitWarmup.Result warmup = JitWarmup.once(48000);
        assertTrue(warmup != null && warmup.kernelCheckBytes() >= 0, String.valueOf(warmup));
        if (!Simd.on()) {
            // This JVM's C2 compiled a kernel to allocate (PERFORMANCE.md, "Session 7: kernels
            // guard"; about one JVM in ten here): the check is what found it.
            assertTrue(Simd.describe().contains(JitWarmup.CHECK_NAME), Simd.describe());
            assertTrue(warmup.kernelCheckBytes() > 0, warmup.kernelCheck());
            System.out.println("kernel check: this JVM's kernels allocated; " + Simd.describe());
            return;
        }

        Boxing processor = new Boxing();
        NativeProcessor throwaway = new NativeProcessor(processor, ShimCalls.connect(0, ""));
        Random rnd = new Random(5);
        processor.allocate = true;
        long bytes = JitWarmup.checkKernels(throwaway, 48000, rnd);
        assertTrue(bytes >= (long) JitWarmup.CHECK_BLOCKS * 64 * Float.BYTES, bytes + " bytes");
        assertFalse(Simd.on(), "two rounds with the same bytes switch the kernels off");
        assertTrue(Simd.describe().contains(JitWarmup.CHECK_NAME), Simd.describe());
        assertEquals(-1, JitWarmup.checkKernels(throwaway, 48000, rnd), "no check once the kernels are off");
    }
}
