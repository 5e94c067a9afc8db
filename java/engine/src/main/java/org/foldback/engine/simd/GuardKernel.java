package org.foldback.engine.simd;

/**
 * The Vector API form of {@code SourceGuard}'s copy: the same output bits (each sample, or +0 where
 * its magnitude bits lie below {@code floorBits}). Does the whole vectors of a block and returns
 * where it stopped, with {@code sign[0]} negative if any of them was broken (magnitude bits above
 * {@code brokenBits}: NaN, infinite, huge), else 0, and {@code sign[1]} 1 if any of them was kept
 * (magnitude bits at or above {@code floorBits}, so its output is not ±0), else 0: a silent source
 * is known without another look at its samples. SourceGuard does the rest. Null when
 * {@link Simd} is off.
 */
public interface GuardKernel {
    int copyFlushed(float[] x, float[] out, int n, int brokenBits, int floorBits, int[] sign);

}
