package org.foldback.engine.mix;

import org.foldback.engine.simd.MixKernel;
import org.foldback.engine.simd.Simd;

/**
 * The inner loops, kept plain (one pass over float[] with no calls or branches inside); C2
 * vectorises such loops only over longer blocks than 64 samples, hence the Vector API forms of the
 * busiest ones ({@link #VECTOR}). A 2x2 matrix k = {kLL, kRL, kLR, kRR} maps a stereo pair (l, r) to
 * (l·kLL + r·kRL, l·kLR + r·kRR). "Ramp" variants move each coefficient linearly from k0 to k1
 * across the block using ramp[i] = (i+1)/n, so a block ends exactly where the next one starts.
 */
final class MixLoops {
    /**
     * The Vector API form of the busiest loops, or null ({@link MixKernel}): at 64-sample blocks C2
     * vectorises none of these loops itself. It does the whole vectors; the loops below the rest.
     */
    private static final MixKernel VECTOR = Simd.kernel(MixKernel.class, "VectorMixLoops", null);

    private MixLoops() {}

    /** acc += k · x, k constant. */
    static void addConstant(float[] xl, float[] xr, float[] al, float[] ar, int n, float[] k, int o) {
        float kll = k[o], krl = k[o + 1], klr = k[o + 2], krr = k[o + 3];
        if (krl == 0f && klr == 0f) {
            int done = Simd.use(VECTOR) ? VECTOR.addDiagonal(xl, xr, al, ar, n, kll, krr) : 0;
            for (int i = done; i < n; i++) {
                al[i] += xl[i] * kll;
            }
            for (int i = done; i < n; i++) {
                ar[i] += xr[i] * krr;
            }
        } else {
            int done = Simd.use(VECTOR) ? VECTOR.addMatrix(xl, xr, al, ar, n, kll, krl, klr, krr) : 0;
            for (int i = done; i < n; i++) {
                float l = xl[i], r = xr[i];
                al[i] += l * kll + r * krl;
                ar[i] += l * klr + r * krr;
            }
        }
    }

    /** acc += (kL, kR) · m for a mono source whose m = L + R is precomputed (kLL = kRL, kLR = kRR). */
    static void addMono(float[] m, float[] al, float[] ar, int n, float kl, float kr) {
        int done = Simd.use(VECTOR) ? VECTOR.addMono(m, al, ar, n, kl, kr) : 0;
        for (int i = done; i < n; i++) {
            float v = m[i];
            al[i] += v * kl;
            ar[i] += v * kr;
        }
    }

    /** acc += k(i) · x, k moving from k0 to k1. */
    static void addRamp(float[] xl, float[] xr, float[] al, float[] ar, int n, float[] k0, float[] k1,
                        int o, float[] ramp) {
        float a = k0[o], b = k0[o + 1], c = k0[o + 2], d = k0[o + 3];
        float da = k1[o] - a, db = k1[o + 1] - b, dc = k1[o + 2] - c, dd = k1[o + 3] - d;
        for (int i = 0; i < n; i++) {
            float t = ramp[i];
            float l = xl[i], r = xr[i];
            al[i] += l * (a + da * t) + r * (b + db * t);
            ar[i] += l * (c + dc * t) + r * (d + dd * t);
        }
    }

    /** y = m · x, m constant. */
    static void applyConstant(float[] xl, float[] xr, float[] yl, float[] yr, int n, float[] m) {
        float m00 = m[0], m01 = m[1], m10 = m[2], m11 = m[3];
        if (m01 == 0f && m10 == 0f) {
            int done = Simd.use(VECTOR) ? VECTOR.applyDiagonal(xl, xr, yl, yr, n, m00, m11) : 0;
            for (int i = done; i < n; i++) {
                yl[i] = xl[i] * m00;
            }
            for (int i = done; i < n; i++) {
                yr[i] = xr[i] * m11;
            }
        } else {
            int done = Simd.use(VECTOR) ? VECTOR.applyMatrix(xl, xr, yl, yr, n, m00, m01, m10, m11) : 0;
            for (int i = done; i < n; i++) {
                float l = xl[i], r = xr[i];
                yl[i] = l * m00 + r * m01;
                yr[i] = l * m10 + r * m11;
            }
        }
    }

    /** y = m(i) · x, m moving from m0 to m1. */
    static void applyRamp(float[] xl, float[] xr, float[] yl, float[] yr, int n, float[] m0, float[] m1,
                          float[] ramp) {
        float a = m0[0], b = m0[1], c = m0[2], d = m0[3];
        float da = m1[0] - a, db = m1[1] - b, dc = m1[2] - c, dd = m1[3] - d;
        for (int i = 0; i < n; i++) {
            float t = ramp[i];
            float l = xl[i], r = xr[i];
            yl[i] = l * (a + da * t) + r * (b + db * t);
            yr[i] = l * (c + dc * t) + r * (d + dd * t);
        }
    }

    /** y += w(i) · (p - y): the crossfade towards bypass, w moving from w0 to w1. */
    static void blend(float[] yl, float[] yr, float[] pl, float[] pr, int n, float w0, float w1, float[] ramp) {
        float dw = w1 - w0;
        for (int i = 0; i < n; i++) {
            float w = w0 + dw * ramp[i];
            yl[i] += w * (pl[i] - yl[i]);
            yr[i] += w * (pr[i] - yr[i]);
        }
    }

    /** y *= 1 - w(i): fading a cue out towards bypass silence. */
    static void fadeOut(float[] yl, float[] yr, int n, float w0, float w1, float[] ramp) {
        float dw = w1 - w0;
        for (int i = 0; i < n; i++) {
            float g = 1f - (w0 + dw * ramp[i]);
            yl[i] *= g;
            yr[i] *= g;
        }
    }

    /** acc += g(i) · x on both channels, g moving from g0 to g1 (a send or return level). */
    static void addScaled(float[] xl, float[] xr, float[] al, float[] ar, int n, float g0, float g1, float[] ramp) {
        if (g0 == g1) {
            int done = Simd.use(VECTOR) ? VECTOR.addScaled(xl, xr, al, ar, n, g1) : 0;
            for (int i = done; i < n; i++) {
                al[i] += xl[i] * g1;
                ar[i] += xr[i] * g1;
            }
        } else {
            float dg = g1 - g0;
            for (int i = 0; i < n; i++) {
                float g = g0 + dg * ramp[i];
                al[i] += xl[i] * g;
                ar[i] += xr[i] * g;
            }
        }
    }
}
