package org.foldback.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.foldback.engine.meter.TruePeakInterpolator;
import org.foldback.engine.simd.TruePeakKernel;

/**
 * {@link TruePeakKernel} with the Vector API: a vector of consecutive outputs at a time, each tap a
 * fused multiply-add of the shifted input (the FIR in axpy form), the three phases sharing the
 * input loads, and one running maximum of their absolute values. Loaded only when {@link org.foldback.engine.simd.Simd}
 * is on.
 */
public final class VectorTruePeak implements TruePeakKernel {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private final float[] c1;
    private final float[] c2;
    private final float[] c3;
    public VectorTruePeak(float[][] phases) {
        if (phases.length != 4 || phases[1].length != TruePeakInterpolator.TAPS) {
            throw new IllegalArgumentException("expects 4 phases of " + TruePeakInterpolator.TAPS + " taps");
        }
        c1 = phases[1].clone();
        c2 = phases[2].clone();
        c3 = phases[3].clone();
    }

    @Override
    public int covered(int m) {
        return SPECIES.loopBound(m);
    }

    @Override
    public float interpolatedPeak(float[] ln, int history, int m) {
        final int lanes = SPECIES.length();
        final float[] a = c1, b = c2, c = c3;
        FloatVector peak = FloatVector.zero(SPECIES);
        int i = 0;
        for (; i + lanes <= m; i += lanes) {
            int j = history + i;
            FloatVector x = FloatVector.fromArray(SPECIES, ln, j);
            FloatVector y1 = x.mul(a[0]);
            FloatVector y2 = x.mul(b[0]);
            FloatVector y3 = x.mul(c[0]);
            for (int k = 1; k < TruePeakInterpolator.TAPS; k++) {
                x = FloatVector.fromArray(SPECIES, ln, j - k);
                y1 = x.fma(FloatVector.broadcast(SPECIES, a[k]), y1);
                y2 = x.fma(FloatVector.broadcast(SPECIES, b[k]), y2);
                y3 = x.fma(FloatVector.broadcast(SPECIES, c[k]), y3);
            }
            peak = peak.max(y1.abs()).max(y2.abs()).max(y3.abs());
        }
        return peak.reduceLanes(VectorOperators.MAX);
    }
}
