package org.foldback.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.foldback.engine.simd.GuardKernel;

/**
 * {@link GuardKernel} with the Vector API; loaded only when {@link org.foldback.engine.simd.Simd} is on.
 *
 * <p>Works on floats, not on their bits as the plain loop does: for non-negative floats the order
 * of the bit patterns is the order of the values, so {@code |x| < floor} flushes exactly the
 * samples whose magnitude bits lie below the floor's, and {@code |x| > broken} (or NaN) finds
 * exactly those above the broken threshold's; the output is x's own bits or +0, as there. Why not
 * bits: JDK 17's C2 left the int-to-float reinterpretation as a call into its allocating Java form
 * in one of the engine's compilations (6 kB per block in the bench's allocation count).
 */
public final class VectorGuard implements GuardKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    @Override
    public int copyFlushed(float[] x, float[] out, int n, int brokenBits, int floorBits, int[] sign) {
        final float broken = Float.intBitsToFloat(brokenBits), floor = Float.intBitsToFloat(floorBits);
        // The largest |x| so far; a NaN stays NaN through max (Math.max's rule).
        FloatVector most = FloatVector.zero(S);
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            FloatVector magnitude = v.abs();
            most = most.max(magnitude);
            v.blend(0f, magnitude.compare(VectorOperators.LT, floor)).intoArray(out, i);
        }
        float peak = most.reduceLanes(VectorOperators.MAX);
        sign[0] = peak <= broken ? 0 : -1;
        sign[1] = peak >= floor ? 1 : 0; // some sample kept (a NaN peak is broken: quarantined anyway)
        return i;
    }
}
