package org.foldback.engine.mix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.foldback.engine.param.Params;
import org.junit.jupiter.api.Test;

/**
 * Steady-state formulas from first principles (settings made before prepare, so no ramps).
 * Expected values are computed here in double from the laws stated in docs/MIXING.md. Tolerance:
 * 2e-6 absolute on signals of amplitude at most ~3 (a few float ulps after 3-4 products and sums).
 */
class MixFormulasTest {
    private static final double TOL = 2e-6;
    private static final int N = 1024;

    private static void assertSignal(double[] expected, float[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], TOL, what + " at " + i);
        }
    }

    private static double[] times(float[] x, double g) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * g;
        }
        return y;
    }

    @Test
    void impulseThroughMonoSourceFollowsConstantPowerPan() {
        double[] pans = {-1, -0.6, -0.25, 0, 0.3, 0.75, 1};
        for (double pan : pans) {
            Rig rig = new Rig(2, 1, 64).blank();
            rig.p.set(Params.source(1).mode(), 1);
            rig.p.set(Params.cue(0).send(1).level(), -4.5f);
            rig.p.set(Params.cue(0).send(1).pan(), (float) pan);
            rig.prepare();
            float[][] in = new float[4][256];
            in[2][10] = 1f;     // left of source 2
            in[3][10] = 0.5f;   // right of source 2
            float[][] out = rig.render(in);
            double theta = ((float) pan + 1) * Math.PI / 4;
            double m = (1 + 0.5) / 2;
            double g = Rig.db(-4.5);
            assertEquals(g * m * Math.cos(theta), out[0][10], TOL, "left, pan " + pan);
            assertEquals(g * m * Math.sin(theta), out[1][10], TOL, "right, pan " + pan);
            for (int i = 0; i < 256; i++) {
                if (i != 10) {
                    assertEquals(0f, out[0][i]);
                    assertEquals(0f, out[1][i]);
                }
            }
        }
    }

    @Test
    void sinesThroughStereoSourceFollowBalanceLaw() {
        double[] pans = {-1, -0.5, -0.1, 0, 0.2, 0.5, 1};
        for (double pan : pans) {
            Rig rig = new Rig(1, 1, 64).blank();
            rig.p.set(Params.cue(0).send(0).level(), 6f);
            rig.p.set(Params.cue(0).send(0).pan(), (float) pan);
            rig.p.set(Params.cue(0).level(), -3f);
            rig.prepare();
            float[] l = Rig.sine(N, 997, 0.5, 0);
            float[] r = Rig.sine(N, 440, 0.4, 1);
            float[][] out = rig.render(new float[][] {l, r});
            double g = Rig.db(6) * Rig.db(-3);
            double p = (float) pan;
            double bl = p > 0 ? Math.cos(p * Math.PI / 2) : 1;
            double br = p < 0 ? Math.cos(-p * Math.PI / 2) : 1;
            assertSignal(times(l, g * bl), out[0], "left, pan " + pan);
            assertSignal(times(r, g * br), out[1], "right, pan " + pan);
        }
    }

    @Test
    void sendsSumAndCueDimAppliesItsAmount() {
        Rig rig = new Rig(3, 1, 64).blank();
        rig.p.set(Params.cue(0).send(0).level(), 0f);
        rig.p.set(Params.cue(0).send(2).level(), -10f);
        rig.p.set(Params.cue(0).send(1).mute(), 1);
        rig.p.set(Params.cue(0).send(1).level(), 10f);
        rig.p.set(Params.cue(0).dim(), 1);
        rig.p.set(Params.cue(0).dimAmount(), -20f);
        rig.prepare();
        float[] a = Rig.sine(N, 100, 0.3, 0);
        float[] b = Rig.sine(N, 1234, 0.9, 0);
        float[] c = Rig.sine(N, 5000, 0.7, 0.5);
        float[][] out = rig.render(new float[][] {a, a, b, b, c, c});
        double[] expected = new double[N];
        for (int i = 0; i < N; i++) {
            expected[i] = (a[i] + Rig.db(-10) * c[i]) * Rig.db(-20);
        }
        assertSignal(expected, out[0], "left");
        assertSignal(expected, out[1], "right");
    }

    /** Correlated input: R = L. Anticorrelated: R = -L. */
    @Test
    void foldDownModesOnCorrelatedAndAnticorrelatedInput() {
        float[] x = Rig.sine(N, 300, 0.5, 0);
        float[] minus = new float[N];
        for (int i = 0; i < N; i++) {
            minus[i] = -x[i];
        }
        double k3 = 1 / Math.sqrt(2);
        // {mode, law, gain on correlated, gain on anticorrelated}, both sides equal except stereo.
        double[][] cases = {
            {FoldDown.MONO_SUM, 0, 2 * k3, 0},
            {FoldDown.MONO_SUM, 1, 1, 0},
            {FoldDown.SIDE, 0, 0, 2 * k3},
            {FoldDown.SIDE, 1, 0, 1},
            {FoldDown.LEFT_ONLY, 0, 1, 1},
            {FoldDown.RIGHT_ONLY, 0, 1, -1},
        };
        for (double[] k : cases) {
            for (int anti = 0; anti < 2; anti++) {
                Rig rig = new Rig(1, 1, 64).blank();
                rig.p.set(Params.cue(0).send(0).level(), 0f);
                rig.p.set(Params.cue(0).fold(), (float) k[0]);
                rig.p.set(Params.cue(0).monoLaw(), (float) k[1]);
                rig.prepare();
                float[][] out = rig.render(new float[][] {x, anti == 0 ? x : minus});
                double g = k[2 + anti];
                String what = Params.get(Params.cue(0).fold()).choices().get((int) k[0]) + " "
                        + Params.get(Params.cue(0).monoLaw()).choices().get((int) k[1])
                        + (anti == 0 ? " correlated" : " anticorrelated");
                assertSignal(times(x, g), out[0], what + " left");
                assertSignal(times(x, g), out[1], what + " right");
            }
        }
    }

    @Test
    void swapThenPolarityPerOutputSide() {
        Rig rig = new Rig(1, 1, 64).blank();
        rig.p.set(Params.cue(0).send(0).level(), 0f);
        rig.p.set(Params.cue(0).swap(), 1);
        rig.p.set(Params.cue(0).polarityLeft(), 1);
        rig.prepare();
        float[] l = Rig.sine(N, 300, 0.5, 0);
        float[] r = Rig.sine(N, 700, 0.25, 0);
        float[][] out = rig.render(new float[][] {l, r});
        assertSignal(times(r, -1), out[0], "left = -R");
        assertSignal(times(l, 1), out[1], "right = L");
    }

    @Test
    void bypassPassesMainInputToCueOneOnly() {
        Rig rig = new Rig(2, 3, 64).blank();
        rig.p.set(Params.global().bypass(), 1);
        rig.prepare();
        float[] l = Rig.sine(N, 300, 1.5, 0);
        float[] r = Rig.sine(N, 700, 0.25, 0);
        float[][] out = rig.render(new float[][] {l, r, r, l});
        assertSignal(times(l, 1), out[0], "cue 1 left");
        assertSignal(times(r, 1), out[1], "cue 1 right");
        for (int ch = 2; ch < 6; ch++) {
            assertSignal(new double[N], out[ch], "cue " + (ch / 2 + 1));
        }
    }

    @Test
    void talkbackPressRampsInTenMillisecondsAndDimsOnlyTheProgramme() {
        // Source 1 programme, source 2 talkback, source 3 click; all DC 1 so the output is the gain.
        int length = 4096;
        Rig rig = new Rig(3, 2, 48).blank();
        rig.p.set(Params.global().talkbackSource(), 2);
        rig.p.set(Params.global().clickSource(), 3);
        rig.p.set(Params.global().talkbackDim(), -15f);
        rig.p.set(Params.cue(1).talkback(), 0);
        for (int c = 0; c < 2; c++) {
            for (int s = 0; s < 3; s++) {
                rig.p.set(Params.cue(c).send(s).level(), 0f);
                rig.p.set(Params.cue(c).send(s).pan(), -1f); // stereo balance hard left: right side silent
            }
        }
        rig.prepare();
        int press = 960;
        float[][] one = Rig.constant(6, length, 0f);
        java.util.Arrays.fill(one[0], 1f);      // programme, left
        java.util.Arrays.fill(one[2], 0.25f);   // talkback, left
        java.util.Arrays.fill(one[4], 0.125f);  // click, left
        float[][] out = rig.render(one, start -> rig.p.set(Params.global().talkbackOn(), start >= press ? 1 : 0));
        double dim = Rig.db(-15);
        for (int i = 0; i < length; i++) {
            double t = Math.min(1, Math.max(0, (i - press + 1) / (double) Rig.TOGGLE_RAMP));
            double expected = (1 + t * (dim - 1)) + 0.25 * t + 0.125;
            assertEquals(expected, out[0][i], TOL, "cue 1 (hears talkback) at " + i);
            assertEquals(1 + 0.125, out[2][i], TOL, "cue 2 (talkback off) at " + i);
            assertEquals(0f, out[1][i]);
        }
        assertEquals(dim + 0.25 + 0.125, out[0][press + Rig.TOGGLE_RAMP - 1], TOL, "fully on after 10 ms");
    }

    @Test
    void levelJumpFromOffToPlusTenIsRampedWithBoundedSteps() {
        // DC 1 in; cue level -inf -> +10 dB. A 20 ms linear ramp's steepest step is 10^(10/20)/960,
        // plus float rounding of two neighbouring samples near 3.16 (2 ulps).
        for (int block : new int[] {64, 100, 1}) {
            Rig rig = new Rig(1, 1, block).blank();
            rig.p.set(Params.cue(0).send(0).level(), 0f);
            rig.p.set(Params.cue(0).level(), Params.LEVEL_MIN_DB);
            rig.prepare();
            int jump = 5 * block;
            float[][] out = rig.render(Rig.constant(2, 4000, 1f),
                    start -> rig.p.set(Params.cue(0).level(), start >= jump ? 10f : Params.LEVEL_MIN_DB));
            double bound = Rig.db(10) / Rig.GAIN_RAMP + 2 * Math.ulp(3.2f);
            double maxStep = 0;
            for (int i = 1; i < out[0].length; i++) {
                maxStep = Math.max(maxStep, Math.abs(out[0][i] - out[0][i - 1]));
            }
            assertTrue(maxStep <= bound, "block " + block + ": step " + maxStep + " > " + bound);
            assertTrue(maxStep > bound * 0.9, "the ramp should actually be this steep: " + maxStep);
            // Reaches the target by the end of the block in which 20 ms have passed.
            int done = jump + ((Rig.GAIN_RAMP + block - 1) / block) * block;
            assertEquals(Rig.db(10), out[0][done - 1], 1e-5);
            assertEquals(0f, out[0][jump - 1]);
        }
    }

    @Test
    void togglesCrossfadeInsteadOfStepping() {
        // Each toggle on a DC input: max step <= (largest jump of the output) / 480 samples.
        int[] toggles = {Params.cue(0).mute(), Params.cue(0).send(0).mute(), Params.cue(0).polarityLeft(), Params.cue(0).swap(),
            Params.cue(0).dim(), Params.source(0).mode(), Params.global().bypass()};
        for (int toggle : toggles) {
            Rig rig = new Rig(1, 1, 64).blank();
            rig.p.set(Params.cue(0).send(0).level(), 0f);
            rig.prepare();
            float[][] in = {Rig.constant(1, 3000, 0.5f)[0], Rig.constant(1, 3000, -0.25f)[0]};
            float[][] out = rig.render(in, start -> rig.p.set(toggle, start >= 640 ? 1 : 0));
            for (int ch = 0; ch < 2; ch++) {
                double jump = Math.abs(out[ch][2999] - out[ch][0]);
                double maxStep = 0;
                for (int i = 1; i < 3000; i++) {
                    maxStep = Math.max(maxStep, Math.abs(out[ch][i] - out[ch][i - 1]));
                }
                // A matrix crossfade is linear per coefficient, so no step exceeds the whole
                // change spread over the 10 ms fade (plus rounding).
                double bound = 1.5 / Rig.TOGGLE_RAMP;
                assertTrue(maxStep <= bound, Params.get(toggle).id() + " ch " + ch + " step " + maxStep
                        + " (total change " + jump + ")");
            }
        }
    }
}
