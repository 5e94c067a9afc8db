package org.foldback.engine.meter;

import org.foldback.engine.simd.Simd;
import org.foldback.engine.simd.TruePeakKernel;

/**
 * True-peak estimation by 4x oversampling, as ITU-R BS.1770-4 Annex 2 describes: a polyphase
 * interpolating FIR of 48 taps (12 per phase), and the peak of the absolute oversampled values.
 *
 * <p>The filter is a Kaiser-windowed sinc (beta 5) cut off at the input Nyquist frequency, centred
 * on a tap: a 4th-band (Nyquist) filter, so phase 0 reproduces the input samples exactly and only
 * phases 1..3 need arithmetic (36 multiply-adds per sample). Each phase is normalised to unity DC
 * gain. Passband (relative to the input rate fs): within +/-0.05 dB up to 0.35 fs (16.8 kHz at
 * 48 kHz), -0.65 dB worst phase at 0.40 fs, -6 dB at 0.5 fs. Annex 2's 12.04 dB input attenuation
 * is not needed in floating point. Group delay is 6 input samples, which does not matter for a peak.
 */
public final class TruePeakInterpolator {
    /** Oversampling factor, as BS.1770-4 Annex 2. */
    public static final int FACTOR = 4;
    /** Taps per phase. */
    public static final int TAPS = 12;
    static final double KAISER_BETA = 5.0;

    /** PHASES[p][k]: coefficient of x[m-k] for the output at time m - 6 + p/4 (p = 1..3). */
    static final float[][] PHASES = design();

    /**
     * No interpolated value can exceed the largest input sample in its 12-tap window times this:
     * the largest sum of absolute coefficients over the phases (plus a little for float rounding).
     */
    static final float WINDOW_GAIN = windowGain();

    /** Samples per pass. */
    static final int CHUNK = 256;

    /**
     * The filter as vectors where the JVM has the Vector API ({@link Simd}), or null: C2 does not
     * vectorise the loops below at 64-sample blocks. It covers the whole vectors; the loops the rest.
     */
    private static final TruePeakKernel VECTOR = Simd.kernel(TruePeakKernel.class, "VectorTruePeak", null, (Object) PHASES);

    /** line[0..TAPS-2]: the previous TAPS-1 input samples, oldest first; then the current chunk. */
    private final float[] line = new float[TAPS - 1 + CHUNK];
    private final float[] out = new float[CHUNK];

    /**
     * Whether the filter's history is all zeros: then a stretch of zeros interpolates to zeros and
     * leaves the history zeros, so a caller that knows its stretch silent may skip {@link #process}
     * (its result is 0).
     */
    public boolean quiet() {
        final float[] ln = line;
        for (int i = 0; i < TAPS - 1; i++) {
            if (ln[i] != 0f) {
                return false;
            }
        }
        return true;
    }

    /** Clears the filter history. */
    public void reset() {
        java.util.Arrays.fill(line, 0f);
    }

    /**
     * Feeds {@code n} samples and returns the largest absolute value among the input samples and the
     * interpolated ones in between (linear, not dB).
     */
    public float process(float[] x, int offset, int n) {
        return process(x, offset, n, 0f);
    }

    /**
     * As {@link #process(float[], int, int)}, for a caller to whom peaks below {@code useless} make
     * no difference (a display that will not move for them): where no interpolated value can reach
     * it (the window's largest sample times {@link #WINDOW_GAIN} stays below), the arithmetic is
     * skipped and the input samples' peak, itself below {@code useless}, is returned. Results at or
     * above {@code useless} are exact.
     */
    public float process(float[] x, int offset, int n, float useless) {
        return process(x, offset, n, useless, -1f);
    }

    /**
     * As {@link #process(float[], int, int, float)}, for a caller that knows the stretch's largest
     * absolute sample, {@code inputPeak} (a meter's levels pass has it; negative or NaN: unknown). It
     * stands in for each chunk's own: the same for a stretch of one chunk, an upper bound for longer
     * ones (where it only skips fewer windows). Saves a sample-by-sample pass C2 does not vectorise.
     */
    public float process(float[] x, int offset, int n, float useless, float inputPeak) {
        float peak = 0f;
        while (n > 0) {
            int m = Math.min(n, CHUNK);
            peak = Math.max(peak, chunk(x, offset, m, useless, inputPeak));
            offset += m;
            n -= m;
        }
        return peak;
    }

