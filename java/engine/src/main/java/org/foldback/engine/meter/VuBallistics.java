package org.foldback.engine.meter;

/**
 * VU ballistics after IEC 60268-17: the full-wave rectified signal drives a second-order low-pass
 * (the needle as a damped mass-spring), whose step response reaches 99 % of the steady reading in
 * 300 ms with an overshoot of 1.5 % (the standard allows 1 % to 1.5 %). Damping ratio
 * {@link #DAMPING}; the natural frequency follows from the 300 ms rise and is solved once from
 * the analog step response. Discretised by the bilinear transform with pre-warping.
 *
 * <p>The reading is calibrated so a steady sine reads its peak level in dBFS: a sine of peak
 * -18 dBFS reads 0 VU against the EBU R68 reference. The average of |sin| is 2/pi of its peak,
 * hence the scale factor pi/2.
 *
 * <p>Holds both channels of a stereo bus and runs them in one loop (independent recursions overlap).
 */
final class VuBallistics {
    static final double DAMPING = 0.80;
    static final double RISE_SECONDS = 0.300;
    static final double RISE_FRACTION = 0.99;
    static final double SINE_CALIBRATION = Math.PI / 2.0;
    /** omega_n * t at which the analog step response first reaches 99 %. */
    static final double RISE_OMEGA_T = solveRise();

    private double b0, b1, b2, a1, a2;
    private double lz1, lz2, rz1, rz2;
    private final double[] output = new double[2];

    void prepare(double fs) {
        double wn = RISE_OMEGA_T / RISE_SECONDS;
        double c = wn / Math.tan(wn / (2.0 * fs)); // pre-warped bilinear constant
        double a0 = c * c + 2.0 * DAMPING * wn * c + wn * wn;
        b0 = wn * wn / a0;
        b1 = 2.0 * b0;
        b2 = b0;
        a1 = 2.0 * (wn * wn - c * c) / a0;
        a2 = (c * c - 2.0 * DAMPING * wn * c + wn * wn) / a0;
        reset();
    }

    void reset() {
        lz1 = lz2 = rz1 = rz2 = 0;
        output[0] = output[1] = 0;
    }

    void process(float[] left, float[] right, int offset, int n) {
        double l1 = lz1, l2 = lz2, r1 = rz1, r2 = rz2, ly = output[0], ry = output[1];
        for (int i = offset, end = offset + n; i < end; i++) {
            double l = Math.abs(left[i]), r = Math.abs(right[i]);
            ly = b0 * l + l1;
            ry = b0 * r + r1;
            l1 = b1 * l - a1 * ly + l2;
            r1 = b1 * r - a1 * ry + r2;
            l2 = b2 * l - a2 * ly;
            r2 = b2 * r - a2 * ry;
        }
        lz1 = KWeighting.flush(l1);
        lz2 = KWeighting.flush(l2);
        rz1 = KWeighting.flush(r1);
        rz2 = KWeighting.flush(r2);
        output[0] = KWeighting.flush(ly);
        output[1] = KWeighting.flush(ry);
    }

    /** The needle position of a channel as a sine-calibrated level in dBFS (not yet relative to a reference). */
    double levelDbfs(int channel) {
        return levelDbfs(output[channel]);
    }

    /** {@link #levelDbfs(int)} of a needle position {@code output} (linear, rectified average). */
    static double levelDbfs(double output) {
        return Levels.toDb(Math.max(0.0, output) * SINE_CALIBRATION);
    }

    /** The needle position in linear units of the rectified average (for tests). */
    double output(int channel) {
        return output[channel];
    }

    /** Step response of the analog prototype at omega_n * t = u. */
    static double stepResponse(double u) {
        double z = DAMPING, wd = Math.sqrt(1.0 - z * z);
        return 1.0 - Math.exp(-z * u) * (Math.cos(wd * u) + z / wd * Math.sin(wd * u));
    }

    private static double solveRise() {
        double lo = 0, hi = 0;
        while (stepResponse(hi) < RISE_FRACTION) {
            hi += 0.01;
        }
        lo = hi - 0.01;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (stepResponse(mid) < RISE_FRACTION) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }
}
