package org.foldback.engine.simd;

/**
 * When an engine that plays while the kernels are cold ({@link Simd#cold}) switches them on itself:
 * after its first {@link #BUDGET_BLOCKS} blocks on the plain loops. What it is for: a cold
 * instance's first blocks (an instance created and played offline, as hosts do before they play,
 * and foldback-host time-instances does) run the plain loops rather than the Vector API's Java
 * fallback, which cost each such block 10-75 ms of CPU (PERFORMANCE.md, "Session 8: instance
 * start"); a render then warms the kernels up inline from its next block on, as it did before the
 * cold start. (A real-time instance never gets here: the JIT warm-up at the first real-time prepare
 * plays the kernels into C2's code on a {@link WarmUpThread} and switches them on before the first
 * real block.)
 *
 * <p>Why so few blocks, and not "until the kernels are compiled" (PERFORMANCE.md, "Session 9",
 * 2-core machine at load 5-9, 512-sample renders from a cold JVM, 30 s and 300 s of audio):
 * <ul>
 * <li>The kernels reach C2 only by being called (about 1,250 times each, a quarter of the usual
 * thresholds), every call until then in the Java fallback, C1 and C2 compiling behind them: the
 * same work wherever it runs. Played by a background thread while the render ran the plain loops,
 * that work took the render's cores: 30 s of audio took 1.6-7.4 s against 1.2-1.3 s with the
 * kernels from the first block, 300 s 5.5-10.4 s against 3.1-4.9 s. Paced to a tenth of a core it
 * left a 30 s render at the plain loops' speed (0.90 s, 0.84-0.88 without it); paced to a quarter
 * it switched so late that 300 s took 7.1-8.4 s, about the plain loops' 8.1-8.2 s.
 * <li>Switched on later by the render itself, the kernels cost more than from the first block:
 * after 1 s of plain blocks, 300 s took 6.1-9.0 s against 3.4-5.1 s (after 0.2 s: 5.9-6.8 against
 * 3.8-7.5; after 50 ms: 4.0-5.3, within the noise): the plain seconds come on top of the kernels'
 * warm-up, and likely (not verified) C2 has by then compiled the engine's call sites with the
 * kernels' branch never taken, to be compiled again after the switch. After 8 blocks: 300 s in 3.6-3.9 s against
 * 3.0-4.2 s, 30 s in 1.2-2.7 s against 1.5-2.3 s, the same within the noise.
 * <li>A count of blocks, not a clock: a budget of 50 ms of the wall clock was spent by the very
 * first block of a preempted instance (4.9 ms of CPU, 117 ms of wall clock at load 7.5), and the
 * second instance's first block then ran the Java fallback after all.
 * </ul>
 *
 * <p>Audio thread: one volatile read and a counter per block while cold, one read after; no
 * allocation, no lock. One per engine, used by the thread that processes it.
 */
public final class ColdStart {
    /**
     * Blocks an engine plays on the plain loops before it switches the cold kernels on: more than
     * the one or few a host plays while it creates instances, and early enough in a render that it
     * costs no more than the kernels from the first block (see above).
     */
    public static final int BUDGET_BLOCKS = 8;
    /** Who switched the kernels on, in {@link Simd#describe}. */
    public static final String NAME = "an engine after " + BUDGET_BLOCKS + " blocks on the plain loops";

    private int blocks;
    /** False for an engine whose owner switches the kernels itself ({@link #stopCounting}). */
    private boolean counting = true;

    /** For an engine whose owner decides when the kernels come on (the JIT warm-up's, a test's). Not on the audio thread. */
    public void stopCounting() {
        counting = false;
    }

    /**
     * Audio thread, after a block: counts it if this thread ran the plain loops for cold kernels,
     * and switches the kernels on with the budget's last block. Returns true when it did.
     */
    public boolean afterBlock() {
        return counting && Simd.coldHere() && ++blocks >= BUDGET_BLOCKS && Simd.switchOn(NAME);
    }

    /** Blocks this engine played on the plain loops while the kernels were cold. */
    public int blocks() {
        return blocks;
    }
}
