package org.foldback.engine.dsp;

/**
 * Java has no flush-to-zero switch, so the engine keeps denormals out by construction: inputs are
 * flushed below {@link #INPUT_FLOOR}, gain coefficients below {@link #COEFFICIENT_FLOOR}, and every
 * smoother lands exactly on its target. The floors are far below anything audible.
 */
public final class Denormals {
    private Denormals() {}

    /** Input samples smaller than this (-240 dBFS) become 0. */
    public static final float INPUT_FLOOR = 1e-12f;
    /** Gain coefficients smaller than this (-160 dB) become 0. */
    public static final float COEFFICIENT_FLOOR = 1e-8f;
    /** Limiter output samples smaller than this (-400 dBFS) become 0. */
    public static final float OUTPUT_FLOOR = 1e-20f;

    public static float flush(float v, float floor) {
        return Math.abs(v) < floor ? 0f : v;
    }
}
