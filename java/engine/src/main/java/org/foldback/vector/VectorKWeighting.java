package org.foldback.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.foldback.engine.simd.KWeightingKernel;

/**
 * {@link KWeightingKernel} with the Vector API: the plain filter's transposed direct form II, each
 * operation lane-wise on a vector of buses; two sections (the K-weighting) or three (the A-weighting). Each sample's lanes are gathered from the buses' rows,
 * one gather for both channels.
 * Loaded only when {@link org.foldback.engine.simd.Simd} is on.
 */
public final class VectorKWeighting implements KWeightingKernel {
    /**
     * The preferred shape for both, as every other kernel: a float vector holds a sample of each
     * bus's left and right channels, which widen into two double vectors. (A half-width float
     * species here shared FloatVector's profiled call sites with the mix kernels' full-width one,
     * and JDK 17's C2 then left a mix kernel's store unintrinsified, allocating.)
     */
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> S = VectorSpecies.of(double.class, F.vectorShape());
    /** Below this a state is flushed to 0, as KWeighting.flush does: subnormals are slow. */
    private static final double TINY = 1e-30;

    /** Float lane j < lanes reads bus first + j's left row, lane lanes + j its right row. */
    private final int[] map;
    private final int chunk;

    public VectorKWeighting(int chunk) {
        if (F.length() != 2 * S.length()) {
            throw new IllegalStateException("float lanes " + F.length() + " are not twice the double lanes " + S.length());
        }
        this.chunk = chunk;
        int lanes = S.length();
        map = new int[F.length()];
        for (int j = 0; j < lanes; j++) {
            map[j] = 2 * j * chunk;
            map[lanes + j] = (2 * j + 1) * chunk;
        }
    }

    @Override
    public int lanes() {
        return S.length();
    }

    @Override
    public void filter(double[] co, float[] rows, int stride, int first, int n,
                       double[] state, double[] squares, double[] totals) {
        if (co.length == 15) {
            three(co, rows, stride, first, n, state, squares, totals);
        } else {
            two(co, rows, stride, first, n, state, squares, totals);
        }
    }

