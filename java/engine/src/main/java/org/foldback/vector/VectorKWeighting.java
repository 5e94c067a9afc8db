package org.foldback.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.foldback.engine.simd.KWeightingKernel;

/**
 * {@link KWeightingKernel} with the Vector API: the plain filter's transposed direct form II, each
 * operation lane-wise on a vector of buses. Each sample's lanes are gathered from the buses' rows
 * (the gathers sit off the filter's chain of dependent operations, so they cost next to nothing).
 * Loaded only when {@link org.foldback.engine.simd.Simd} is on.
 */
public final class VectorKWeighting implements KWeightingKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    /** As many floats as S has doubles, to widen into one S. */
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class, VectorShape.forBitSize(S.vectorBitSize() / 2));
    /** Below this a state is flushed to 0, as KWeighting.flush does: subnormals are slow. */
    private static final double TINY = 1e-30;

    /** Lane j reads bus first + j: its row starts j chunks further on. */
    private final int[] rows;
    private final int chunk;

    public VectorKWeighting(int chunk) {
        this.chunk = chunk;
        rows = new int[S.length()];
        for (int j = 0; j < rows.length; j++) {
            rows[j] = j * chunk;
        }
    }

    @Override
    public int lanes() {
        return S.length();
    }

    @Override
    public void filter(double[] co, float[] left, float[] right, int stride, int first, int n,
                       double[] state, double[] squares, double[] totals) {
        final double b0 = co[0], b1 = co[1], b2 = co[2], a1 = co[3], a2 = co[4];
        final double c0 = co[5], c1 = co[6], c2 = co[7], d1 = co[8], d2 = co[9];
        final int[] map = rows;
        final int row = first * chunk;
        DoubleVector lz1 = DoubleVector.fromArray(S, state, first);
        DoubleVector lz2 = DoubleVector.fromArray(S, state, stride + first);
        DoubleVector lw1 = DoubleVector.fromArray(S, state, 2 * stride + first);
        DoubleVector lw2 = DoubleVector.fromArray(S, state, 3 * stride + first);
        DoubleVector rz1 = DoubleVector.fromArray(S, state, 4 * stride + first);
        DoubleVector rz2 = DoubleVector.fromArray(S, state, 5 * stride + first);
        DoubleVector rw1 = DoubleVector.fromArray(S, state, 6 * stride + first);
        DoubleVector rw2 = DoubleVector.fromArray(S, state, 7 * stride + first);
        DoubleVector sum = DoubleVector.zero(S);
        for (int i = 0, at = first; i < n; i++, at += stride) {
            DoubleVector l = (DoubleVector) FloatVector.fromArray(F, left, row + i, map, 0).convertShape(VectorOperators.F2D, S, 0);
            DoubleVector r = (DoubleVector) FloatVector.fromArray(F, right, row + i, map, 0).convertShape(VectorOperators.F2D, S, 0);
            // As KWeighting.sumOfSquares, operation for operation (b1 * l - a1 * ly + lz2 is
            // (b1 * l - a1 * ly) + lz2 in Java), so the lanes keep the plain form's bits.
            DoubleVector ly = l.mul(b0).add(lz1);
            DoubleVector ry = r.mul(b0).add(rz1);
            lz1 = l.mul(b1).sub(ly.mul(a1)).add(lz2);
            rz1 = r.mul(b1).sub(ry.mul(a1)).add(rz2);
            lz2 = l.mul(b2).sub(ly.mul(a2));
            rz2 = r.mul(b2).sub(ry.mul(a2));
            DoubleVector lk = ly.mul(c0).add(lw1);
            DoubleVector rk = ry.mul(c0).add(rw1);
            lw1 = ly.mul(c1).sub(lk.mul(d1)).add(lw2);
            rw1 = ry.mul(c1).sub(rk.mul(d1)).add(rw2);
            lw2 = ly.mul(c2).sub(lk.mul(d2));
            rw2 = ry.mul(c2).sub(rk.mul(d2));
            DoubleVector sq = lk.mul(lk).add(rk.mul(rk));
            sq.intoArray(squares, at);
            sum = sum.add(sq);
        }
        sum.intoArray(totals, first);
        lz1.blend(0.0, lz1.abs().lt(TINY)).intoArray(state, first);
        lz2.blend(0.0, lz2.abs().lt(TINY)).intoArray(state, stride + first);
        lw1.blend(0.0, lw1.abs().lt(TINY)).intoArray(state, 2 * stride + first);
        lw2.blend(0.0, lw2.abs().lt(TINY)).intoArray(state, 3 * stride + first);
        rz1.blend(0.0, rz1.abs().lt(TINY)).intoArray(state, 4 * stride + first);
        rz2.blend(0.0, rz2.abs().lt(TINY)).intoArray(state, 5 * stride + first);
        rw1.blend(0.0, rw1.abs().lt(TINY)).intoArray(state, 6 * stride + first);
        rw2.blend(0.0, rw2.abs().lt(TINY)).intoArray(state, 7 * stride + first);
    }
}
