package org.foldback.engine.meter;

/**
 * The K-weighting of ITU-R BS.1770-4: a high-shelf "pre-filter" (stage 1, head effects) followed by
 * the RLB high-pass (stage 2), for one channel.
 *
 * <p>BS.1770 tabulates both stages for 48 kHz only. To serve any sample rate, each stage is
 * re-derived from its analog prototype through the bilinear transform, with the prototype
 * parameters (centre frequency, Q, shelf gain) that reproduce the 48 kHz table; the same approach
 * as libebur128 and Mansbridge et al. (AES 2012). The test checks the 48 kHz result against the
 * table.
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
    private double s1z1, s1z2, s2z1, s2z2;

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
        s1z1 = s1z2 = s2z1 = s2z2 = 0;
    }

    /** Filters {@code n} samples and returns the sum of squares of the K-weighted signal. */
    public double sumOfSquares(float[] x, int offset, int n) {
        final double b0 = shelf[0], b1 = shelf[1], b2 = shelf[2], a1 = shelf[3], a2 = shelf[4];
        final double c0 = highpass[0], c1 = highpass[1], c2 = highpass[2], d1 = highpass[3], d2 = highpass[4];
        double z1 = s1z1, z2 = s1z2, w1 = s2z1, w2 = s2z2;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double in = x[offset + i];
            // Transposed direct form II for both stages.
            double y = b0 * in + z1;
            z1 = b1 * in - a1 * y + z2;
            z2 = b2 * in - a2 * y;
            double z = c0 * y + w1;
            w1 = c1 * y - d1 * z + w2;
            w2 = c2 * y - d2 * z;
            sum += z * z;
        }
        // Flush tiny states: Java cannot set the CPU's flush-to-zero mode, and subnormals are slow.
        s1z1 = flush(z1);
        s1z2 = flush(z2);
        s2z1 = flush(w1);
        s2z2 = flush(w2);
        return sum;
    }

    static double flush(double v) {
        return Math.abs(v) < 1e-30 ? 0.0 : v;
    }
}
