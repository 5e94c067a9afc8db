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
 * <p>The rule: the audio time is cut in windows of {@link #WINDOW_SECONDS}; a window counts when more
 * than half its blocks allocated, and {@link #WINDOWS} such windows in a row switch the kernels
 * off. A one-off allocation (an object rematerialised when C2's code is deoptimised, a string
 * interned for a compile request) touches a block or two and is ignored; a boxed vector allocates
 * in every block that runs its kernel. The guard is armed by the first window in which most blocks
 * did not allocate, or after {@link #GRACE_WINDOWS} windows: until C2 has compiled the kernels,
 * the Vector API runs its Java fallbacks, which allocate on every operation (the JIT warm-up at the
 * first real-time prepare does that part before the first real block; an offline render or a
 * test starts cold).
 *
 * <p>Cost: two reads of the thread's allocation counter per block (two native calls each, no
 * allocation and no lock), and none once the kernels are off or where they never ran. One guard
 * per engine instance, used by the thread that processes it.
 */
public final class KernelGuard {
    /** Length of one window, seconds of audio. */
    static final double WINDOW_SECONDS = 2.0;
    /** Windows in a row in which most blocks allocated, before the kernels are switched off. */
    static final int WINDOWS = 2;
    /** Windows the guard waits at most for a clean one before it is armed (the JIT's first seconds). */
    static final int GRACE_WINDOWS = 10;
    /** What this guard is called in {@link Simd#describe} once it switched the kernels off. */
    public static final String NAME = "the engine's kernel guard";

    private final LongSupplier allocatedBytes;
    private long windowSamples = (long) (48000 * WINDOW_SECONDS);
    private long samples;
    private int blocks;
    private int allocatingBlocks;
    private long bytes;
    private boolean armed;
    private int windowsSeen;
    private int windowsInARow;
    private long bytesInARow;
    private long blocksInARow;

    /** A guard on the allocation counter of whichever thread calls it (the one processing the block). */
    public KernelGuard() {
        this(threadAllocationCounter());
    }

    /** A guard reading {@code allocatedBytes}: the bytes the processing thread allocated so far. */
    KernelGuard(LongSupplier allocatedBytes) {
        this.allocatedBytes = allocatedBytes;
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

    /** Audio thread, before a block: the counter, or 0 while the kernels are off. */
    public long beforeBlock() {
        return Simd.on() ? allocatedBytes.getAsLong() : 0;
    }

    /**
     * Audio thread, after a block of {@code numSamples}, with what {@link #beforeBlock} returned.
     * Returns true when this block's window made the kernels switch off.
     */
    public boolean afterBlock(long before, int numSamples) {
        if (!Simd.on() || !keepsAllocating(allocatedBytes.getAsLong() - before, numSamples)) {
            return false;
        }
        Simd.fallBack(NAME, bytesInARow, blocksInARow);
        return true;
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
        samples += numSamples;
        if (samples < windowSamples) {
            return false;
        }
        windowsSeen++;
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
            armed = windowsSeen >= GRACE_WINDOWS;
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
