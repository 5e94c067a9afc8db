package org.foldback.engine.tone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tone control against the analog prototypes of the Audio-EQ-Cookbook, evaluated here from
 * their transfer functions (not from the filter code): the cookbook's bilinear transform maps the
 * digital frequency f to the prototype's normalised frequency Ω = tan(πf/fs) / tan(πf0/fs), so the
 * digital magnitude at f must equal |H(jΩ)| of the prototype. Measured by playing a sine through
 * {@link ToneControl} in 64-sample blocks and fitting its steady-state amplitude (least squares on
 * sin and cos), at 20 log-spaced frequencies from 20 Hz to 20 kHz per setting. Tolerance 0.01 dB
 * (float samples in and out; the fit itself is exact for a sinusoid).
 */
class ToneControlTest {
    static final int BLOCK = 64;
    static final double TOLERANCE_DB = 0.01;

    /** {high-pass Hz (0 = off), low shelf dB, high shelf dB}. */
    static final float[][] SETTINGS = {
        {40, 0, 0}, {100, 0, 0}, {200, 0, 0},
        {0, 12, 0}, {0, -12, 0}, {0, 6, 0}, {0, 0, 12}, {0, 0, -12}, {0, 0, 3},
        {80, 6, -6}, {200, -12, 12}, {0, 0, 0},
    };

    @ParameterizedTest
    @ValueSource(doubles = {44100, 48000, 96000})
    void magnitudeMatchesTheAnalogPrototypes(double fs) {
        for (float[] s : SETTINGS) {
            for (int k = 0; k < 20; k++) {
                double f = 20 * Math.pow(1000, k / 19.0);
                double measured = measureDb(fs, s, f);
                double expected = prototypeDb(fs, s, f);
                assertEquals(expected, measured, TOLERANCE_DB, String.format(
                        "HP %.0f Hz, low %+.0f dB, high %+.0f dB at %.1f Hz, fs %.0f", s[0], s[1], s[2], f, fs));
            }
        }
    }

    /** The product of the three cookbook prototypes' magnitudes, in dB. */
    static double prototypeDb(double fs, float[] s, double f) {
        double db = 0;
        double tanF = Math.tan(Math.PI * f / fs);
        if (s[0] > 0) {
            double w = tanF / Math.tan(Math.PI * s[0] / fs);
            // s^2 / (s^2 + s/Q + 1) at s = jw
            db += magnitudeDb(-w * w, 0, 1 - w * w, w / ToneControl.HIGH_PASS_Q);
        }
        if (s[1] != 0) {
            double a = Math.pow(10, s[1] / 40.0);
            double w = tanF / Math.tan(Math.PI * ToneControl.LOW_SHELF_HZ / fs);
            double k = Math.sqrt(a) * Math.sqrt(2); // √A/Q with S = 1
            // A (s^2 + k s + A) / (A s^2 + k s + 1)
            db += 20 * Math.log10(a) + magnitudeDb(a - w * w, k * w, 1 - a * w * w, k * w);
        }
        if (s[2] != 0) {
            double a = Math.pow(10, s[2] / 40.0);
            double w = tanF / Math.tan(Math.PI * ToneControl.HIGH_SHELF_HZ / fs);
            double k = Math.sqrt(a) * Math.sqrt(2);
            // A (A s^2 + k s + 1) / (s^2 + k s + A)
            db += 20 * Math.log10(a) + magnitudeDb(1 - a * w * w, k * w, a - w * w, k * w);
        }
        return db;
    }

    private static double magnitudeDb(double numRe, double numIm, double denRe, double denIm) {
        return 10 * Math.log10((numRe * numRe + numIm * numIm) / (denRe * denRe + denIm * denIm));
    }

    static double measureDb(double fs, float[] s, double f) {
        ToneControl tone = new ToneControl();
        tone.prepare(fs, 960, 480);
        tone.set(s[0], s[1], s[2], true);
        return measureDb(tone, fs, f);
    }

    /** The steady-state gain of {@code tone} at {@code f}, after 1 s of settling. */
    static double measureDb(ToneControl tone, double fs, double f) {
        int settle = (int) fs; // 1 s: the slowest section (40 Hz high-pass) settles to far below 1e-6
        int measure = (int) Math.max(fs / 2, 20 * fs / f);
        float[] l = new float[BLOCK], r = new float[BLOCK];
        double ss = 0, sc = 0, cc = 0, xs = 0, xc = 0;
        double w = 2 * Math.PI * f / fs;
        for (int start = 0; start < settle + measure; start += BLOCK) {
            for (int i = 0; i < BLOCK; i++) {
                l[i] = (float) (0.5 * Math.sin(w * (start + i)));
                r[i] = l[i];
            }
            tone.process(l, r, BLOCK);
            if (start >= settle) {
                for (int i = 0; i < BLOCK; i++) {
                    double sn = Math.sin(w * (start + i)), cs = Math.cos(w * (start + i));
                    ss += sn * sn;
                    sc += sn * cs;
                    cc += cs * cs;
                    xs += l[i] * sn;
                    xc += l[i] * cs;
                    assertEquals(l[i], r[i], 0f, "channels identical");
                }
            }
        }
        double det = ss * cc - sc * sc;
        double a = (xs * cc - xc * sc) / det;
        double b = (xc * ss - xs * sc) / det;
        return 20 * Math.log10(Math.hypot(a, b) / 0.5);
    }

