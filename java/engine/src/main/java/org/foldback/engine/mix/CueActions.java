package org.foldback.engine.mix;

import static org.foldback.engine.Layout.MAX_SOURCES;

import org.foldback.engine.param.ParamStore;
import org.foldback.engine.param.Params;

/**
 * Whole-cue edits a user makes from the editor: not parameters, not automatable. Cue indices are
 * 0-based, as in {@link Params}. Each write goes through {@link ParamStore#set}, so the audio
 * thread ramps to the new values as it would for any other edit. Call from the message thread.
 */
public final class CueActions {
    private CueActions() {}

    /** Copies every setting of cue {@code from} (level, dim, fold-down, limiter, sends...) onto {@code to}. */
    public static void clone(ParamStore store, int from, int to) {
        int[] source = parametersOf(from);
        int[] target = parametersOf(to);
        for (int i = 0; i < source.length; i++) {
            store.set(target[i], store.get(source[i]));
        }
    }

    /** Puts every setting of {@code cue} back to its default. */
    public static void reset(ParamStore store, int cue) {
        for (int index : parametersOf(cue)) {
            store.set(index, Params.get(index).defaultValue());
        }
    }

    /** Every parameter index belonging to {@code cue}, in the same order for every cue. */
    public static int[] parametersOf(int cue) {
        int[] own = {
            Params.cueLevel(cue), Params.cueMute(cue), Params.cueDim(cue), Params.cueDimAmount(cue),
            Params.cueFold(cue), Params.cueMonoLaw(cue), Params.cuePolarityLeft(cue),
            Params.cuePolarityRight(cue), Params.cueSwap(cue), Params.cueLimiter(cue),
            Params.cueCeiling(cue), Params.cueTalkback(cue),
        };
        int[] all = new int[own.length + 3 * MAX_SOURCES];
        System.arraycopy(own, 0, all, 0, own.length);
        for (int s = 0; s < MAX_SOURCES; s++) {
            all[own.length + 3 * s] = Params.sendLevel(cue, s);
            all[own.length + 3 * s + 1] = Params.sendPan(cue, s);
            all[own.length + 3 * s + 2] = Params.sendMute(cue, s);
        }
        return all;
    }
}
