package org.foldback.engine.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The kernel guard's rule, on made-up allocation counts (the guard's switch itself, in a JVM of
 * its own: KernelFallBackTest). 48 kHz, 64-sample blocks: a window is 1500 blocks.
 */
class KernelGuardTest {
    private static final int BLOCK = 64;
    private static final int WINDOW_BLOCKS = (int) (48000 * KernelGuard.WINDOW_SECONDS / BLOCK);

    /** The guard's clock: a test moves it. */
    private static long now = 1;

    /** A guard past the JIT's first seconds: armed by a clean window. */
    private static KernelGuard guard() {
        KernelGuard g = new KernelGuard(() -> 0, () -> now);
        g.prepare(48000);
        assertFalse(feed(g, WINDOW_BLOCKS, 0));
        return g;
    }

    /**
     * Feeds {@code blocks} blocks, every {@code every}-th allocating 96 bytes, in real time (the
     * clock moves a block's duration per block); true if the rule fired.
     */
    private static boolean feed(KernelGuard g, int blocks, int every) {
        boolean fired = false;
        for (int b = 0; b < blocks; b++) {
            now += BLOCK * 1_000_000_000L / 48000;
            fired |= g.keepsAllocating(every > 0 && b % every == 0 ? 96 : 0, BLOCK);
        }
        return fired;
    }

    /** The same, played as fast as a render: the clock does not move. */
    private static boolean render(KernelGuard g, int blocks, int every) {
        boolean fired = false;
        for (int b = 0; b < blocks; b++) {
            fired |= g.keepsAllocating(every > 0 && b % every == 0 ? 96 : 0, BLOCK);
        }
        return fired;
    }

    @Test
    void aBoxedVectorOnEveryBlockFiresAfterTwoWindows() {
        KernelGuard g = guard();
        assertFalse(feed(g, KernelGuard.WINDOWS * WINDOW_BLOCKS - 1, 1));
        assertTrue(g.keepsAllocating(96, BLOCK), "the last block of the second window");
        assertEquals(KernelGuard.WINDOWS * WINDOW_BLOCKS, g.blocksInARow());
        assertEquals(96L * KernelGuard.WINDOWS * WINDOW_BLOCKS, g.bytesInARow());
    }

    @Test
    void aGuardThatStoppedWatchingNeverFires() {
        // The JIT warm-up's throwaway engine: every block allocates (kernels in their Java
        // fallbacks), for windows on end, and the warm-up's own check judges afterwards.
        long[] allocated = {0};
        KernelGuard g = new KernelGuard(() -> allocated[0], () -> now);
        g.prepare(48000);
        g.stopWatching();
        for (int b = 0; b < 10 * WINDOW_BLOCKS; b++) {
            now += BLOCK * 1_000_000_000L / 48000;
            long before = g.beforeBlock();
            allocated[0] += b < WINDOW_BLOCKS ? 0 : 4096;
            assertFalse(g.afterBlock(before, BLOCK), "block " + b);
        }
        assertEquals(0, g.beforeBlock(), "no counter read once it stopped watching");
    }

    @Test
    void theCounterIsReadAroundOneBlockInEvery() {
        // As the engine calls it (judge: afterBlock without switching this JVM's kernels off): a
        // boxed vector, 96 bytes on every block. The counter is read around one block in EVERY
        // only, and the guard still fires after its two windows. It measures only while the
        // kernels run: skipped where they never do.
        org.junit.jupiter.api.Assumptions.assumeTrue(Simd.on(), "no vector kernels in this JVM");
        long[] allocated = {0};
        int[] reads = {0};
        KernelGuard g = new KernelGuard(() -> {
            reads[0]++;
            return allocated[0];
        }, () -> now);
        g.prepare(48000);
        int blocks = 0;
        boolean fired = false;
        for (int b = 0; b < (1 + KernelGuard.WINDOWS) * WINDOW_BLOCKS && !fired; b++) {
            now += BLOCK * 1_000_000_000L / 48000;
            long before = g.beforeBlock();
            allocated[0] += b < WINDOW_BLOCKS ? 0 : 96; // the first window clean: armed
            fired = g.judge(before, BLOCK);
            blocks++;
        }
        assertTrue(fired, "fired within the third window");
        assertEquals((1 + KernelGuard.WINDOWS) * WINDOW_BLOCKS, blocks, "at the end of the third window");
        assertEquals(2 * ((blocks + KernelGuard.EVERY - 1) / KernelGuard.EVERY), reads[0], "two reads per measured block");
    }

