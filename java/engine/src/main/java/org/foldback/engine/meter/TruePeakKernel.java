package org.foldback.engine.meter;

import org.foldback.engine.simd.Simd;

/**
 * The arithmetic of {@link TruePeakInterpolator}: the largest absolute value of the interpolated
 * phases 1..3 over a stretch of the delay line. Two forms, chosen once per JVM ({@link Simd}):
 * plain loops ({@link ScalarTruePeak}) or the Vector API ({@link VectorTruePeak}).
 */
interface TruePeakKernel {
    /**
     * The largest |y_p[i]| for p = 1..3 and i in [0, m), where y_p[i] = sum over k of
     * phases[p][k] * line[history + i - k]. Stateless: {@code scratch} (at least m floats) is the
     * caller's, so one kernel serves every instance on every thread.
     */
    float interpolatedPeak(float[] line, int history, int m, float[] scratch);

    /** The kernel for this JVM. */
    static TruePeakKernel choose(float[][] phases) {
        if (Simd.on()) {
            // Named by string so the vector class (and the incubator module) is only loaded here.
            try {
                return (TruePeakKernel) Class.forName("org.foldback.engine.meter.VectorTruePeak")
                        .getDeclaredConstructor(float[][].class).newInstance((Object) phases);
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new IllegalStateException("vector true-peak kernel: " + e, e);
            }
        }
        return new ScalarTruePeak(phases);
    }
}
