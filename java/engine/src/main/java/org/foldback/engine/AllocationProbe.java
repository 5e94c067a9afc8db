package org.foldback.engine;

import java.lang.management.ManagementFactory;
import java.util.function.IntConsumer;

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
 */
public final class AllocationProbe {
    /** Clean warm-up rounds in a row that mean the JIT has settled. */
    static final int SETTLED_ROUNDS = 2;

    private AllocationProbe() {}

    /**
     * @param block           runs one block; its argument is the block number
     * @param roundBlocks     blocks per warm-up round
     * @param maxWarmUpRounds give up warming after this many rounds (then measure anyway)
     * @param measuredBlocks  blocks in the measured run
     * @return bytes allocated by this thread during the measured run
     */
    public static long steadyStateBytes(IntConsumer block, int roundBlocks, int maxWarmUpRounds, int measuredBlocks) {
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
        long before = bean.getThreadAllocatedBytes(tid);
        for (int i = 0; i < measuredBlocks; i++) {
            block.accept(b++);
        }
        return bean.getThreadAllocatedBytes(tid) - before;
    }
}
