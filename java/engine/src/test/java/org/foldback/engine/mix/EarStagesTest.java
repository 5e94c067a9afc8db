package org.foldback.engine.mix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.foldback.engine.crossfeed.Crossfeed;
import org.foldback.engine.param.Params;
import org.foldback.engine.tone.ToneControl;
import org.junit.jupiter.api.Test;

/**
 * Where the performer's-ear stages sit in a cue (docs/MIXING.md): sends + ambience return, then
 * tone, then crossfeed, then the output stage (level, dim, mute, fold-down, swap, polarity), then
 * the limiter, last.
 */
class EarStagesTest {
    static final int BLOCK = 64;

    /** A cue with tone, crossfeed and a side fold-down equals the stand-alone units chained in that order. */
    @Test
    void toneThenCrossfeedThenFoldDown() {
        Rig rig = new Rig(1, 1, BLOCK).blank();
        rig.p.set(Params.cue(0).send(0).level(), 0f);
        rig.p.set(Params.cue(0).fold(), 4); // Side: k·(L - R), where crossfeed before or after differs
        rig.p.set(Params.cue(0).toneHighPass(), 100);
        rig.p.set(Params.cue(0).toneLow(), 6);
        rig.p.set(Params.cue(0).toneHigh(), -6);
        rig.p.set(Params.cue(0).crossfeed(), Crossfeed.Level.JAN_MEIER.ordinal());
        rig.prepare();
        float[][] x = noise(2, 48000, 5);
        float[][] y = rig.render(x);

        ToneControl tone = new ToneControl();
        tone.prepare(Rig.RATE, Rig.GAIN_RAMP, Rig.TOGGLE_RAMP);
        tone.set(100, 6, -6, true);
        Crossfeed crossfeed = new Crossfeed();
        crossfeed.prepare(Rig.RATE, Rig.TOGGLE_RAMP);
        crossfeed.set(Crossfeed.Level.JAN_MEIER, true);
        float[] l = new float[BLOCK], r = new float[BLOCK];
        float k = (float) (1 / Math.sqrt(2));
        for (int start = 0; start < x[0].length; start += BLOCK) {
            System.arraycopy(x[0], start, l, 0, BLOCK);
            System.arraycopy(x[1], start, r, 0, BLOCK);
            tone.process(l, r, BLOCK);
            crossfeed.process(l, r, BLOCK);
            for (int i = 0; i < BLOCK; i++) {
                float side = k * (l[i] - r[i]);
                assertEquals(side, y[0][start + i], 1e-6f, "left at " + (start + i));
                assertEquals(side, y[1][start + i], 1e-6f, "right at " + (start + i));
            }
        }
    }

    /** A +12 dB low shelf into a -6 dBFS ceiling: the limiter, last, still holds every sample. */
    @Test
    void limiterStaysLast() {
        Rig rig = new Rig(1, 1, BLOCK).blank();
        rig.p.set(Params.cue(0).send(0).level(), 0f);
        rig.p.set(Params.cue(0).limiter(), 1);
        rig.p.set(Params.cue(0).ceiling(), -6f);
        rig.p.set(Params.cue(0).toneHighPass(), 0);
        rig.p.set(Params.cue(0).toneLow(), 12);
        rig.p.set(Params.cue(0).toneHigh(), 0);
        rig.p.set(Params.cue(0).crossfeed(), Crossfeed.Level.DEFAULT.ordinal());
        rig.prepare();
        float[] bass = Rig.sine(48000, 60, 0.4, 0);
        float[][] y = rig.render(new float[][] {bass, bass});
        float ceiling = (float) Rig.db(-6);
        double peak = 0;
        for (float[] ch : y) {
            for (float v : ch) {
                assertTrue(Math.abs(v) <= ceiling, "sample " + v + " above the ceiling " + ceiling);
                peak = Math.max(peak, Math.abs(v));
            }
        }
        assertTrue(peak > 0.99 * ceiling, "the boost reached the limiter: peak " + peak);
    }

