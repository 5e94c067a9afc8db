package org.foldback.engine.mix;

import java.util.List;
import java.util.Random;
import org.foldback.engine.param.ParamAddress;
import org.foldback.engine.param.ParamScope;
import org.foldback.engine.param.ParamSpec;
import org.foldback.engine.param.ParamStore;
import org.foldback.engine.param.Params;

/** Random settings and random signals for property tests; everything from one seeded Random. */
final class RandomDesk {
    private RandomDesk() {}

    static float level(Random rnd) {
        return rnd.nextInt(5) == 0 ? Params.LEVEL_MIN_DB : -40f + 50f * rnd.nextFloat();
    }

    static void randomiseGlobals(ParamStore p, Random rnd, int sources) {
        p.set(Params.global().talkbackSource(), rnd.nextInt(sources + 1));
        p.set(Params.global().clickSource(), rnd.nextInt(sources + 1));
        p.set(Params.global().talkbackOn(), rnd.nextInt(2));
        p.set(Params.global().talkbackDim(), -60f * rnd.nextFloat());
        for (int s = 0; s < sources; s++) {
            p.set(Params.source(s).mode(), rnd.nextInt(2));
        }
    }

    /** Randomises one cue's own settings and sends; the limiter stays as {@code limiter} says. */
    static void randomiseCue(ParamStore p, Random rnd, int cue, int sources, boolean limiter) {
        p.set(Params.cue(cue).level(), level(rnd));
        p.set(Params.cue(cue).mute(), rnd.nextInt(6) == 0 ? 1 : 0);
        p.set(Params.cue(cue).dim(), rnd.nextInt(2));
        p.set(Params.cue(cue).dimAmount(), -60f * rnd.nextFloat());
        p.set(Params.cue(cue).fold(), rnd.nextInt(Params.get(Params.cue(cue).fold()).choices().size()));
        p.set(Params.cue(cue).monoLaw(), rnd.nextInt(2));
        p.set(Params.cue(cue).polarityLeft(), rnd.nextInt(2));
        p.set(Params.cue(cue).polarityRight(), rnd.nextInt(2));
        p.set(Params.cue(cue).swap(), rnd.nextInt(2));
        p.set(Params.cue(cue).limiter(), limiter ? 1 : 0);
        p.set(Params.cue(cue).ceiling(), -20f * rnd.nextFloat());
        p.set(Params.cue(cue).talkback(), rnd.nextInt(2));
        for (int s = 0; s < sources; s++) {
            p.set(Params.cue(cue).send(s).level(), level(rnd));
            p.set(Params.cue(cue).send(s).pan(), rnd.nextFloat() * 2 - 1);
            p.set(Params.cue(cue).send(s).mute(), rnd.nextInt(5) == 0 ? 1 : 0);
        }
    }

    /** One random parameter of one cue (its own or a send). */
    static void nudgeCue(ParamStore p, Random rnd, int cue, int sources) {
        List<ParamSpec> all = Params.cue(cue).all();
        int pick;
        do {
            pick = all.get(rnd.nextInt(all.size())).index();
        } while (isSendOfInactiveSource(pick, sources));
        float min = Params.get(pick).min(), max = Params.get(pick).max();
        p.set(pick, min + (max - min) * rnd.nextFloat());
    }

    /** A send from a source beyond the active ones (the reverse lookup says whose it is). */
    private static boolean isSendOfInactiveSource(int index, int sources) {
        ParamAddress at = Params.get(index).address();
        return at.scope() == ParamScope.SEND && at.source() >= sources;
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