    private float chunk(float[] x, int offset, int m, float useless, float inputPeak) {
        final float[] ln = line, y = out;
        final int history = TAPS - 1;
        System.arraycopy(x, offset, ln, history, m);
        float peak = 0f;
        if (inputPeak >= 0f) {
            peak = inputPeak;
        } else {
            for (int i = 0; i < m; i++) {
                float a = Math.abs(ln[history + i]);
                peak = a > peak ? a : peak;
            }
        }
        float window = peak;
        for (int i = 0; i < history; i++) {
            float a = Math.abs(ln[i]);
            window = a > window ? a : window;
        }
        if (window * WINDOW_GAIN < useless || window == 0f) {   // all zeros interpolate to zero
            System.arraycopy(ln, m, ln, 0, history);
            return peak;
        }
        int from = 0;
        if (Simd.use(VECTOR)) {
            from = VECTOR.covered(m);
            peak = Math.max(peak, VECTOR.interpolatedPeak(ln, history, m));
        }
        for (int p = 1; p < FACTOR; p++) {
            final float[] c = PHASES[p];
            // y[i] = sum_k c[k] * x[i - k], with x[i - k] at line[history + i - k].
            // Four taps per pass: fewer passes over y, and loads from ln that the JIT can schedule freely.
            final float c0 = c[0], c1 = c[1], c2 = c[2], c3 = c[3];
            for (int i = from; i < m; i++) {
                int j = history + i;
                y[i] = c0 * ln[j] + c1 * ln[j - 1] + c2 * ln[j - 2] + c3 * ln[j - 3];
            }
            for (int k = 4; k < TAPS; k += 4) {
                final float d0 = c[k], d1 = c[k + 1], d2 = c[k + 2], d3 = c[k + 3];
                final int base = history - k;
                for (int i = from; i < m; i++) {
                    int j = base + i;
                    y[i] += d0 * ln[j] + d1 * ln[j - 1] + d2 * ln[j - 2] + d3 * ln[j - 3];
                }
            }
            for (int i = from; i < m; i++) {
                float a = Math.abs(y[i]);
                peak = a > peak ? a : peak;
            }
        }
        System.arraycopy(ln, m, ln, 0, history);
        return peak;
    }

    /** Whether this JVM's filter runs as vectors (for tests). */
    static boolean vectorised() {
        return Simd.use(VECTOR);
    }

    private static float windowGain() {
        double most = 1;
        for (float[] phase : PHASES) {
            double sum = 0;
            for (float c : phase) {
                sum += Math.abs(c);
            }
            most = Math.max(most, sum);
        }
        return (float) (most * 1.001);
    }

    private static float[][] design() {
        int length = FACTOR * TAPS;
        int centre = length / 2;
        double[] h = new double[length];
        for (int n = 0; n < length; n++) {
            double t = (n - centre) / (double) FACTOR;
            double sinc = t == 0 ? 1.0 : Math.sin(Math.PI * t) / (Math.PI * t);
            double r = (n - centre) / (double) centre;
            double w = besselI0(KAISER_BETA * Math.sqrt(Math.max(0.0, 1.0 - r * r))) / besselI0(KAISER_BETA);
            h[n] = sinc * w;
        }
        float[][] phases = new float[FACTOR][TAPS];
        for (int p = 0; p < FACTOR; p++) {
            double sum = 0;
            for (int k = 0; k < TAPS; k++) {
                sum += h[FACTOR * k + p];
            }
            for (int k = 0; k < TAPS; k++) {
                phases[p][k] = (float) (h[FACTOR * k + p] / sum);
            }
        }
        return phases;
    }

    /** Modified Bessel function of the first kind, order 0 (power series). */
    static double besselI0(double x) {
        double sum = 1, term = 1, q = x * x / 4;
        for (int k = 1; k < 50; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }
}
