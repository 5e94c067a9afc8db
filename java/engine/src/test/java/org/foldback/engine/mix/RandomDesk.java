package org.foldback.engine.mix;

import java.util.Random;
import org.foldback.engine.param.ParamStore;
import org.foldback.engine.param.Params;

/** Random settings and random signals for property tests; everything from one seeded Random. */
final class RandomDesk {
    private RandomDesk() {}

    static float level(Random rnd) {
        return rnd.nextInt(5) == 0 ? Params.LEVEL_MIN_DB : -40f + 50f * rnd.nextFloat();
    }

    static void randomiseGlobals(ParamStore p, Random rnd, int sources) {
        p.set(Params.TALKBACK_SOURCE, rnd.nextInt(sources + 1));
        p.set(Params.CLICK_SOURCE, rnd.nextInt(sources + 1));
        p.set(Params.TALKBACK_ON, rnd.nextInt(2));
        p.set(Params.TALKBACK_DIM, -60f * rnd.nextFloat());
        for (int s = 0; s < sources; s++) {
            p.set(Params.sourceMode(s), rnd.nextInt(2));
        }
    }

    /** Randomises one cue's own settings and sends; the limiter stays as {@code limiter} says. */
    static void randomiseCue(ParamStore p, Random rnd, int cue, int sources, boolean limiter) {
        p.set(Params.cueLevel(cue), level(rnd));
        p.set(Params.cueMute(cue), rnd.nextInt(6) == 0 ? 1 : 0);
        p.set(Params.cueDim(cue), rnd.nextInt(2));
        p.set(Params.cueDimAmount(cue), -60f * rnd.nextFloat());
        p.set(Params.cueFold(cue), rnd.nextInt(Params.FOLD_MODES.size()));
        p.set(Params.cueMonoLaw(cue), rnd.nextInt(2));
        p.set(Params.cuePolarityLeft(cue), rnd.nextInt(2));
        p.set(Params.cuePolarityRight(cue), rnd.nextInt(2));
        p.set(Params.cueSwap(cue), rnd.nextInt(2));
        p.set(Params.cueLimiter(cue), limiter ? 1 : 0);
        p.set(Params.cueCeiling(cue), -20f * rnd.nextFloat());
        p.set(Params.cueTalkback(cue), rnd.nextInt(2));
        for (int s = 0; s < sources; s++) {
            p.set(Params.sendLevel(cue, s), level(rnd));
            p.set(Params.sendPan(cue, s), rnd.nextFloat() * 2 - 1);
            p.set(Params.sendMute(cue, s), rnd.nextInt(5) == 0 ? 1 : 0);
        }
    }

    /** One random parameter of one cue (its own or a send). */
    static void nudgeCue(ParamStore p, Random rnd, int cue, int sources) {
        int[] all = CueActions.parametersOf(cue);
        int pick;
        do {
            pick = all[rnd.nextInt(all.length)];
        } while (isSendOfInactiveSource(pick, cue, sources));
        float min = Params.get(pick).min(), max = Params.get(pick).max();
        p.set(pick, min + (max - min) * rnd.nextFloat());
    }

    private static boolean isSendOfInactiveSource(int index, int cue, int sources) {
        for (int s = sources; s < org.foldback.engine.Layout.MAX_SOURCES; s++) {
            if (index == Params.sendLevel(cue, s) || index == Params.sendPan(cue, s) || index == Params.sendMute(cue, s)) {
                return true;
            }
        }
        return false;
    }

    static float[][] signals(Random rnd, int channels, int length) {
        float[][] x = new float[channels][length];
        for (float[] ch : x) {
            int kind = rnd.nextInt(3);
            double f = 20 + rnd.nextDouble() * 15000;
            for (int i = 0; i < length; i++) {
                ch[i] = kind == 0 ? (float) rnd.nextGaussian() * 0.3f
                        : kind == 1 ? (float) (0.8 * Math.sin(2 * Math.PI * f * i / Rig.RATE))
                        : (rnd.nextFloat() * 2 - 1);
            }
        }
        return x;
    }
}
