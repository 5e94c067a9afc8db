package org.foldback.engine;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import org.foldback.engine.simd.Simd;

/**
 * Counts the bytes a block loop allocates on the calling thread once the JIT has settled: the
 * proof (and the bench figure) that the audio path allocates nothing.
 *
 * <p>Why "settled": while C1/C2 are still compiling, the JVM itself may allocate on the thread
 * (deoptimisation re-creates objects that compiled code had kept in registers). So warm-up runs
 * in rounds until two rounds in a row allocate nothing, then the measured run starts. (One clean
 * round was not enough: with C2 still compiling in the background, a recompilation could land in
 * the measured run and reallocate a few hundred bytes.) A path that really allocates never gets a
 * clean round and is reported as it is.
 *
 * <p>Before measuring it also resolves what C2's compile requests would otherwise resolve on this
 * thread ({@link CompilePrerequisites}), as the plugin does after its warm-up; without that, the
 * measured run saw 72-896 bytes of interned strings in about one run in two. That covers the
 * engine's packages, the vector kernels' package and the package of the caller's block (a test's
 * lambda lives in the test class, whose strings C2's request for the lambda interns: 576 bytes in
 * 4 of 17 runs of the bridge's proof with the kernels on, 2026-12-02, each at the moment the
 * lambda's C2 compile was queued from the measuring thread), plus any further anchors given.
 */
public final class AllocationProbe {
    /** Clean warm-up rounds in a row that mean the JIT has settled. */
    static final int SETTLED_ROUNDS = 2;

    /** Reads of the counter before it is used: past C2's thresholds for the counter's own methods. */
    static final int COUNTER_WARM_UP_READS = 200_000;

    private AllocationProbe() {}

    /**
     * The calling thread's allocated-bytes counter, for tests that read it around every block.
     *
     * <p>The counter is a native method behind two Java ones; the first time C2 is asked to compile
     * them from this thread, HotSpot looks the native up and resolves their classes' strings here,
     * and when that happened between two reads it showed as 72-992 bytes "allocated by the audio
     * path". So the counter is read {@link #COUNTER_WARM_UP_READS} times first (about 20 ms); its
     * classes' constants are among those the plugin's warm-up resolves ({@link CompilePrerequisites}),
     * so call this after preparing an instance.
     */
    public static LongSupplier threadCounter() {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        bean.setThreadAllocatedMemoryEnabled(true);
        long tid = Thread.currentThread().getId();
        LongSupplier counter = () -> bean.getThreadAllocatedBytes(tid);
        long sum = 0;
        for (int i = 0; i < COUNTER_WARM_UP_READS; i++) {
            sum += counter.getAsLong();
        }
        if (sum < 0) {
            throw new IllegalStateException("thread allocation counting is not supported here");
        }
        return counter;
    }

    /**
     * @param block           runs one block; its argument is the block number
     * @param roundBlocks     blocks per warm-up round
     * @param maxWarmUpRounds give up warming after this many rounds (then measure anyway)
     * @param measuredBlocks  blocks in the measured run
     * @param alsoResolve     classes whose packages the block runs besides the engine's and its own
     *                        (the bridge's NativeProcessor for the bridge's proof)
     * @return bytes allocated by this thread during the measured run
     */
    public static long steadyStateBytes(IntConsumer block, int roundBlocks, int maxWarmUpRounds, int measuredBlocks,
                                        Class<?>... alsoResolve) {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        bean.setThreadAllocatedMemoryEnabled(true);
        long tid = Thread.currentThread().getId();
        int b = 0;
        int cleanInARow = 0;
        for (int round = 0; round < maxWarmUpRounds && cleanInARow < SETTLED_ROUNDS; round++) {
            long before = bean.getThreadAllocatedBytes(tid);
            for (int i = 0; i < roundBlocks; i++) {
                block.accept(b++);
            }
            cleanInARow = bean.getThreadAllocatedBytes(tid) == before ? cleanInARow + 1 : 0;
        }
        CompilePrerequisites.resolve(anchors(block, alsoResolve));
        long before = bean.getThreadAllocatedBytes(tid);
        for (int i = 0; i < measuredBlocks; i++) {
            block.accept(b++);
        }
        return bean.getThreadAllocatedBytes(tid) - before;
    }

    /** The engine's package, the block's, the vector kernels' when they run, and the extra ones. */
    private static Class<?>[] anchors(IntConsumer block, Class<?>... alsoResolve) {
        List<Class<?>> anchors = new ArrayList<>(List.of(AllocationProbe.class, block.getClass()));
        anchors.addAll(List.of(alsoResolve));
        if (Simd.on()) {
            try {
                anchors.add(Class.forName(Simd.KERNEL_PACKAGE_ANCHOR));
            } catch (ClassNotFoundException | LinkageError e) {
                // the kernels fell back to the plain loops (Simd.kernel says why)
            }
        }
        return anchors.toArray(new Class<?>[0]);
    }
}
