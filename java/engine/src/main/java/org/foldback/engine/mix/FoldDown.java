package org.foldback.engine.mix;

/**
 * The fold-down matrices, indexed like the choices of {@code cueN.mono} ({@code ParamRole.CUE_FOLD}): out = F · (L, R).
 *
 * <ul>
 *   <li>Stereo: (L, R).</li>
 *   <li>Mono sum: both sides k·(L + R).</li>
 *   <li>Left only: both sides L. Right only: both sides R.</li>
 *   <li>Side: both sides k·(L - R).</li>
 * </ul>
 * k is the sum's law, indexed like the choices of {@code cueN.mono.law}: -3 dB (k = 1/√2, keeps the power of
 * uncorrelated L and R) or -6 dB (k = 1/2, keeps the level of identical L and R).
 */
public final class FoldDown {
    private FoldDown() {}

    public static final int STEREO = 0;
    public static final int MONO_SUM = 1;
    public static final int LEFT_ONLY = 2;
    public static final int RIGHT_ONLY = 3;
    public static final int SIDE = 4;

    public static final int LAW_MINUS_3_DB = 0;
    public static final int LAW_MINUS_6_DB = 1;

    public static float lawGain(int law) {
        return law == LAW_MINUS_6_DB ? 0.5f : (float) (1.0 / Math.sqrt(2.0));
    }

    /** Writes F as {f00, f01, f10, f11} (row = output side, column = input side). */
    public static void matrix(int mode, int law, float[] f) {
        float k = lawGain(law);
        switch (mode) {
            case MONO_SUM: set(f, k, k, k, k); break;
            case LEFT_ONLY: set(f, 1f, 0f, 1f, 0f); break;
            case RIGHT_ONLY: set(f, 0f, 1f, 0f, 1f); break;
            case SIDE: set(f, k, -k, k, -k); break;
            default: set(f, 1f, 0f, 0f, 1f); break;
        }
    }

    private static void set(float[] f, float a, float b, float c, float d) {
        f[0] = a;
        f[1] = b;
        f[2] = c;
        f[3] = d;
    }
}
