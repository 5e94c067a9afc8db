package org.foldback.engine.meter;

/**
 * Phase correlation of a stereo pair, -1..+1: E[LR] / sqrt(E[L^2] E[R^2]) with exponential
 * averaging of time constant {@link #TIME_CONSTANT_SECONDS} (300 ms). Undefined (NaN) while both
 * channels are below {@link #SILENCE_MEAN_SQUARE} (-100 dBFS); 0 when only one channel is.
 */
final class Correlation {
    static final double TIME_CONSTANT_SECONDS = 0.300;
    static final double SILENCE_MEAN_SQUARE = 1e-10;

    private double coefficient;
    private double lr, ll, rr;

    void prepare(double fs) {
        coefficient = 1.0 - Math.exp(-1.0 / (TIME_CONSTANT_SECONDS * fs));
        reset();
    }

    void reset() {
        lr = ll = rr = 0;
    }

    void process(float[] l, float[] r, int offset, int n) {
        final double a = coefficient;
        double xy = lr, xx = ll, yy = rr;
        for (int i = 0; i < n; i++) {
            double x = l[offset + i], y = r[offset + i];
            xy += a * (x * y - xy);
            xx += a * (x * x - xx);
            yy += a * (y * y - yy);
        }
        lr = KWeighting.flush(xy);
        ll = KWeighting.flush(xx);
        rr = KWeighting.flush(yy);
    }

    double value() {
        boolean leftSilent = ll < SILENCE_MEAN_SQUARE, rightSilent = rr < SILENCE_MEAN_SQUARE;
        if (leftSilent && rightSilent) {
            return Double.NaN;
        }
        if (leftSilent || rightSilent) {
            return 0.0;
        }
        return Math.max(-1.0, Math.min(1.0, lr / Math.sqrt(ll * rr)));
    }
}