    @Test
    void oneOffAllocationsNeverFire() {
        KernelGuard g = guard();
        // A deoptimisation or an interned string now and then: a few blocks a window.
        assertFalse(feed(g, 20 * WINDOW_BLOCKS, 500));
        // Half of the blocks is not most of them.
        assertFalse(feed(g, 20 * WINDOW_BLOCKS, 2));
    }

    @Test
    void aCleanWindowBetweenStartsTheCountAgain() {
        KernelGuard g = guard();
        assertFalse(feed(g, WINDOW_BLOCKS, 1));
        assertFalse(feed(g, WINDOW_BLOCKS, 0));
        assertFalse(feed(g, WINDOW_BLOCKS, 1));
        assertTrue(feed(g, WINDOW_BLOCKS, 1));
    }

    @Test
    void theJitsFirstSecondsDoNotCountUntilACleanWindowOrTheGrace() {
        // Cold: the Vector API's fallbacks allocate on every block until C2 has compiled the kernels.
        KernelGuard cold = new KernelGuard(() -> 0, () -> now);
        cold.prepare(48000);
        assertFalse(feed(cold, 6 * WINDOW_BLOCKS, 1));
        assertFalse(feed(cold, WINDOW_BLOCKS, 0), "compiled: a clean window arms the guard");
        assertTrue(feed(cold, KernelGuard.WINDOWS * WINDOW_BLOCKS, 1));
        // Never clean: armed once the grace has passed on the wall clock.
        KernelGuard never = new KernelGuard(() -> 0, () -> now);
        never.prepare(48000);
        int graceWindows = (int) (KernelGuard.GRACE_SECONDS / KernelGuard.WINDOW_SECONDS);
        assertFalse(feed(never, graceWindows * WINDOW_BLOCKS, 1));
        assertFalse(feed(never, WINDOW_BLOCKS, 1), "the grace is over: armed");
        assertTrue(feed(never, KernelGuard.WINDOWS * WINDOW_BLOCKS, 1));
    }

    @Test
    void aRenderFasterThanRealTimeNeedsTheWallClocksWindowsToo() {
        // A deoptimised kernel allocates until C2 compiles it again, a second or so: a render
        // plays many windows of audio meanwhile, which must not count as many windows.
        KernelGuard g = guard();
        assertFalse(render(g, 100 * WINDOW_BLOCKS, 1), "100 windows of audio within a moment");
        now += (long) (KernelGuard.WINDOW_SECONDS * 1e9);
        assertFalse(render(g, 1, 1), "the first window closes");
        now += (long) (KernelGuard.WINDOW_SECONDS * 1e9);
        assertTrue(render(g, WINDOW_BLOCKS, 1), "the second one, a window of audio later, fires");
    }

    @Test
    void theWindowIsSecondsOfAudioWhateverTheBlockSize() {
        KernelGuard g = new KernelGuard(() -> 0, () -> now);
        g.prepare(96000);
        int blocks = (int) (96000 * KernelGuard.WINDOW_SECONDS / 512);
        for (int w = 0; w < (1 + KernelGuard.WINDOWS) * blocks; w++) {
            now += 512 * 1_000_000_000L / 96000;
            boolean fired = g.keepsAllocating(w < blocks ? 0 : 1, 512);
            assertEquals(w == (1 + KernelGuard.WINDOWS) * blocks - 1, fired, "block " + w);
        }
    }

    @Test
    void theRuleIsMostBlocks() {
        assertTrue(KernelGuard.persistent(251, 500));
        assertFalse(KernelGuard.persistent(250, 500));
        assertFalse(KernelGuard.persistent(0, 0));
    }
}
