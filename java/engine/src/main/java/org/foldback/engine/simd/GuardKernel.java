package org.foldback.engine.simd;

/**
 * The Vector API form of {@code SourceGuard}'s copy: the same bit operations per lane, so the same
 * bits. Does the whole vectors of a block and returns where it stopped, with the OR of the lanes'
 * broken-sample signs in {@code sign[0]}; SourceGuard does the rest. Null when {@link Simd} is off.
 */
public interface GuardKernel {
    int copyFlushed(float[] x, float[] out, int n, int brokenBits, int floorBits, int[] sign);

}
