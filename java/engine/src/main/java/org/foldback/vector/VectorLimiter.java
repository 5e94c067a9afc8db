package org.foldback.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.foldback.engine.dsp.Denormals;
import org.foldback.engine.simd.LimiterKernel;

/** {@link LimiterKernel} with the Vector API; loaded only when {@link org.foldback.engine.simd.Simd} is on. */
public final class VectorLimiter implements LimiterKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    @Override
    public int needs(float[] left, float[] right, int from, int to, float c0, float dc, float[] ramp, float[] need) {
        int i = from;
        for (int end = from + S.loopBound(to - from); i < end; i += S.length()) {
            FloatVector c = FloatVector.fromArray(S, ramp, i).mul(dc).add(c0);
            FloatVector peak = FloatVector.fromArray(S, left, i).abs().max(FloatVector.fromArray(S, right, i).abs());
            FloatVector one = FloatVector.broadcast(S, 1f);
            one.blend(c.div(peak), peak.compare(VectorOperators.GT, c)).intoArray(need, i - from);
        }
        return i;
    }

    @Override
    public int apply(float[] left, float[] right, int from, int to, float c0, float dc, float w0, float dw,
                     float[] ramp, float[] gain) {
        int i = from;
        for (int end = from + S.loopBound(to - from); i < end; i += S.length()) {
            FloatVector t = FloatVector.fromArray(S, ramp, i);
            FloatVector c = t.mul(dc).add(c0);
            FloatVector negC = c.neg();
            FloatVector g = FloatVector.fromArray(S, gain, i - from);
            FloatVector w = t.mul(dw).add(w0);
            VectorMask<Float> blend = w.compare(VectorOperators.NE, 1f);
            // Both channels written out here, not in a helper: a vector passed to a method C2 does
            // not inline is boxed, i.e. allocated on the audio thread.
            FloatVector l = FloatVector.fromArray(S, left, i);
            FloatVector yl = negC.max(c.min(l.mul(g)));
            yl = yl.blend(l.add(w.mul(yl.sub(l))), blend);
            yl.blend(0f, yl.abs().compare(VectorOperators.LT, Denormals.OUTPUT_FLOOR)).intoArray(left, i);
            FloatVector r = FloatVector.fromArray(S, right, i);
            FloatVector yr = negC.max(c.min(r.mul(g)));
            yr = yr.blend(r.add(w.mul(yr.sub(r))), blend);
            yr.blend(0f, yr.abs().compare(VectorOperators.LT, Denormals.OUTPUT_FLOOR)).intoArray(right, i);
        }
        return i;
    }
}
