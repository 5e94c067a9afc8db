package org.foldback.engine.simd;

/**
 * When an engine that plays while the kernels are cold ({@link Simd#cold}) switches them on itself:
 * as its second block starts, its first having run the plain loops. What it is for: a cold
 * instance's first block (an instance created and played offline, as foldback-host time-instances
 * does and hosts may before they play) runs the plain loops rather than the Vector API's Java
 * fallback, which cost it 10-75 ms of CPU (PERFORMANCE.md, "Session 8: instance start"), and so
 * does the first block of every instance created before one of them plays a second; a render then
 * warms the kernels up inline from its second block on, as it did before the cold start. (A
 * real-time instance never gets here: the JIT warm-up at the first real-time prepare plays the
 * kernels into C2's code on a {@link WarmUpThread} and switches them on before the first real
 * block.)
 *
 * <p>Why one block, and not "until the kernels are compiled" (PERFORMANCE.md, "Session 9", 2-core
 * machine at load 3-9, 512-sample renders from a cold JVM):
 * <ul>
 * <li>The kernels reach C2 only by being called (about 1,250 times each, a quarter of the usual
 * thresholds), every call until then in the Java fallback, C1 and C2 compiling behind them: the
 * same work wherever it runs. Played by a background thread while the render ran the plain loops,
 * that work took the render's cores: 30 s of audio took 1.6-7.4 s against 1.2-1.3 s with the
 * kernels from the first block, 300 s 5.5-10.4 s against 3.1-4.9 s. Paced to a tenth of a core it
 * left a 30 s render at the plain loops' speed (0.90 s, 0.84-0.88 without it); paced to a quarter
 * it switched so late that 300 s took 7.1-8.4 s, about the plain loops' 8.1-8.2 s.
 * <li>Switched on later by the render itself, the kernels cost more than from the first block:
 * after 1 s of plain blocks, 300 s took 6.1-9.0 s against 3.4-5.1 s, after 0.2 s 5.9-6.8 against
 * 3.8-7.5.
 * <li>And two plain blocks already cost the render's steady state about a tenth: a median
 * block (100 s of audio in) of 64-69 µs against 61-65 µs with the kernels from the first block,
 * slower in 7 of 8 pairs; after one plain block 61-66 against 61-65, slower in 4 of 8. Likely the plain loops' second pass is what the JIT profiles (the interpreter
 * starts counting a method's branches only after its first few hundred calls), and C2 then
 * compiles the engine's call sites with a plain path that looks used. Not verified. So a render
 * switches at its second block; a JVM whose instances each played a first block before any
 * played a second carries some of it (two instances rendered together: ~2 %, 3 of 4 pairs).
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
     * Blocks an engine plays on the plain loops while the kernels are cold: its first. It switches
     * them on as its next block starts, so another instance created meanwhile (a host creating
     * instances, time-instances) plays its first block on the plain loops too; see the class
     * comment for why not more.
     */
    public static final int BUDGET_BLOCKS = 1;
    /** Who switched the kernels on, in {@link Simd#describe}. */
    public static final String NAME = "an engine at its block " + (BUDGET_BLOCKS + 1) + " (cold start)";

    private int blocks;
    /** False for an engine whose owner switches the kernels itself ({@link #stopCounting}). */
    private boolean counting = true;

    /** For an engine whose owner decides when the kernels come on (the JIT warm-up's, a test's). Not on the audio thread. */
    public void stopCounting() {
        counting = false;
    }

    /**
     * Audio thread, before a block: while this thread runs the plain loops for cold kernels, counts
     * the block, or, once the engine has played its {@link #BUDGET_BLOCKS}, switches the kernels on
     * for this block and every later one. Returns true when it did.
     */
    public boolean beforeBlock() {
        if (!counting || !Simd.coldHere()) {
            return false;
        }
        if (blocks < BUDGET_BLOCKS) {
            blocks++;
            return false;
        }
        return Simd.switchOn(NAME);
    }

    /** Blocks this engine played on the plain loops while the kernels were cold. */
    public int blocks() {
        return blocks;
    }
}
