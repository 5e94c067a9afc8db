package org.foldback.engine.dose;

import org.foldback.engine.meter.WeightingLanes;

/**
 * Frequency weighting A of IEC 61672-1:2013 (Annex E), for a stereo pair: the analog weighting
 * {@code A(s) = k·s^4 / ((s + ω1)^2 (s + ω2)(s + ω3)(s + ω4)^2)} with the standard's pole
 * frequencies f1 = 20.598997 Hz, f2 = 107.65265 Hz, f3 = 737.86223 Hz, f4 = 12194.217 Hz, taken to
 * the sample rate by the bilinear transform as three second-order sections
 * ({@code s^2/(s+ω1)^2}, {@code s^2/((s+ω2)(s+ω3))}, {@code 1/(s+ω4)^2}) and normalised to 0 dB at
 * 1 kHz. The bilinear transform's squeeze near Nyquist stays within the class-1 acceptance limits
 * (at 44.1 kHz: -1.5 dB at 10 kHz, limit -3.0; -3.5 dB at 12.5 kHz, limit -5.0), which the test
 * checks against the standard's table at 44.1, 48 and 96 kHz.
 */
public final class AWeighting {
    static final double F1 = 20.598997, F2 = 107.65265, F3 = 737.86223, F4 = 12194.217;

    /** Per section {b0, b1, b2, a1, a2}, a0 = 1; the overall gain is folded into the first. */
    final double[][] sections = new double[3][];
    /** Per channel (left then right), per section: transposed direct form II z1, z2. */
    private final double[] state = new double[12];

    public AWeighting(double fs) {
        double k = 2 * fs;
        double w1 = 2 * Math.PI * F1, w2 = 2 * Math.PI * F2, w3 = 2 * Math.PI * F3, w4 = 2 * Math.PI * F4;
        // s = k (1 - z^-1)/(1 + z^-1); each (s + w) becomes ((k + w) - (k - w) z^-1)/(1 + z^-1).
        sections[0] = section(k * k, -2 * k * k, k * k, k + w1, k - w1, k + w1, k - w1);
        sections[1] = section(k * k, -2 * k * k, k * k, k + w2, k - w2, k + w3, k - w3);
        sections[2] = section(1, 2, 1, k + w4, k - w4, k + w4, k - w4);
        double g = 1 / magnitude(1000, fs);
        for (int j = 0; j < 3; j++) {
            sections[0][j] *= g;
        }
    }

    /** (n0 + n1 z^-1 + n2 z^-2) / ((p - q z^-1)(r - t z^-1)), normalised to a0 = 1. */
    private static double[] section(double n0, double n1, double n2, double p, double q, double r, double t) {
        double a0 = p * r;
        return new double[] {n0 / a0, n1 / a0, n2 / a0, -(p * t + q * r) / a0, q * t / a0};
    }

    /** |H(e^jω)| of the cascade at {@code f}, from the coefficients. */
    double magnitude(double f, double fs) {
        double w = 2 * Math.PI * f / fs;
        double c1 = Math.cos(w), s1 = -Math.sin(w), c2 = Math.cos(2 * w), s2 = -Math.sin(2 * w);
        double m = 1;
        for (double[] c : sections) {
            double nr = c[0] + c[1] * c1 + c[2] * c2, ni = c[1] * s1 + c[2] * s2;
            double dr = 1 + c[3] * c1 + c[4] * c2, di = c[3] * s1 + c[4] * s2;
            m *= Math.sqrt((nr * nr + ni * ni) / (dr * dr + di * di));
        }
        return m;
    }

    public void reset() {
        java.util.Arrays.fill(state, 0.0);
    }

    /** Hands this filter's state to lane {@code cue} of {@code lanes}, or takes it back ({@link WeightingLanes#handOver}). */
    void handOver(WeightingLanes lanes, int cue, boolean toLanes) {
        lanes.handOver(cue, state, toLanes);
    }

    /** Weights {@code n} samples of both channels; returns the sum of squares of both weighted channels. */
    public double sumOfSquares(float[] left, float[] right, int offset, int n) {
        double sum = 0;
        final double[] s = state;
        double l1 = s[0], l2 = s[1], l3 = s[2], l4 = s[3], l5 = s[4], l6 = s[5];
        double r1 = s[6], r2 = s[7], r3 = s[8], r4 = s[9], r5 = s[10], r6 = s[11];
        final double[] p = sections[0], q = sections[1], u = sections[2];
        final double p0 = p[0], p1 = p[1], p2 = p[2], pa1 = p[3], pa2 = p[4];
        final double q0 = q[0], q1 = q[1], q2 = q[2], qa1 = q[3], qa2 = q[4];
        final double u0 = u[0], u1 = u[1], u2 = u[2], ua1 = u[3], ua2 = u[4];
        for (int i = offset, end = offset + n; i < end; i++) {
            double xl = left[i], xr = right[i];
            // Transposed direct form II, three sections, both channels interleaved for the CPU.
            double yl = p0 * xl + l1;
            double yr = p0 * xr + r1;
            l1 = p1 * xl - pa1 * yl + l2;
            r1 = p1 * xr - pa1 * yr + r2;
            l2 = p2 * xl - pa2 * yl;
            r2 = p2 * xr - pa2 * yr;
            double zl = q0 * yl + l3;
            double zr = q0 * yr + r3;
            l3 = q1 * yl - qa1 * zl + l4;
            r3 = q1 * yr - qa1 * zr + r4;
            l4 = q2 * yl - qa2 * zl;
            r4 = q2 * yr - qa2 * zr;
            double vl = u0 * zl + l5;
            double vr = u0 * zr + r5;
            l5 = u1 * zl - ua1 * vl + l6;
            r5 = u1 * zr - ua1 * vr + r6;
            l6 = u2 * zl - ua2 * vl;
            r6 = u2 * zr - ua2 * vr;
            sum += vl * vl + vr * vr;
        }
        // Java cannot set flush-to-zero: keep subnormals out of the recursions.
        s[0] = flush(l1);
        s[1] = flush(l2);
        s[2] = flush(l3);
        s[3] = flush(l4);
        s[4] = flush(l5);
        s[5] = flush(l6);
        s[6] = flush(r1);
        s[7] = flush(r2);
        s[8] = flush(r3);
        s[9] = flush(r4);
        s[10] = flush(r5);
        s[11] = flush(r6);
        return sum;
    }

    private static double flush(double v) {
        return Math.abs(v) < 1e-30 ? 0.0 : v;
    }
}
