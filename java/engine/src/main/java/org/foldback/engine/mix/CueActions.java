package org.foldback.engine.mix;

import java.util.List;
import org.foldback.engine.param.ParamSpec;
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
        // Every cue's parameters come in the same order (Params.cue(c).all()).
        List<ParamSpec> source = Params.cue(from).all();
        List<ParamSpec> target = Params.cue(to).all();
        for (int i = 0; i < source.size(); i++) {
            store.set(target.get(i).index(), store.get(source.get(i).index()));
        }
    }

    /** Puts every setting of {@code cue} back to its default. */
    public static void reset(ParamStore store, int cue) {
        for (ParamSpec p : Params.cue(cue).all()) {
            store.set(p.index(), p.defaultValue());
        }
    }
}
