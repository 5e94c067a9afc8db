package org.foldback.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.foldback.engine.simd.GuardKernel;

/** {@link GuardKernel} with the Vector API; loaded only when {@link org.foldback.engine.simd.Simd} is on. */
public final class VectorGuard implements GuardKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> INTS = VectorSpecies.of(int.class, S.vectorShape());

    @Override
    public int copyFlushed(float[] x, float[] out, int n, int brokenBits, int floorBits, int[] sign) {
        IntVector signs = IntVector.zero(INTS);
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            IntVector bits = FloatVector.fromArray(S, x, i).reinterpretAsInts();
            IntVector magnitude = bits.and(0x7fffffff);
            signs = signs.or(magnitude.neg().add(brokenBits));
            IntVector tiny = magnitude.sub(floorBits).lanewise(VectorOperators.ASHR, 31);
            bits.and(tiny.not()).reinterpretAsFloats().intoArray(out, i);
        }
        sign[0] = signs.reduceLanes(VectorOperators.OR);
        return i;
    }
}