    /**
     * A maximum of 94 dB SPL on a cue calibrated at 100 dB SPL (full scale): the ceiling becomes
     * -6 dBFS although the parameter says -1 and the limiter switch is off; uncalibrated, the
     * same setting changes nothing at all.
     */
    @Test
    void maximumLevelSetsTheCeilingOnceCalibrated() {
        float[] loud = Rig.sine(48000, 440, 0.9, 0);
        float[][] x = {loud, loud};
        Rig plain = new Rig(1, 1, BLOCK).blank();
        plain.p.set(Params.cue(0).send(0).level(), 0f);
        plain.p.set(Params.cue(0).limiter(), 0);
        plain.prepare();
        float[][] reference = plain.render(x);

        Rig uncalibrated = new Rig(1, 1, BLOCK).blank();
        uncalibrated.p.set(Params.cue(0).send(0).level(), 0f);
        uncalibrated.p.set(Params.cue(0).limiter(), 0);
        uncalibrated.p.set(Params.cue(0).maxSpl(), 94f);
        uncalibrated.engine.setCalibrations(c -> Double.NaN);
        uncalibrated.prepare();
        float[][] same = uncalibrated.render(x);
        assertArrayEquals(reference[0], same[0]);
        assertArrayEquals(reference[1], same[1]);

        Rig rig = new Rig(1, 1, BLOCK).blank();
        rig.p.set(Params.cue(0).send(0).level(), 0f);
        rig.p.set(Params.cue(0).limiter(), 0);
        rig.p.set(Params.cue(0).maxSpl(), 94f);
        rig.engine.setCalibrations(c -> 100.0);
        rig.prepare();
        float[][] y = rig.render(x);
        float ceiling = (float) Rig.db(-6);
        double peak = 0;
        for (float[] ch : y) {
            for (float v : ch) {
                assertTrue(Math.abs(v) <= ceiling, "sample " + v + " above 94 dB SPL (" + ceiling + ")");
                peak = Math.max(peak, Math.abs(v));
            }
        }
        assertTrue(peak > 0.99 * ceiling, "held at the ceiling, not below: " + peak);
    }

    /**
     * One reverb, a send from source 1, heard only by cue 2: cue 1 is bit-identical to a desk
     * without ambience; cue 2's dry impulse is at sample 0 (zero latency) and its reverb arrives
     * after the pre-delay; with the send off the reverb idles once its tail has gone.
     */
    @Test
    void ambienceSendsAndReturns() {
        float[][] x = new float[2][48000 * 4];
        x[0][0] = 0.5f;
        x[1][0] = 0.5f;
        Rig plain = desk();
        plain.prepare();
        float[][] reference = plain.render(x);

        Rig rig = desk();
        rig.p.set(Params.global().ambienceSize(), 50f);
        rig.p.set(Params.global().ambienceDecay(), 0.5f);
        rig.p.set(Params.global().ambiencePreDelay(), 30f);
        rig.p.set(Params.source(0).ambience(), 0f);
        rig.p.set(Params.cue(1).ambience(), 0f);
        rig.prepare();
        int[] sendOffAt = {48000};
        float[][] y = rig.render(x, start -> {
            if (start == sendOffAt[0]) {
                rig.p.set(Params.source(0).ambience(), Params.LEVEL_MIN_DB);
            }
        });
        assertArrayEquals(reference[0], y[0], "cue 1 left untouched");
        assertArrayEquals(reference[1], y[1], "cue 1 right untouched");
        assertEquals(0.5f, y[2][0], 0f, "dry impulse at sample 0 on cue 2");
        int preDelay = (int) (0.030 * Rig.RATE);
        for (int i = 1; i < preDelay; i++) {
            assertEquals(0f, y[2][i], 0f, "nothing between the dry impulse and the pre-delay, at " + i);
        }
        double wet = 0;
        for (int i = preDelay; i < 24000; i++) {
            wet += y[2][i] * y[2][i] + y[3][i] * y[3][i];
        }
        assertTrue(wet > 1e-3, "reverb heard on cue 2: energy " + wet);
        assertTrue(rig.engine.isAmbienceIdle(), "idle after the tail (T60 0.5 s) with the send off");
    }

    /** Talkback stays dry: its ambience send is ignored, talking or not. */
    @Test
    void talkbackNeverReachesTheReverb() {
        float[][] x = noise(2, 48000, 8);
        Rig plain = desk();
        plain.p.set(Params.global().talkbackSource(), 1);
        plain.p.set(Params.global().talkbackOn(), 1);
        plain.prepare();
        float[][] reference = plain.render(x);
        Rig rig = desk();
        rig.p.set(Params.global().talkbackSource(), 1);
        rig.p.set(Params.global().talkbackOn(), 1);
        rig.p.set(Params.source(0).ambience(), 0f);
        rig.p.set(Params.cue(1).ambience(), 0f);
        rig.prepare();
        float[][] y = rig.render(x);
        assertArrayEquals(reference[2], y[2]);
        assertArrayEquals(reference[3], y[3]);
        assertTrue(rig.engine.isAmbienceIdle());
    }

    private static Rig desk() {
        Rig rig = new Rig(1, 2, BLOCK).blank();
        rig.p.set(Params.cue(0).send(0).level(), 0f);
        rig.p.set(Params.cue(1).send(0).level(), 0f);
        return rig;
    }

    static float[][] noise(int channels, int length, long seed) {
        Random rnd = new Random(seed);
        float[][] x = new float[channels][length];
        for (float[] ch : x) {
            for (int i = 0; i < length; i++) {
                ch[i] = (float) (0.2 * rnd.nextGaussian());
            }
        }
        return x;
    }
}