    /** The K-weighting: two sections. */
    private void two(double[] co, float[] rows, int stride, int first, int n,
                     double[] state, double[] squares, double[] totals) {
        final double b0 = co[0], b1 = co[1], b2 = co[2], a1 = co[3], a2 = co[4];
        final double c0 = co[5], c1 = co[6], c2 = co[7], d1 = co[8], d2 = co[9];
        final int[] lanesAt = map;
        final int row = 2 * first * chunk;
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
            FloatVector both = FloatVector.fromArray(F, rows, row + i, lanesAt, 0);
            DoubleVector l = (DoubleVector) both.convertShape(VectorOperators.F2D, S, 0);
            DoubleVector r = (DoubleVector) both.convertShape(VectorOperators.F2D, S, 1);
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

    /**
     * The A-weighting: three sections, as AWeighting.sumOfSquares, operation for operation. States
     * 0-5 are the left channel's z1, z2 of each section, 6-11 the right's.
     */
    private void three(double[] co, float[] rows, int stride, int first, int n,
                       double[] state, double[] squares, double[] totals) {
        final double p0 = co[0], p1 = co[1], p2 = co[2], pa1 = co[3], pa2 = co[4];
        final double q0 = co[5], q1 = co[6], q2 = co[7], qa1 = co[8], qa2 = co[9];
        final double u0 = co[10], u1 = co[11], u2 = co[12], ua1 = co[13], ua2 = co[14];
        final int[] lanesAt = map;
        final int row = 2 * first * chunk;
        DoubleVector l1 = DoubleVector.fromArray(S, state, first);
        DoubleVector l2 = DoubleVector.fromArray(S, state, stride + first);
        DoubleVector l3 = DoubleVector.fromArray(S, state, 2 * stride + first);
        DoubleVector l4 = DoubleVector.fromArray(S, state, 3 * stride + first);
        DoubleVector l5 = DoubleVector.fromArray(S, state, 4 * stride + first);
        DoubleVector l6 = DoubleVector.fromArray(S, state, 5 * stride + first);
        DoubleVector r1 = DoubleVector.fromArray(S, state, 6 * stride + first);
        DoubleVector r2 = DoubleVector.fromArray(S, state, 7 * stride + first);
        DoubleVector r3 = DoubleVector.fromArray(S, state, 8 * stride + first);
        DoubleVector r4 = DoubleVector.fromArray(S, state, 9 * stride + first);
        DoubleVector r5 = DoubleVector.fromArray(S, state, 10 * stride + first);
        DoubleVector r6 = DoubleVector.fromArray(S, state, 11 * stride + first);
        DoubleVector sum = DoubleVector.zero(S);
        for (int i = 0, at = first; i < n; i++, at += stride) {
            FloatVector both = FloatVector.fromArray(F, rows, row + i, lanesAt, 0);
            DoubleVector xl = (DoubleVector) both.convertShape(VectorOperators.F2D, S, 0);
            DoubleVector xr = (DoubleVector) both.convertShape(VectorOperators.F2D, S, 1);
            DoubleVector yl = xl.mul(p0).add(l1);
            DoubleVector yr = xr.mul(p0).add(r1);
            l1 = xl.mul(p1).sub(yl.mul(pa1)).add(l2);
            r1 = xr.mul(p1).sub(yr.mul(pa1)).add(r2);
            l2 = xl.mul(p2).sub(yl.mul(pa2));
            r2 = xr.mul(p2).sub(yr.mul(pa2));
            DoubleVector zl = yl.mul(q0).add(l3);
            DoubleVector zr = yr.mul(q0).add(r3);
            l3 = yl.mul(q1).sub(zl.mul(qa1)).add(l4);
            r3 = yr.mul(q1).sub(zr.mul(qa1)).add(r4);
            l4 = yl.mul(q2).sub(zl.mul(qa2));
            r4 = yr.mul(q2).sub(zr.mul(qa2));
            DoubleVector vl = zl.mul(u0).add(l5);
            DoubleVector vr = zr.mul(u0).add(r5);
            l5 = zl.mul(u1).sub(vl.mul(ua1)).add(l6);
            r5 = zr.mul(u1).sub(vr.mul(ua1)).add(r6);
            l6 = zl.mul(u2).sub(vl.mul(ua2));
            r6 = zr.mul(u2).sub(vr.mul(ua2));
            DoubleVector sq = vl.mul(vl).add(vr.mul(vr));
            sq.intoArray(squares, at);
            sum = sum.add(sq);
        }
        sum.intoArray(totals, first);
        l1.blend(0.0, l1.abs().lt(TINY)).intoArray(state, first);
        l2.blend(0.0, l2.abs().lt(TINY)).intoArray(state, stride + first);
        l3.blend(0.0, l3.abs().lt(TINY)).intoArray(state, 2 * stride + first);
        l4.blend(0.0, l4.abs().lt(TINY)).intoArray(state, 3 * stride + first);
        l5.blend(0.0, l5.abs().lt(TINY)).intoArray(state, 4 * stride + first);
        l6.blend(0.0, l6.abs().lt(TINY)).intoArray(state, 5 * stride + first);
        r1.blend(0.0, r1.abs().lt(TINY)).intoArray(state, 6 * stride + first);
        r2.blend(0.0, r2.abs().lt(TINY)).intoArray(state, 7 * stride + first);
        r3.blend(0.0, r3.abs().lt(TINY)).intoArray(state, 8 * stride + first);
        r4.blend(0.0, r4.abs().lt(TINY)).intoArray(state, 9 * stride + first);
        r5.blend(0.0, r5.abs().lt(TINY)).intoArray(state, 10 * stride + first);
        r6.blend(0.0, r6.abs().lt(TINY)).intoArray(state, 11 * stride + first);
    }
}
