package org.foldback.engine.meter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KWeightingTest {
    /** ITU-R BS.1770-4 Table 1 (pre-filter) and Table 2 (RLB filter), 48 kHz: b0, b1, b2, a1, a2. */
    static final double[] TABLE_1 = {1.53512485958697, -2.69169618940638, 1.19839281085285,
        -1.69065929318241, 0.73248077421585};
    static final double[] TABLE_2 = {1.0, -2.0, 1.0, -1.99004745483398, 0.99007225036621};

    @Test
    void derivedCoefficientsReproduceTheStandardsTablesAt48k() {
        KWeighting k = new KWeighting(48000);
        assertArrayEquals(TABLE_1, k.shelf, 1e-9);
        assertArrayEquals(TABLE_2, k.highpass, 1e-9);
    }

    /** The weighting curve is a property of the analog prototype: it must not depend on the rate. */
    @Test
    void responseIsTheSameAtEveryRateWellBelowNyquist() {
        for (double hz : new double[] {20, 100, 1000, 4000, 10000}) {
            double ref = gainDb(48000, hz);
            for (double fs : new double[] {44100, 88200, 96000, 192000}) {
                assertEquals(ref, gainDb(fs, hz), hz > 5000 ? 0.05 : 0.01, hz + " Hz at " + fs);
            }
        }
    }

    /** Magnitude of both stages at {@code hz}, evaluated on the unit circle. */
    static double gainDb(double fs, double hz) {
        KWeighting k = new KWeighting(fs);
        double w = 2 * Math.PI * hz / fs;
        return stageDb(k.shelf, w) + stageDb(k.highpass, w);
    }

    static double stageDb(double[] c, double w) {
        double nr = c[0] + c[1] * Math.cos(w) + c[2] * Math.cos(2 * w);
        double ni = -c[1] * Math.sin(w) - c[2] * Math.sin(2 * w);
        double dr = 1 + c[3] * Math.cos(w) + c[4] * Math.cos(2 * w);
        double di = -c[3] * Math.sin(w) - c[4] * Math.sin(2 * w);
        return 10 * Math.log10((nr * nr + ni * ni) / (dr * dr + di * di));
    }

    /** Sanity of the curve itself: about +0.7 dB at 1 kHz (why a -23 dBFS stereo sine reads -23 LUFS), +4 dB shelf. */
    @Test
    void curveShape() {
        assertEquals(0.691, gainDb(48000, 1000), 0.02);
        assertEquals(4.0, gainDb(48000, 12000), 0.1);
    }
}
