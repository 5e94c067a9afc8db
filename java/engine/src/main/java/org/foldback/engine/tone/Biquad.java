package org.foldback.engine.tone;

/**
 * One second-order section for a stereo pair, designed with Robert Bristow-Johnson's "Cookbook
 * formulae for audio EQ biquad filter coefficients" (the Audio-EQ-Cookbook, W3C Audio WG note).
 *
 * <p>Direct form I in double: its state is the last two inputs and outputs, i.e. the signal itself,
 * so a coefficient change mid-stream never meets a state computed for other coefficients (direct
 * form II's internal states would). That is what lets {@link ToneControl} move coefficients while
 * audio plays, and lets an identity section be skipped and resumed without a click
 * ({@link #follow}).
 */
final class Biquad {
    /** b0, b1, b2, a1, a2, normalised by a0. */
    private double b0 = 1, b1, b2, a1, a2;
    /** Per channel x[n-1], x[n-2], y[n-1], y[n-2]; left then right. */
    private double lx1, lx2, ly1, ly2, rx1, rx2, ry1, ry2;

    /** Cookbook HPF: H(s) = s^2 / (s^2 + s/Q + 1). */
    void highPass(double f0, double q, double fs) {
        double w0 = 2 * Math.PI * f0 / fs;
        double cos = Math.cos(w0);
        double alpha = Math.sin(w0) / (2 * q);
        set((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    /** Cookbook lowShelf with shelf slope S: H(s) = A (s^2 + (√A/Q) s + A) / (A s^2 + (√A/Q) s + 1). */
    void lowShelf(double f0, double gainDb, double slope, double fs) {
        double a = Math.pow(10, gainDb / 40);
        double w0 = 2 * Math.PI * f0 / fs;
        double cos = Math.cos(w0);
        double twoSqrtAAlpha = 2 * Math.sqrt(a) * shelfAlpha(a, w0, slope);
        set(a * ((a + 1) - (a - 1) * cos + twoSqrtAAlpha),
                2 * a * ((a - 1) - (a + 1) * cos),
                a * ((a + 1) - (a - 1) * cos - twoSqrtAAlpha),
                (a + 1) + (a - 1) * cos + twoSqrtAAlpha,
                -2 * ((a - 1) + (a + 1) * cos),
                (a + 1) + (a - 1) * cos - twoSqrtAAlpha);
    }

    /** Cookbook highShelf with shelf slope S: H(s) = A (A s^2 + (√A/Q) s + 1) / (s^2 + (√A/Q) s + A). */
    void highShelf(double f0, double gainDb, double slope, double fs) {
        double a = Math.pow(10, gainDb / 40);
        double w0 = 2 * Math.PI * f0 / fs;
        double cos = Math.cos(w0);
        double twoSqrtAAlpha = 2 * Math.sqrt(a) * shelfAlpha(a, w0, slope);
        set(a * ((a + 1) + (a - 1) * cos + twoSqrtAAlpha),
                -2 * a * ((a - 1) + (a + 1) * cos),
                a * ((a + 1) + (a - 1) * cos - twoSqrtAAlpha),
                (a + 1) - (a - 1) * cos + twoSqrtAAlpha,
                2 * ((a - 1) - (a + 1) * cos),
                (a + 1) - (a - 1) * cos - twoSqrtAAlpha);
    }

    /** Cookbook: alpha = sin(w0)/2 · sqrt((A + 1/A)(1/S - 1) + 2); S = 1 is the steepest monotonic shelf. */
    private static double shelfAlpha(double a, double w0, double slope) {
        return Math.sin(w0) / 2 * Math.sqrt((a + 1 / a) * (1 / slope - 1) + 2);
    }

    private void set(double nb0, double nb1, double nb2, double na0, double na1, double na2) {
        b0 = nb0 / na0;
        b1 = nb1 / na0;
        b2 = nb2 / na0;
        a1 = na1 / na0;
        a2 = na2 / na0;
    }

    void reset() {
        lx1 = lx2 = ly1 = ly2 = rx1 = rx2 = ry1 = ry2 = 0;
    }

    /** Filters samples [from, to) of both channels in place. */
    void process(float[] left, float[] right, int from, int to) {
        final double c0 = b0, c1 = b1, c2 = b2, d1 = a1, d2 = a2;
        double lxa = lx1, lxb = lx2, lya = ly1, lyb = ly2;
        double rxa = rx1, rxb = rx2, rya = ry1, ryb = ry2;
        for (int i = from; i < to; i++) {
            double l = left[i], r = right[i];
            double yl = c0 * l + c1 * lxa + c2 * lxb - d1 * lya - d2 * lyb;
            double yr = c0 * r + c1 * rxa + c2 * rxb - d1 * rya - d2 * ryb;
            lxb = lxa;
            lxa = l;
            lyb = lya;
            lya = yl;
            rxb = rxa;
            rxa = r;
            ryb = rya;
            rya = yr;
            left[i] = (float) yl;
            right[i] = (float) yr;
        }
        // Java cannot set flush-to-zero: keep subnormals out of the recursion.
        lx1 = flush(lxa);
        lx2 = flush(lxb);
        ly1 = flush(lya);
        ly2 = flush(lyb);
        rx1 = flush(rxa);
        rx2 = flush(rxb);
        ry1 = flush(rya);
        ry2 = flush(ryb);
    }

    /**
     * Records samples [from, to) as if this section were the identity (y = x), without touching
     * them: a flat shelf costs nothing yet resumes seamlessly when its gain moves again.
     */
    void follow(float[] left, float[] right, int from, int to) {
        if (to - from >= 2) {
            lx1 = ly1 = left[to - 1];
            lx2 = ly2 = left[to - 2];
            rx1 = ry1 = right[to - 1];
            rx2 = ry2 = right[to - 2];
        } else if (to - from == 1) {
            lx2 = ly2 = lx1;
            lx1 = ly1 = left[from];
            rx2 = ry2 = rx1;
            rx1 = ry1 = right[from];
        }
    }

    private static double flush(double v) {
        return Math.abs(v) < 1e-30 ? 0.0 : v;
    }
}
