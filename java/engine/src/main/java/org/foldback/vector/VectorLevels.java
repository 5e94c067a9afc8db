package org.foldback.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.foldback.engine.simd.LevelKernel;

/**
 * {@link LevelKernel} with the Vector API: lane-wise running maximum of |x|, and the squares summed
 * in double lanes (each float widened, so every square is exact as in the plain form; only the
 * order of the additions differs, a difference in the last bits of a double). Clips are counted in
 * a second pass only when the peak says there are any.
 */
public final class VectorLevels implements LevelKernel {
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    /** As many doubles as half the float lanes: each float vector widens into two of these. */
    private static final VectorSpecies<Double> DOUBLES =
            VectorSpecies.of(double.class, FLOATS.vectorShape());


    @Override
    public int levels(float[] x, int offset, int n, double[] out) {
        final int lanes = FLOATS.length();
        FloatVector most = FloatVector.zero(FLOATS);
        DoubleVector low = DoubleVector.zero(DOUBLES);
        DoubleVector high = DoubleVector.zero(DOUBLES);
        int i = 0;
        for (; i + lanes <= n; i += lanes) {
            FloatVector v = FloatVector.fromArray(FLOATS, x, offset + i);
            most = most.max(v.abs());
            DoubleVector a = (DoubleVector) v.convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector b = (DoubleVector) v.convertShape(VectorOperators.F2D, DOUBLES, 1);
            low = a.fma(a, low);
            high = b.fma(b, high);
        }
        float peak = most.reduceLanes(VectorOperators.MAX);
        long clipped = 0;
        if (peak >= 1f) {
            for (int j = offset, end = offset + i; j < end; j++) {
                if (Math.abs(x[j]) >= 1f) {
                    clipped++;
                }
            }
        }
        out[0] = low.add(high).reduceLanes(VectorOperators.ADD);
        out[1] = clipped;
        out[2] = peak;
        return i;
    }
}
