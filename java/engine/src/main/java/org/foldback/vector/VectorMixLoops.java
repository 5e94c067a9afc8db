package org.foldback.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.foldback.engine.simd.MixKernel;

/** {@link MixKernel} with the Vector API; loaded only when {@link org.foldback.engine.simd.Simd} is on. */
public final class VectorMixLoops implements MixKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    @Override
    public int addDiagonal(float[] xl, float[] xr, float[] al, float[] ar, int n, float kll, float krr) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            FloatVector.fromArray(S, xl, i).mul(kll).add(FloatVector.fromArray(S, al, i)).intoArray(al, i);
            FloatVector.fromArray(S, xr, i).mul(krr).add(FloatVector.fromArray(S, ar, i)).intoArray(ar, i);
        }
        return i;
    }

    @Override
    public int addMatrix(float[] xl, float[] xr, float[] al, float[] ar, int n, float kll, float krl, float klr, float krr) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            FloatVector l = FloatVector.fromArray(S, xl, i), r = FloatVector.fromArray(S, xr, i);
            FloatVector.fromArray(S, al, i).add(l.mul(kll).add(r.mul(krl))).intoArray(al, i);
            FloatVector.fromArray(S, ar, i).add(l.mul(klr).add(r.mul(krr))).intoArray(ar, i);
        }
        return i;
    }

    @Override
    public int addMono(float[] m, float[] al, float[] ar, int n, float kl, float kr) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, m, i);
            FloatVector.fromArray(S, al, i).add(v.mul(kl)).intoArray(al, i);
            FloatVector.fromArray(S, ar, i).add(v.mul(kr)).intoArray(ar, i);
        }
        return i;
    }

    @Override
    public int applyDiagonal(float[] xl, float[] xr, float[] yl, float[] yr, int n, float m00, float m11) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            FloatVector.fromArray(S, xl, i).mul(m00).intoArray(yl, i);
            FloatVector.fromArray(S, xr, i).mul(m11).intoArray(yr, i);
        }
        return i;
    }

    @Override
    public int applyMatrix(float[] xl, float[] xr, float[] yl, float[] yr, int n, float m00, float m01, float m10, float m11) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            FloatVector l = FloatVector.fromArray(S, xl, i), r = FloatVector.fromArray(S, xr, i);
            l.mul(m00).add(r.mul(m01)).intoArray(yl, i);
            l.mul(m10).add(r.mul(m11)).intoArray(yr, i);
        }
        return i;
    }

    @Override
    public int addScaled(float[] xl, float[] xr, float[] al, float[] ar, int n, float g) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            FloatVector.fromArray(S, al, i).add(FloatVector.fromArray(S, xl, i).mul(g)).intoArray(al, i);
            FloatVector.fromArray(S, ar, i).add(FloatVector.fromArray(S, xr, i).mul(g)).intoArray(ar, i);
        }
        return i;
    }
}
