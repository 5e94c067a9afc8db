package org.foldback.engine.dose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A-weighting against IEC 61672-1:2013, Table 3: the A-weightings at the nominal frequencies 10 Hz
 * to 20 kHz and the class-1 acceptance limits. Each row is measured at the exact base-ten frequency
 * 1000·10^((n-30)/10) that the table's nominal frequency stands for, by playing a sine through the
 * filter and taking its mean square over whole periods after 3 s of settling. Frequencies at or
 * above Nyquist's 95 % are not played (at 44.1 kHz that is none: 20 kHz < 20.9 kHz).
 */
class AWeightingTest {
    /** Nominal Hz, A-weighting dB, class-1 upper and lower limits (dB; NEGATIVE_INFINITY = none). */
    static final double N = Double.NEGATIVE_INFINITY;
    static final double[][] TABLE = {
        {10, -70.4, 3.0, N}, {12.5, -63.4, 2.5, N}, {16, -56.7, 2.0, -4.0}, {20, -50.5, 2.0, -2.0},
        {25, -44.7, 2.0, -1.5}, {31.5, -39.4, 1.5, -1.5}, {40, -34.6, 1.0, -1.0}, {50, -30.2, 1.0, -1.0},
        {63, -26.2, 1.0, -1.0}, {80, -22.5, 1.0, -1.0}, {100, -19.1, 1.0, -1.0}, {125, -16.1, 1.0, -1.0},
        {160, -13.4, 1.0, -1.0}, {200, -10.9, 1.0, -1.0}, {250, -8.6, 1.0, -1.0}, {315, -6.6, 1.0, -1.0},
        {400, -4.8, 1.0, -1.0}, {500, -3.2, 1.0, -1.0}, {630, -1.9, 1.0, -1.0}, {800, -0.8, 1.0, -1.0},
        {1000, 0.0, 0.7, -0.7}, {1250, 0.6, 1.0, -1.0}, {1600, 1.0, 1.0, -1.0}, {2000, 1.2, 1.0, -1.0},
        {2500, 1.3, 1.0, -1.0}, {3150, 1.2, 1.0, -1.0}, {4000, 1.0, 1.0, -1.0}, {5000, 0.5, 1.5, -1.5},
        {6300, -0.1, 1.5, -2.0}, {8000, -1.1, 1.5, -2.5}, {10000, -2.5, 2.0, -3.0}, {12500, -4.3, 2.0, -5.0},
        {16000, -6.6, 2.5, -16.0}, {20000, -9.3, 3.0, N},
    };

    @ParameterizedTest
    @ValueSource(doubles = {44100, 48000, 96000})
    void withinClass1LimitsOfTheTable(double fs) {
        StringBuilder report = new StringBuilder("A-weighting at " + fs + " Hz, measured - table (dB):");
        for (int row = 0; row < TABLE.length; row++) {
            double f = 1000 * Math.pow(10, (row + 10 - 30) / 10.0);
            if (f >= 0.475 * fs) {
                continue;
            }
            double measured = measureDb(fs, f);
            double error = measured - TABLE[row][1];
            report.append(String.format(" %.0f:%+.2f", TABLE[row][0], error));
            assertTrue(error <= TABLE[row][2] && error >= TABLE[row][3], String.format(
                    "%.1f Hz at fs %.0f: %.2f dB, table %.1f, limits %+.1f/%+.1f",
                    TABLE[row][0], fs, measured, TABLE[row][1], TABLE[row][2], TABLE[row][3]));
        }
        System.out.println(report);
    }

    /** The table itself against the standard's analog formula (within its 0.1 dB rounding), so a typo cannot hide. */
    @Test
    void tableMatchesTheStandardsFormula() {
        double w1000 = analogDb(1000);
        for (int row = 0; row < TABLE.length; row++) {
            double f = 1000 * Math.pow(10, (row + 10 - 30) / 10.0);
            assertEquals(TABLE[row][1], analogDb(f) - w1000, 0.051, "row " + TABLE[row][0]);
        }
    }

    /** IEC 61672-1 Annex E: 20·log10 of f4² f^4 / ((f² + f1²) √(f² + f2²) √(f² + f3²) (f² + f4²)). */
    static double analogDb(double f) {
        double f2 = f * f;
        double f1s = AWeighting.F1 * AWeighting.F1, f2s = AWeighting.F2 * AWeighting.F2;
        double f3s = AWeighting.F3 * AWeighting.F3, f4s = AWeighting.F4 * AWeighting.F4;
        return 20 * Math.log10(f4s * f2 * f2 / ((f2 + f1s) * Math.sqrt(f2 + f2s) * Math.sqrt(f2 + f3s) * (f2 + f4s)));
    }

    static double measureDb(double fs, double f) {
        AWeighting a = new AWeighting(fs);
        int block = 64;
        float[] l = new float[block], r = new float[block];
        double w = 2 * Math.PI * f / fs;
        int settle = (int) (3 * fs);
        int periods = (int) Math.ceil(f * 0.5);
        int measure = (int) Math.round(periods * fs / f);
        double sum = 0;
        for (int start = 0; start < settle + measure; start += block) {
            int m = Math.min(block, settle + measure - start);
            for (int i = 0; i < m; i++) {
                l[i] = (float) (0.5 * Math.sin(w * (start + i)));
                r[i] = l[i];
            }
            double s = a.sumOfSquares(l, r, 0, m);
            if (start >= settle) {
                sum += s;
            }
        }
        double meanSquare = sum / (2.0 * measure);
        return 10 * Math.log10(meanSquare / 0.125);
    }
}
