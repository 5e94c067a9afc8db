package org.foldback.engine.simd;

/**
 * A thread on which the vector kernels run while they are cold for every other thread
 * ({@link Simd#cold}): the bridge's JIT warm-up plays them here, off the audio thread, into C2's
 * code, while the engines of instances that already play run the plain loops. A daemon, so a JVM
 * never waits for a warm-up to end.
 *
 * <p>Why a thread of its own rather than a flag per engine: the kernels' call sites are static
 * loops shared by every engine in the JVM (MixLoops, the meters, the limiter); which thread calls
 * them is the one thing they can tell apart without a field on the audio path.
 */
public final class WarmUpThread extends Thread {
    public WarmUpThread(Runnable task, String name) {
        super(task, name);
        setDaemon(true);
    }
}
