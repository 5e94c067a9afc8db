package org.foldback.engine.simd;

import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Watches, on the audio thread, whether the audio path allocates while the vector kernels run, and
 * switches them off ({@link Simd#fallBack}) when it does so persistently.
 *
 * <p>Why: a vector that C2 leaves in an object (a kernel's Vector API call it did not inline or
 * intrinsify) is allocated on every call, for as long as that compiled code lives. Seen once in
 * the bridge's tests: 12,288 bytes on every block. The plain loops never do that; so a JVM in which
 * it happens runs them instead, slower but safe (native/bench/PERFORMANCE.md, "Session 7: kernels
 * guard").
 *
 * <p>The rule: the time is cut in windows of {@link #WINDOW_SECONDS}, of audio and of the wall clock
 * both (a render or a test plays many times faster than real time, the compilers do not: a
 * deoptimised kernel runs its allocating fallbacks for a second or so until C2 has compiled it
 * again, however many blocks that is); a window counts when more
 * than half its blocks allocated, and {@link #WINDOWS} such windows in a row switch the kernels
 * off. A one-off allocation (an object rematerialised when C2's code is deoptimised, a string
 * interned for a compile request) touches a block or two and is ignored; a boxed vector allocates
 * in every block that runs its kernel. The guard is armed by the first window in which most blocks
 * did not allocate, or {@link #GRACE_SECONDS} after its first block: until C2 has compiled the
 * kernels, the Vector API runs its Java fallbacks, which allocate on every operation (the JIT
 * warm-up at the first real-time prepare does that part before the first real block; an offline
 * render or a test starts cold). The grace is wall-clock time, not audio: the compilers work in
 * real time, and a render or a test plays many times faster than that (a grace of 20 s of audio
 * switched the kernels off in the bridge's tests, under load 14, before C2 was done).
 *
 * <p>Which blocks: one in {@link #EVERY} is measured (the counter read before and after it), the
 * others only counted as time. A boxed vector allocates on every call of its kernel, so in every
 * block measured as in every other, and the rule reads "most blocks measured"; a window of 2 s at
 * 64 samples still measures 187 blocks. Why not all: the two reads are four native calls and a
 * JNI transition each (0.15-0.35 us of every period in jalv, PERFORMANCE.md, "Session 11: the 8 x
 * 8 in jalv"), for a verdict that needs a few blocks a window.
 *
 * <p>Cost: two reads of the thread's allocation counter per {@link #EVERY} blocks (two native calls
 * each, no allocation and no lock), and none once the kernels are off or where they never ran. One
 * guard per engine instance, used by the thread that processes it.
 */
public final class KernelGuard {
    /** Length of one window: seconds of audio, and at least as long on the wall clock. */
    static final double WINDOW_SECONDS = 2.0;
    /**
     * A window's least length on the wall clock: three quarters of {@link #WINDOW_SECONDS}, as a
     * host's blocks come a little early or late, and the first window starts with its first block.
     */
    static final long WINDOW_CLOCK_NANOS = (long) (0.75 * WINDOW_SECONDS * 1e9);
    /** Windows in a row in which most blocks allocated, before the kernels are switched off. */
    static final int WINDOWS = 2;
    /** How long the guard waits at most for a clean window before it is armed (the JIT's first seconds). */
    static final double GRACE_SECONDS = 60;
    /** One block in this many is measured (the counter read around it); a power of two. */
    static final int EVERY = 8;
    /** What {@link #beforeBlock} returns for a block it does not measure. */
    private static final long UNREAD = Long.MIN_VALUE;
    /** What this guard is called in {@link Simd#describe} once it switched the kernels off. */
    public static final String NAME = "the engine's kernel guard";

    private final LongSupplier allocatedBytes;
    private final LongSupplier nanoTime;
    /** When the guard saw its first block ({@link #nanoTime}), 0 before. */
    private long firstBlockNanos;
    /** When the current window started ({@link #nanoTime}), 0 before the first block. */
    private long windowNanos;
    private long windowSamples = (long) (48000 * WINDOW_SECONDS);
    private long samples;
    private int blocks;
    private int allocatingBlocks;
    private long bytes;
    private boolean armed;
    private int windowsInARow;
    private long bytesInARow;
    private long blocksInARow;
    /** False for an engine whose owner judges the kernels itself ({@link #stopWatching}). */
    private boolean watching = true;
    /** Blocks seen, for the choice of the measured ones. */
    private int tick;

    /** A guard on the allocation counter of whichever thread calls it (the one processing the block). */
    public KernelGuard() {
        this(ThreadCounter.ALLOCATED, System::nanoTime);
    }

    /** The counter is the same for every guard (it reads whichever thread calls it): looked up once per JVM. */
    private static final class ThreadCounter {
        static final LongSupplier ALLOCATED = threadAllocationCounter();
    }

    /**
     * A guard reading {@code allocatedBytes}, the bytes the processing thread allocated so far, and
     * {@code nanoTime}, the wall clock.
     */
    KernelGuard(LongSupplier allocatedBytes, LongSupplier nanoTime) {
        this.allocatedBytes = allocatedBytes;
        this.nanoTime = nanoTime;
    }

    /**
     * Sets the window for this sample rate and starts a new one. Stays armed if it was: the JIT's
     * code outlives a prepare. Not on the audio thread.
     */
    public void prepare(double sampleRate) {
        windowSamples = Math.max(1, (long) (sampleRate * WINDOW_SECONDS));
        samples = 0;
        blocks = 0;
        allocatingBlocks = 0;
        bytes = 0;
        windowsInARow = 0;
        bytesInARow = 0;
        blocksInARow = 0;
    }

    /**
     * For an engine that plays the kernels into their first compilations on purpose and judges
     * them itself: the JIT warm-up's throwaway instance, whose second session turns on kernels
     * (the ear lanes, the dose's A-weighting) that then run the Vector API's Java fallback until
     * C2 has them; on a loaded machine that lasted more than two windows, and this guard switched
     * the kernels off for the whole JVM (1 of 32 fresh warm-up JVMs; PERFORMANCE.md, "Session 8").
     * The warm-up's own check judges them once the compilers are done. Not on the audio thread.
     */
    public void stopWatching() {
        watching = false;
    }

    /**
     * Audio thread, before a block: the counter if this block is one to measure ({@link #EVERY}),
     * else a mark that it is not; 0 while the kernels are off.
     */
    public long beforeBlock() {
        if (!watching || !Simd.on()) {
            return 0;
        }
        return (tick++ & (EVERY - 1)) == 0 ? allocatedBytes.getAsLong() : UNREAD;
    }

    /**
     * Audio thread, after a block of {@code numSamples}, with what {@link #beforeBlock} returned.
     * Returns true when this block's window made the kernels switch off.
     */
    public boolean afterBlock(long before, int numSamples) {
        if (!watching || !Simd.on() || !judge(before, numSamples)) {
            return false;
        }
        Simd.fallBack(NAME, bytesInARow, blocksInARow);
        return true;
    }

    /** {@link #afterBlock} without the switch: whether the rule fires at this block. */
    boolean judge(long before, int numSamples) {
        return before == UNREAD ? windowEnds(numSamples)
                : keepsAllocating(allocatedBytes.getAsLong() - before, numSamples);
    }

    /**
     * The rule: counts a block of {@code numSamples} that allocated {@code allocated} bytes, and
     * returns true when it closes the {@link #WINDOWS}-th window in a row in which most blocks
     * allocated since the guard was armed ({@link #bytesInARow} and {@link #blocksInARow} then say
     * how much).
     */
    boolean keepsAllocating(long allocated, int numSamples) {
        if (allocated > 0) {
            allocatingBlocks++;
            bytes += allocated;
        }
        blocks++;
        return windowEnds(numSamples);
    }

    /**
     * Counts {@code numSamples} of time (every block, measured or not) and, when they close a
     * window, judges it; returns true as {@link #keepsAllocating} does.
     */
    private boolean windowEnds(int numSamples) {
        samples += numSamples;
        if (windowNanos == 0) {
            windowNanos = nanoTime.getAsLong() | 1;
            firstBlockNanos = windowNanos;
        }
        if (samples < windowSamples || blocks == 0) {
            return false; // (a window of huge blocks stays open until one of them was measured)
        }
        long now = nanoTime.getAsLong();
        if (now - windowNanos < WINDOW_CLOCK_NANOS) {
            return false;
        }
        windowNanos = now;
        if (!persistent(allocatingBlocks, blocks)) {
            armed = true;
            windowsInARow = 0;
            bytesInARow = 0;
            blocksInARow = 0;
        } else if (armed) {
            windowsInARow++;
            bytesInARow += bytes;
            blocksInARow += blocks;
        } else {
            armed = now - firstBlockNanos >= (long) (GRACE_SECONDS * 1e9);
        }
        samples = 0;
        blocks = 0;
        allocatingBlocks = 0;
        bytes = 0;
        return windowsInARow >= WINDOWS;
    }

    long bytesInARow() {
        return bytesInARow;
    }

    long blocksInARow() {
        return blocksInARow;
    }

    /** The rule, shared with the JIT warm-up's check: more than half of the blocks allocated. */
    public static boolean persistent(long allocatingBlocks, long blocks) {
        return blocks > 0 && 2 * allocatingBlocks > blocks;
    }

    /**
     * The calling thread's allocated bytes, read through the JDK's management bean (HotSpot keeps a
     * per-thread count; reading it for the current thread takes no lock). -1 where unsupported,
     * which the guard reads as "never allocates".
     */
    private static LongSupplier threadAllocationCounter() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported()) {
            return bean::getCurrentThreadAllocatedBytes;
        }
        return () -> -1;
    }
}
