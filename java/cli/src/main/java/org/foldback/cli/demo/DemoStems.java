package org.foldback.cli.demo;

import java.util.Random;

/**
 * A short, plausible band session synthesized from scratch: drums, bass, keys, a sung line and a
 * click at 120 BPM over A minor - F - C - G, plus the DAW's main mix of the band. Every stem is
 * stereo, deterministic (seeded noise) and sits around -18 dBFS RMS, the level the meters are
 * referenced to.
 */
public final class DemoStems {
    public static final int SAMPLE_RATE = 48000;
    public static final double BPM = 120;
    public static final int BARS = 6;

    /** Stem names in source order; matches the four-piece-band preset (src1 = main mix ...). */
    public static final String[] NAMES = {"main-mix", "drums", "bass", "keys", "vocal", "click", "talkback"};

    private static final double BEAT = 60.0 / BPM;
    private static final double[] ROOTS_HZ = {110.0, 87.31, 130.81, 98.0};   // A2 F2 C3 G2
    private static final int[][] CHORDS = {{0, 3, 7}, {0, 4, 7}, {0, 4, 7}, {0, 4, 7}};   // semitones
    private static final int[] MELODY = {12, 15, 17, 15, 12, 10, 7, 10};                   // over the root

    private DemoStems() {}

    public static int frames() {
        return (int) (BARS * 4 * BEAT * SAMPLE_RATE);
    }

    /** All stems, [stem][channel][frame]. */
    public static float[][][] render() {
        int n = frames();
        float[][][] stems = new float[NAMES.length][2][n];
        drums(stems[1], new Random(1));
        bass(stems[2]);
        keys(stems[3]);
        vocal(stems[4]);
        click(stems[5]);
        // stems[6], the talkback mic, stays silent: nobody presses talk in the demo.
        mainMix(stems);
        return stems;
    }

    private static void drums(float[][] out, Random noise) {
        int beats = BARS * 4;
        for (int b = 0; b < beats; b++) {
            int start = at(b * BEAT);
            if (b % 2 == 0) {
                kick(out, start);
            } else {
                snare(out, start, noise);
            }
            hat(out, start, noise, 0.6f);
            hat(out, at((b + 0.5) * BEAT), noise, 0.35f);
        }
    }

    private static void kick(float[][] out, int start) {
        double phase = 0;
        for (int i = 0; i < at(0.35) && start + i < out[0].length; i++) {
            double t = i / (double) SAMPLE_RATE;
            double f = 50 + 90 * Math.exp(-t * 30);
            phase += 2 * Math.PI * f / SAMPLE_RATE;
            float v = (float) (0.55 * Math.sin(phase) * Math.exp(-t * 9));
            out[0][start + i] += v;
            out[1][start + i] += v;
        }
    }

    private static void snare(float[][] out, int start, Random noise) {
        for (int i = 0; i < at(0.2) && start + i < out[0].length; i++) {
            double t = i / (double) SAMPLE_RATE;
            double env = Math.exp(-t * 22);
            double v = env * (0.25 * (noise.nextDouble() * 2 - 1) + 0.2 * Math.sin(2 * Math.PI * 190 * t));
            out[0][start + i] += (float) v;
            out[1][start + i] += (float) v;
        }
    }

    private static void hat(float[][] out, int start, Random noise, float level) {
        double previous = 0;
        for (int i = 0; i < at(0.05) && start + i < out[0].length; i++) {
            double t = i / (double) SAMPLE_RATE;
            double white = noise.nextDouble() * 2 - 1;
            double bright = white - previous;   // a first difference: noise tilted to the top end
            previous = white;
            double v = level * 0.12 * bright * Math.exp(-t * 80);
            out[0][start + i] += (float) (0.7 * v);   // hats a little right of centre
            out[1][start + i] += (float) v;
        }
    }

