package org.foldback.engine.meter;

/**
 * The K-weighting of ITU-R BS.1770-4: a high-shelf "pre-filter" (stage 1, head effects) followed by
 * the RLB high-pass (stage 2).
 *
 * <p>BS.1770 tabulates both stages for 48 kHz only. To serve any sample rate, each stage is
 * re-derived from its analog prototype through the bilinear transform, with the prototype
 * parameters (centre frequency, Q, shelf gain) that reproduce the 48 kHz table; the same approach
 * as libebur128 and Mansbridge et al. (AES 2012). The test checks the 48 kHz result against the
 * table.
 *
 * <p>Holds the state of both channels of a stereo bus and filters them in one loop: the two
 * recursions are independent, so the CPU overlaps their latency chains.
 */
public final class KWeighting {
    static final double SHELF_F0 = 1681.974450955533;
    static final double SHELF_GAIN_DB = 3.999843853973347;
    static final double SHELF_Q = 0.7071752369554196;
    static final double HIGHPASS_F0 = 38.13547087602444;
    static final double HIGHPASS_Q = 0.5003270373238773;

    /** Stage coefficients {b0, b1, b2, a1, a2} with a0 normalised to 1. */
    final double[] shelf;
    final double[] highpass;
    /** Per channel (left then right): shelf z1, z2, high-pass z1, z2. */
    private final double[] state = new double[8];

    public KWeighting(double sampleRate) {
        shelf = shelfCoefficients(sampleRate);
        highpass = highpassCoefficients(sampleRate);
    }

    static double[] shelfCoefficients(double fs) {
        double k = Math.tan(Math.PI * SHELF_F0 / fs);
        double vh = Math.pow(10.0, SHELF_GAIN_DB / 20.0);
        double vb = Math.pow(vh, 0.4996667741545416);
        double a0 = 1.0 + k / SHELF_Q + k * k;
        return new double[] {
            (vh + vb * k / SHELF_Q + k * k) / a0,
            2.0 * (k * k - vh) / a0,
            (vh - vb * k / SHELF_Q + k * k) / a0,
            2.0 * (k * k - 1.0) / a0,
            (1.0 - k / SHELF_Q + k * k) / a0,
        };
    }

    /**
     * The table's numerator is [1, -2, 1] without the 1/a0 of a textbook bilinear high-pass, so its
     * passband gain is a0 (+0.04 dB at 48 kHz), and BS.1770's -0.691 dB constant was set with that
     * gain. Scaling the numerator by a0(48 kHz)/a0(fs) keeps the passband gain of the table at
     * every rate (exactly [1, -2, 1] at 48 kHz).
     */
    static double[] highpassCoefficients(double fs) {
        double k = Math.tan(Math.PI * HIGHPASS_F0 / fs);
        double a0 = 1.0 + k / HIGHPASS_Q + k * k;
        double k48 = Math.tan(Math.PI * HIGHPASS_F0 / 48000.0);
        double g = (1.0 + k48 / HIGHPASS_Q + k48 * k48) / a0;
        return new double[] {
            g, -2.0 * g, g,
            2.0 * (k * k - 1.0) / a0,
            (1.0 - k / HIGHPASS_Q + k * k) / a0,
        };
    }

    public void reset() {
        java.util.Arrays.fill(state, 0.0);
    }

    /**
     * Whether every state is zero (they are flushed to +0 below 1e-30): zeros in then give zeros
     * out, squares of +0, and leave the state as it is, so a silent stretch may skip the filter.
     */
    boolean quiet() {
        for (double v : state) {
            if (v != 0.0) {
                return false;
            }
        }
        return true;
    }

    /** Hands this filter's state to lane {@code bus} of {@code lanes}, or takes it back ({@link WeightingLanes#handOver}). */
    void handOver(WeightingLanes lanes, int bus, boolean toLanes) {
        lanes.handOver(bus, state, toLanes);
    }

    /** Filters {@code n} samples of both channels; returns the sum of squares of both K-weighted channels. */
    public double sumOfSquares(float[] left, float[] right, int offset, int n) {
        final double b0 = shelf[0], b1 = shelf[1], b2 = shelf[2], a1 = shelf[3], a2 = shelf[4];
        final double c0 = highpass[0], c1 = highpass[1], c2 = highpass[2], d1 = highpass[3], d2 = highpass[4];
        final double[] s = state;
        double lz1 = s[0], lz2 = s[1], lw1 = s[2], lw2 = s[3];
        double rz1 = s[4], rz2 = s[5], rw1 = s[6], rw2 = s[7];
        double sum = 0;
        for (int i = offset, end = offset + n; i < end; i++) {
            double l = left[i], r = right[i];
            // Transposed direct form II, both stages, both channels.
            double ly = b0 * l + lz1;
            double ry = b0 * r + rz1;
            lz1 = b1 * l - a1 * ly + lz2;
            rz1 = b1 * r - a1 * ry + rz2;
            lz2 = b2 * l - a2 * ly;
            rz2 = b2 * r - a2 * ry;
            double lk = c0 * ly + lw1;
            double rk = c0 * ry + rw1;
            lw1 = c1 * ly - d1 * lk + lw2;
            rw1 = c1 * ry - d1 * rk + rw2;
            lw2 = c2 * ly - d2 * lk;
            rw2 = c2 * ry - d2 * rk;
            sum += lk * lk + rk * rk;
        }
        // Flush tiny states: Java cannot set the CPU's flush-to-zero mode, and subnormals are slow.
        s[0] = flush(lz1);
        s[1] = flush(lz2);
        s[2] = flush(lw1);
        s[3] = flush(lw2);
        s[4] = flush(rz1);
        s[5] = flush(rz2);
        s[6] = flush(rw1);
        s[7] = flush(rw2);
        return sum;
    }

    static double flush(double v) {
        return Math.abs(v) < 1e-30 ? 0.0 : v;
    }
}
