package org.foldback.ui;

/**
 * Where a level sits on a meter: linear in dB from {@link #FLOOR_DB} at the bottom to
 * {@link #TOP_DB} at the top. Every meter in the editor uses this one scale, so a level reads the
 * same height everywhere (and the screenshot test can find it from these two numbers alone).
 */
public final class MeterScale {
    public static final float FLOOR_DB = -60f;
    public static final float TOP_DB = 6f;

    private MeterScale() {
    }

    /** 0 at the floor (or below), 1 at the top (or above). */
    public static float fraction(double db) {
        if (!(db > FLOOR_DB)) { // also NaN and -inf
            return 0f;
        }
        return (float) Math.min(1.0, (db - FLOOR_DB) / (TOP_DB - FLOOR_DB));
    }

    /** The y coordinate of a level on a meter whose top edge is at {@code top}. */
    public static float y(double db, float top, float height) {
        return top + height * (1f - fraction(db));
    }
}