    private static void bass(float[][] out) {
        for (int e = 0; e < BARS * 8; e++) {
            double root = ROOTS_HZ[(e / 8) % ROOTS_HZ.length];
            int start = at(e * BEAT / 2);
            int length = at(BEAT / 2 * 0.9);
            for (int i = 0; i < length && start + i < out[0].length; i++) {
                double t = i / (double) SAMPLE_RATE;
                double env = Math.min(1, t * 200) * Math.exp(-t * 3);
                double v = 0;
                for (int h = 1; h <= 6; h++) {   // a soft sawtooth: harmonics falling 1/h^1.5
                    v += Math.sin(2 * Math.PI * root * h * t) / Math.pow(h, 1.5);
                }
                float s = (float) (0.22 * env * v);
                out[0][start + i] += s;
                out[1][start + i] += s;
            }
        }
    }

    private static void keys(float[][] out) {
        for (int bar = 0; bar < BARS; bar++) {
            double root = ROOTS_HZ[bar % ROOTS_HZ.length] * 2;
            int[] chord = CHORDS[bar % CHORDS.length];
            int start = at(bar * 4 * BEAT);
            int length = at(4 * BEAT);
            for (int i = 0; i < length && start + i < out[0].length; i++) {
                double t = i / (double) SAMPLE_RATE;
                double env = Math.min(1, t * 20) * (0.6 + 0.4 * Math.exp(-t * 2));
                double v = 0;
                for (int k = 0; k < chord.length; k++) {
                    double f = root * Math.pow(2, chord[k] / 12.0);
                    v += Math.sin(2 * Math.PI * f * t) + 0.3 * Math.sin(4 * Math.PI * f * t);
                }
                float s = (float) (0.06 * env * v);
                out[0][start + i] += s;          // keys left of centre
                out[1][start + i] += 0.5f * s;
            }
        }
    }

    private static void vocal(float[][] out) {
        for (int note = 0; note < BARS * 4; note++) {
            if (note % 8 == 7) {
                continue;   // the singer breathes
            }
            double root = ROOTS_HZ[(note / 4) % ROOTS_HZ.length] * 2;
            double f = root * Math.pow(2, MELODY[note % MELODY.length] / 12.0);
            int start = at(note * BEAT);
            int length = at(BEAT * 0.85);
            double phase = 0;
            for (int i = 0; i < length && start + i < out[0].length; i++) {
                double t = i / (double) SAMPLE_RATE;
                double vibrato = 1 + 0.006 * Math.sin(2 * Math.PI * 5.5 * t) * Math.min(1, t * 4);
                phase += 2 * Math.PI * f * vibrato / SAMPLE_RATE;
                double env = Math.min(1, t * 25) * Math.min(1, (length - i) / (0.05 * SAMPLE_RATE));
                // A vowel-like spectrum: strong low harmonics, a lift near 2-3 kHz.
                double v = Math.sin(phase) + 0.5 * Math.sin(2 * phase) + 0.25 * Math.sin(3 * phase)
                        + 0.12 * Math.sin(5 * phase) + 0.08 * Math.sin(7 * phase);
                float s = (float) (0.16 * env * v);
                out[0][start + i] += s;
                out[1][start + i] += s;
            }
        }
    }

    private static void click(float[][] out) {
        for (int b = 0; b < BARS * 4; b++) {
            double f = b % 4 == 0 ? 1500 : 1000;   // the downbeat is higher
            int start = at(b * BEAT);
            for (int i = 0; i < at(0.03) && start + i < out[0].length; i++) {
                double t = i / (double) SAMPLE_RATE;
                float s = (float) (0.5 * Math.sin(2 * Math.PI * f * t) * Math.exp(-t * 120));
                out[0][start + i] += s;
                out[1][start + i] += s;
            }
        }
    }

    /** The DAW's mix of the band (no click, no talkback), 6 dB under the sum of the stems. */
    private static void mainMix(float[][][] stems) {
        for (int ch = 0; ch < 2; ch++) {
            for (int i = 0; i < stems[0][ch].length; i++) {
                stems[0][ch][i] = 0.5f * (stems[1][ch][i] + stems[2][ch][i] + stems[3][ch][i] + stems[4][ch][i]);
            }
        }
    }

    private static int at(double seconds) {
        return (int) Math.round(seconds * SAMPLE_RATE);
    }
}
