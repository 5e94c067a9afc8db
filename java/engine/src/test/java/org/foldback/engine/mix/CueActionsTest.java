package org.foldback.engine.mix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.foldback.engine.Layout;
import org.foldback.engine.param.ParamSpec;
import org.foldback.engine.param.ParamStore;
import org.foldback.engine.param.Params;
import org.junit.jupiter.api.Test;

class CueActionsTest {

    @Test
    void cloneCopiesEverySettingAndTouchesNothingElse() {
        ParamStore store = new ParamStore();
        Random rnd = new Random(11);
        RandomDesk.randomiseCue(store, rnd, 2, Layout.MAX_SOURCES, true);
        RandomDesk.randomiseCue(store, rnd, 5, Layout.MAX_SOURCES, false);
        ParamStore before = new ParamStore();
        before.copyFrom(store);
        CueActions.clone(store, 2, 5);
        List<ParamSpec> from = Params.cue(2).all();
        List<ParamSpec> to = Params.cue(5).all();
        Set<Integer> changed = new HashSet<>();
        for (int i = 0; i < from.size(); i++) {
            // The same setting on both cues: "cue3.src4.pan" onto "cue6.src4.pan".
            assertEquals(from.get(i).id().substring(5), to.get(i).id().substring(5));
            assertEquals(store.get(from.get(i).index()), store.get(to.get(i).index()), to.get(i).id());
            changed.add(to.get(i).index());
        }
        for (int i = 0; i < Params.count(); i++) {
            if (!changed.contains(i)) {
                assertEquals(before.get(i), store.get(i), Params.get(i).id());
            }
        }
    }

    @Test
    void resetRestoresDefaults() {
        ParamStore store = new ParamStore();
        RandomDesk.randomiseCue(store, new Random(12), 3, Layout.MAX_SOURCES, false);
        CueActions.reset(store, 3);
        for (int i = 0; i < Params.count(); i++) {
            ParamSpec p = Params.get(i);
            if (p.id().startsWith("cue4.")) {
                assertEquals(p.defaultValue(), store.get(i), p.id());
            }
        }
    }
}
