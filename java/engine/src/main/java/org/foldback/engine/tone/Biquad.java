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
     * Three sections in series over samples [from, to) in one pass: the arithmetic of
     * {@code p.process; q.process; u.process}, without rounding to float between the sections, and
     * with the three recursions overlapping in the CPU instead of running one latency-bound loop
     * after another.
     */
    static void cascade(Biquad p, Biquad q, Biquad u, float[] left, float[] right, int from, int to) {
        final double p0 = p.b0, p1 = p.b1, p2 = p.b2, pa1 = p.a1, pa2 = p.a2;
        final double q0 = q.b0, q1 = q.b1, q2 = q.b2, qa1 = q.a1, qa2 = q.a2;
        final double u0 = u.b0, u1 = u.b1, u2 = u.b2, ua1 = u.a1, ua2 = u.a2;
        double plx1 = p.lx1, plx2 = p.lx2, ply1 = p.ly1, ply2 = p.ly2;
        double prx1 = p.rx1, prx2 = p.rx2, pry1 = p.ry1, pry2 = p.ry2;
        double qly1 = q.ly1, qly2 = q.ly2, qry1 = q.ry1, qry2 = q.ry2;
        double uly1 = u.ly1, uly2 = u.ly2, ury1 = u.ry1, ury2 = u.ry2;
        for (int i = from; i < to; i++) {
            double l = left[i], r = right[i];
            // A section's input history is the previous section's output history.
            double al = p0 * l + p1 * plx1 + p2 * plx2 - pa1 * ply1 - pa2 * ply2;
            double ar = p0 * r + p1 * prx1 + p2 * prx2 - pa1 * pry1 - pa2 * pry2;
            double bl = q0 * al + q1 * ply1 + q2 * ply2 - qa1 * qly1 - qa2 * qly2;
            double br = q0 * ar + q1 * pry1 + q2 * pry2 - qa1 * qry1 - qa2 * qry2;
            double cl = u0 * bl + u1 * qly1 + u2 * qly2 - ua1 * uly1 - ua2 * uly2;
            double cr = u0 * br + u1 * qry1 + u2 * qry2 - ua1 * ury1 - ua2 * ury2;
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
            uly1 = cl;
            ury2 = ury1;
            ury1 = cr;
            left[i] = (float) cl;
            right[i] = (float) cr;
        }
        p.store(plx1, plx2, ply1, ply2, prx1, prx2, pry1, pry2);
        q.store(ply1, ply2, qly1, qly2, pry1, pry2, qry1, qry2);
        u.store(qly1, qly2, uly1, uly2, qry1, qry2, ury1, ury2);
    }

    /**
     * For lanes that run {@link #cascade} on several cues side by side ({@code EarKernel}): writes
     * the three sections' coefficients (value k at {@code [(k0 + k) * stride + lane]}, 15 values)
     * and the state cascade reads (16 values from {@code s0}: the left channel's first-section x1,
     * x2, y1, y2 and second and third y1, y2, then the right's).
     */
    static void exportCascade(Biquad p, Biquad q, Biquad u, double[] co, int k0, double[] state, int s0,
                              int stride, int lane) {
        int k = p.exportCoefficients(co, k0, stride, lane);
        k = q.exportCoefficients(co, k, stride, lane);
        u.exportCoefficients(co, k, stride, lane);
        int at = s0 * stride + lane;
        state[at] = p.lx1;
        state[at + stride] = p.lx2;
        state[at + 2 * stride] = p.ly1;
        state[at + 3 * stride] = p.ly2;
        state[at + 4 * stride] = q.ly1;
        state[at + 5 * stride] = q.ly2;
        state[at + 6 * stride] = u.ly1;
        state[at + 7 * stride] = u.ly2;
        state[at + 8 * stride] = p.rx1;
        state[at + 9 * stride] = p.rx2;
        state[at + 10 * stride] = p.ry1;
        state[at + 11 * stride] = p.ry2;
        state[at + 12 * stride] = q.ry1;
        state[at + 13 * stride] = q.ry2;
        state[at + 14 * stride] = u.ry1;
        state[at + 15 * stride] = u.ry2;
    }

    /** Takes back the state the lanes carried on ({@link #exportCascade}'s layout), as {@link #cascade} stores it. */
    static void importCascade(Biquad p, Biquad q, Biquad u, double[] state, int s0, int stride, int lane) {
        int at = s0 * stride + lane;
        double plx1 = state[at], plx2 = state[at + stride], ply1 = state[at + 2 * stride], ply2 = state[at + 3 * stride];
        double qly1 = state[at + 4 * stride], qly2 = state[at + 5 * stride];
        double uly1 = state[at + 6 * stride], uly2 = state[at + 7 * stride];
        double prx1 = state[at + 8 * stride], prx2 = state[at + 9 * stride];
        double pry1 = state[at + 10 * stride], pry2 = state[at + 11 * stride];
        double qry1 = state[at + 12 * stride], qry2 = state[at + 13 * stride];
        double ury1 = state[at + 14 * stride], ury2 = state[at + 15 * stride];
        p.store(plx1, plx2, ply1, ply2, prx1, prx2, pry1, pry2);
        q.store(ply1, ply2, qly1, qly2, pry1, pry2, qry1, qry2);
        u.store(qly1, qly2, uly1, uly2, qry1, qry2, ury1, ury2);
    }

    private int exportCoefficients(double[] co, int k, int stride, int lane) {
        co[k * stride + lane] = b0;
        co[(k + 1) * stride + lane] = b1;
        co[(k + 2) * stride + lane] = b2;
        co[(k + 3) * stride + lane] = a1;
        co[(k + 4) * stride + lane] = a2;
        return k + 5;
    }

    private void store(double xl1, double xl2, double yl1, double yl2, double xr1, double xr2, double yr1, double yr2) {
        lx1 = flush(xl1);
        lx2 = flush(xl2);
        ly1 = flush(yl1);
        ly2 = flush(yl2);
        rx1 = flush(xr1);
        rx2 = flush(xr2);
        ry1 = flush(yr1);
        ry2 = flush(yr2);
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