    /** Settings reached by ramping (not snapping) land on the same response: high-pass switched on, shelves moved. */
    @org.junit.jupiter.api.Test
    void rampedSettingsLandOnThePrototype() {
        double fs = 48000;
        ToneControl tone = new ToneControl();
        tone.prepare(fs, 960, 480);
        tone.set(0, 0, 0, true);
        float[] l = new float[BLOCK], r = new float[BLOCK];
        tone.process(l, r, BLOCK);
        float[] s = {150, -9, 7};
        tone.set(s[0], s[1], s[2], false);
        for (double f : new double[] {60, 150, 1000, 12000}) {
            assertEquals(prototypeDb(fs, s, f), measureDb(tone, fs, f), TOLERANCE_DB, "at " + f + " Hz");
        }
        tone.set(80, -9, 7, false); // moving the frequency while on
        assertEquals(prototypeDb(fs, new float[] {80, -9, 7}, 60), measureDb(tone, fs, 60), TOLERANCE_DB);
    }

    /**
     * The one-pass cascade computes what the three sections do one after another, except that it
     * keeps double precision between sections: equal within float rounding (1e-6 on unit noise).
     */
    @org.junit.jupiter.api.Test
    void cascadeEqualsSectionsInSeries() {
        Biquad[] a = {new Biquad(), new Biquad(), new Biquad()};
        Biquad[] b = {new Biquad(), new Biquad(), new Biquad()};
        for (Biquad[] set : new Biquad[][] {a, b}) {
            set[0].lowShelf(120, 7, 1, 48000);
            set[1].highShelf(8000, -5, 1, 48000);
            set[2].highPass(90, ToneControl.HIGH_PASS_Q, 48000);
        }
        java.util.Random rnd = new java.util.Random(11);
        float[] l1 = new float[BLOCK], r1 = new float[BLOCK];
        for (int block = 0; block < 50; block++) {
            for (int i = 0; i < BLOCK; i++) {
                l1[i] = (float) rnd.nextGaussian();
                r1[i] = (float) rnd.nextGaussian();
            }
            float[] l2 = l1.clone(), r2 = r1.clone();
            Biquad.cascade(a[0], a[1], a[2], l1, r1, 0, BLOCK);
            for (Biquad q : b) {
                q.process(l2, r2, 0, BLOCK);
            }
            assertArrayEquals(l2, l1, 1e-6f);
            assertArrayEquals(r2, r1, 1e-6f);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {44100, 48000})
    void flatToneIsBitTransparent(double fs) {
        ToneControl tone = new ToneControl();
        tone.prepare(fs, 960, 480);
        tone.set(0, 0, 0, true);
        float[] l = new float[BLOCK], r = new float[BLOCK];
        java.util.Random rnd = new java.util.Random(3);
        for (int b = 0; b < 100; b++) {
            for (int i = 0; i < BLOCK; i++) {
                l[i] = (float) rnd.nextGaussian();
                r[i] = (float) rnd.nextGaussian();
            }
            float[] el = l.clone(), er = r.clone();
            tone.process(l, r, BLOCK);
            assertArrayEquals(el, l);
            assertArrayEquals(er, r);
        }
        assertTrue(tone.isFlat());
    }

    /**
     * No zipper, no click: a 1 kHz sine at 0.5 while the high shelf jumps 0 -> +12 dB, the low shelf
     * -12 -> +12 and the high-pass switches on at 200 Hz, then everything back. The sample-to-sample
     * step never exceeds the steepest step of the loudest steady state (0.5 · gain · 2 sin(πf/fs))
     * by more than 10 %, and the settings land on the prototype's gain.
     */
    @org.junit.jupiter.api.Test
    void settingChangesAreSmooth() {
        double fs = 48000, f = 1000;
        ToneControl tone = new ToneControl();
        tone.prepare(fs, 960, 480);
        tone.set(0, -12, 0, true);
        float[] l = new float[BLOCK], r = new float[BLOCK];
        double w = 2 * Math.PI * f / fs;
        double steepest = 0;
        float previous = 0;
        double maxGain = 0;
        for (float[] s : new float[][] {{0, -12, 0}, {200, 12, 12}, {0, 0, 0}}) {
            maxGain = Math.max(maxGain, Math.pow(10, prototypeDb(fs, s, f) / 20));
        }
        int total = (int) fs;
        for (int start = 0; start < total; start += BLOCK) {
            if (start == BLOCK * 100) {
                tone.set(200, 12, 12, false);
            } else if (start == BLOCK * 500) {
                tone.set(0, 0, 0, false);
            }
            for (int i = 0; i < BLOCK; i++) {
                l[i] = (float) (0.5 * Math.sin(w * (start + i)));
                r[i] = l[i];
            }
            tone.process(l, r, BLOCK);
            for (int i = 0; i < BLOCK; i++) {
                if (start + i > 0) {
                    steepest = Math.max(steepest, Math.abs(l[i] - previous));
                }
                previous = l[i];
            }
        }
        double bound = 0.5 * maxGain * 2 * Math.sin(Math.PI * f / fs);
        assertTrue(steepest <= 1.1 * bound, "steepest step " + steepest + " vs steady-state " + bound);
        assertTrue(tone.isFlat(), "back to flat and skipped");
    }
}
