package org.foldback.engine.mix;

/**
 * The two pan laws, for a pan position p in [-1 (left), +1 (right)].
 *
 * <ul>
 *   <li>Mono source: constant power (sine/cosine), -3 dB at centre.
 *       θ = (p + 1)·π/4, gL = cos θ, gR = sin θ, so gL² + gR² = 1 everywhere.</li>
 *   <li>Stereo source (balance): unity at centre; the side being turned away from follows a
 *       cosine to silence, the other side stays at unity. gL = cos(max(p, 0)·π/2),
 *       gR = cos(max(-p, 0)·π/2). At p = ±0.5 the far side is at -3 dB.</li>
 * </ul>
 * The hard-panned far side is exactly 0.
 */
public final class PanLaw {
    private PanLaw() {}

    public static float monoLeft(float p) {
        return p >= 1f ? 0f : (float) Math.cos((p + 1.0) * Math.PI / 4.0);
    }

    public static float monoRight(float p) {
        return p <= -1f ? 0f : (float) Math.sin((p + 1.0) * Math.PI / 4.0);
    }

    public static float balanceLeft(float p) {
        if (p <= 0f) {
            return 1f;
        }
        return p >= 1f ? 0f : (float) Math.cos(p * Math.PI / 2.0);
    }

    public static float balanceRight(float p) {
        if (p >= 0f) {
            return 1f;
        }
        return p <= -1f ? 0f : (float) Math.cos(-p * Math.PI / 2.0);
    }
}
