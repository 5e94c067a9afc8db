package org.foldback.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.foldback.engine.simd.EarKernel;

/**
 * {@link EarKernel} with the Vector API: the tone's cascade of three direct-form-I biquads, the
 * rounding to float, then the crossfeed's four one-poles, each operation lane-wise on a vector of
 * cues. Each sample's lanes are gathered from the cues' rows, one gather for both channels, as the
 * K-weighting's ({@link VectorKWeighting}); the results are stored whole per sample, in double.
 * Loaded only when {@link org.foldback.engine.simd.Simd} is on.
 */
public final class VectorEar implements EarKernel {
    /** The preferred shapes, as every kernel (see VectorKWeighting for why not a half-width float). */
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> S = VectorSpecies.of(double.class, F.vectorShape());

    /** Float lane j < lanes reads cue first + j's left row, lane lanes + j its right row. */
    private final int[] map;
    private final int chunk;

    public VectorEar(int chunk) {
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

    /**
     * One method for the whole loop, every vector local: a vector passed to a method C2 does not
     * inline is boxed, i.e. allocated on the audio thread.
     */
    @Override
    public void shape(double[] tone, double[] feed, boolean[] toneOn, boolean[] feedOn, double[] state,
                      float[] rows, int stride, int first, int n, double[] out) {
        final int[] lanesAt = map;
        final int row = 2 * first * chunk;
        final int st = stride;
        VectorMask<Double> toned = VectorMask.fromArray(S, toneOn, first);
        VectorMask<Double> fed = VectorMask.fromArray(S, feedOn, first);
        // Low shelf (p), high shelf (q), high-pass (u): ToneControl's cascade order.
        DoubleVector p0 = DoubleVector.fromArray(S, tone, first);
        DoubleVector p1 = DoubleVector.fromArray(S, tone, st + first);
        DoubleVector p2 = DoubleVector.fromArray(S, tone, 2 * st + first);
        DoubleVector pa1 = DoubleVector.fromArray(S, tone, 3 * st + first);
        DoubleVector pa2 = DoubleVector.fromArray(S, tone, 4 * st + first);
        DoubleVector q0 = DoubleVector.fromArray(S, tone, 5 * st + first);
        DoubleVector q1 = DoubleVector.fromArray(S, tone, 6 * st + first);
        DoubleVector q2 = DoubleVector.fromArray(S, tone, 7 * st + first);
        DoubleVector qa1 = DoubleVector.fromArray(S, tone, 8 * st + first);
        DoubleVector qa2 = DoubleVector.fromArray(S, tone, 9 * st + first);
        DoubleVector u0 = DoubleVector.fromArray(S, tone, 10 * st + first);
        DoubleVector u1 = DoubleVector.fromArray(S, tone, 11 * st + first);
        DoubleVector u2 = DoubleVector.fromArray(S, tone, 12 * st + first);
        DoubleVector ua1 = DoubleVector.fromArray(S, tone, 13 * st + first);
        DoubleVector ua2 = DoubleVector.fromArray(S, tone, 14 * st + first);
        DoubleVector gLo = DoubleVector.fromArray(S, feed, first);
        DoubleVector gHi = DoubleVector.fromArray(S, feed, st + first);
        DoubleVector pLo = DoubleVector.fromArray(S, feed, 2 * st + first);
        DoubleVector pHi = DoubleVector.fromArray(S, feed, 3 * st + first);
        DoubleVector gain = DoubleVector.fromArray(S, feed, 4 * st + first);
        // Crossfeed.run computes 1 - pole each sample: the same value every time.
        DoubleVector passLo = DoubleVector.broadcast(S, 1.0).sub(pLo);
        DoubleVector passHi = DoubleVector.broadcast(S, 1.0).sub(pHi);

        DoubleVector plx1 = DoubleVector.fromArray(S, state, first);
        DoubleVector plx2 = DoubleVector.fromArray(S, state, st + first);
        DoubleVector ply1 = DoubleVector.fromArray(S, state, 2 * st + first);
        DoubleVector ply2 = DoubleVector.fromArray(S, state, 3 * st + first);
        DoubleVector qly1 = DoubleVector.fromArray(S, state, 4 * st + first);
        DoubleVector qly2 = DoubleVector.fromArray(S, state, 5 * st + first);
        DoubleVector uly1 = DoubleVector.fromArray(S, state, 6 * st + first);
        DoubleVector uly2 = DoubleVector.fromArray(S, state, 7 * st + first);
        DoubleVector prx1 = DoubleVector.fromArray(S, state, 8 * st + first);
        DoubleVector prx2 = DoubleVector.fromArray(S, state, 9 * st + first);
        DoubleVector pry1 = DoubleVector.fromArray(S, state, 10 * st + first);
        DoubleVector pry2 = DoubleVector.fromArray(S, state, 11 * st + first);
        DoubleVector qry1 = DoubleVector.fromArray(S, state, 12 * st + first);
        DoubleVector qry2 = DoubleVector.fromArray(S, state, 13 * st + first);
        DoubleVector ury1 = DoubleVector.fromArray(S, state, 14 * st + first);
        DoubleVector ury2 = DoubleVector.fromArray(S, state, 15 * st + first);
        DoubleVector cl = DoubleVector.fromArray(S, state, 16 * st + first);
        DoubleVector cr = DoubleVector.fromArray(S, state, 17 * st + first);
        DoubleVector dl = DoubleVector.fromArray(S, state, 18 * st + first);
        DoubleVector dr = DoubleVector.fromArray(S, state, 19 * st + first);

        for (int i = 0, at = first; i < n; i++, at += 2 * st) {
            FloatVector both = FloatVector.fromArray(F, rows, row + i, lanesAt, 0);
            DoubleVector l = (DoubleVector) both.convertShape(VectorOperators.F2D, S, 0);
            DoubleVector r = (DoubleVector) both.convertShape(VectorOperators.F2D, S, 1);
            // Biquad.cascade, operation for operation: ((((b0·x + b1·x1) + b2·x2) - a1·y1) - a2·y2).
            DoubleVector al = l.mul(p0).add(plx1.mul(p1)).add(plx2.mul(p2)).sub(ply1.mul(pa1)).sub(ply2.mul(pa2));
            DoubleVector ar = r.mul(p0).add(prx1.mul(p1)).add(prx2.mul(p2)).sub(pry1.mul(pa1)).sub(pry2.mul(pa2));
            DoubleVector bl = al.mul(q0).add(ply1.mul(q1)).add(ply2.mul(q2)).sub(qly1.mul(qa1)).sub(qly2.mul(qa2));
            DoubleVector br = ar.mul(q0).add(pry1.mul(q1)).add(pry2.mul(q2)).sub(qry1.mul(qa1)).sub(qry2.mul(qa2));
            DoubleVector tl = bl.mul(u0).add(qly1.mul(u1)).add(qly2.mul(u2)).sub(uly1.mul(ua1)).sub(uly2.mul(ua2));
            DoubleVector tr = br.mul(u0).add(qry1.mul(u1)).add(qry2.mul(u2)).sub(ury1.mul(ua1)).sub(ury2.mul(ua2));
            plx2 = plx1;
            plx1 = l;
            prx2 = prx1;
            prx1 = r;
            ply2 = ply1;
            ply1 = al;
            pry2 = pry1;
            pry1 = ar;
            qly2 = qly1;
            qly1 = bl;
            qry2 = qry1;
            qry1 = br;
            uly2 = uly1;
            uly1 = tl;
            ury2 = ury1;
            ury1 = tr;
            // The plain tone writes float into the bus, and the crossfeed reads it back.
            DoubleVector xl = (DoubleVector) tl.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, S, 0);
            DoubleVector xr = (DoubleVector) tr.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, S, 0);
            xl = l.blend(xl, toned);
            xr = r.blend(xr, toned);
            // Crossfeed.run with constant coefficients, operation for operation.
            cl = passLo.mul(xl).add(pLo.mul(cl));
            cr = passLo.mul(xr).add(pLo.mul(cr));
            dl = passHi.mul(xl).add(pHi.mul(dl));
            dr = passHi.mul(xr).add(pHi.mul(dr));
            DoubleVector yl = gain.mul(xl.sub(gHi.mul(dl)).add(gLo.mul(cr)));
            DoubleVector yr = gain.mul(xr.sub(gHi.mul(dr)).add(gLo.mul(cl)));
            xl.blend(yl, fed).intoArray(out, at);
            xr.blend(yr, fed).intoArray(out, at + st);
        }
        plx1.intoArray(state, first);
        plx2.intoArray(state, st + first);
        ply1.intoArray(state, 2 * st + first);
        ply2.intoArray(state, 3 * st + first);
        qly1.intoArray(state, 4 * st + first);
        qly2.intoArray(state, 5 * st + first);
        uly1.intoArray(state, 6 * st + first);
        uly2.intoArray(state, 7 * st + first);
        prx1.intoArray(state, 8 * st + first);
        prx2.intoArray(state, 9 * st + first);
        pry1.intoArray(state, 10 * st + first);
        pry2.intoArray(state, 11 * st + first);
        qry1.intoArray(state, 12 * st + first);
        qry2.intoArray(state, 13 * st + first);
        ury1.intoArray(state, 14 * st + first);
        ury2.intoArray(state, 15 * st + first);
        cl.intoArray(state, 16 * st + first);
        cr.intoArray(state, 17 * st + first);
        dl.intoArray(state, 18 * st + first);
        dr.intoArray(state, 19 * st + first);
    }
}
