package org.foldback.engine.meter;

/** Level conversions shared by the meters. Silence is negative infinity, never a magic floor. */
public final class Levels {
    private Levels() {}

    /** 20 log10 of an amplitude; negative infinity for zero. */
    public static double toDb(double amplitude) {
        return amplitude > 0 ? 20.0 * Math.log10(amplitude) : Double.NEGATIVE_INFINITY;
    }

    /** 10 log10 of a power (mean square); negative infinity for zero. */
    public static double powerToDb(double meanSquare) {
        return meanSquare > 0 ? 10.0 * Math.log10(meanSquare) : Double.NEGATIVE_INFINITY;
    }

    /** BS.1770 loudness of a channel-weighted sum of mean squares: -0.691 + 10 log10(z). */
    public static double loudness(double weightedMeanSquare) {
        return weightedMeanSquare > 0 ? -0.691 + 10.0 * Math.log10(weightedMeanSquare) : Double.NEGATIVE_INFINITY;
    }
}
