package org.foldback.engine.mix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.foldback.engine.Layout;
import org.foldback.engine.param.ParamStore;
import org.foldback.engine.param.Params;
import org.junit.jupiter.api.Test;

class CueActionsTest {

    @Test
    void parametersOfACueAreExactlyThoseWhoseIdStartsWithIt() {
        for (int c = 0; c < Layout.MAX_CUES; c++) {
            Set<Integer> expected = new HashSet<>();
            for (int i = 0; i < Params.count(); i++) {
                if (Params.get(i).id().startsWith("cue" + (c + 1) + ".")) {
                    expected.add(i);
                }
            }
            Set<Integer> actual = new HashSet<>();
            for (int i : CueActions.parametersOf(c)) {
                actual.add(i);
            }
            assertEquals(expected, actual);
        }
    }

    @Test
    void cloneCopiesEverySettingAndTouchesNothingElse() {
        ParamStore store = new ParamStore();
        Random rnd = new Random(11);
        RandomDesk.randomiseCue(store, rnd, 2, Layout.MAX_SOURCES, true);
        RandomDesk.randomiseCue(store, rnd, 5, Layout.MAX_SOURCES, false);
        ParamStore before = new ParamStore();
        before.copyFrom(store);
        CueActions.clone(store, 2, 5);
        int[] from = CueActions.parametersOf(2);
        int[] to = CueActions.parametersOf(5);
        Set<Integer> changed = new HashSet<>();
        for (int i = 0; i < from.length; i++) {
            assertEquals(store.get(from[i]), store.get(to[i]), Params.get(to[i]).id());
            changed.add(to[i]);
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
        for (int i : CueActions.parametersOf(3)) {
            assertEquals(Params.get(i).defaultValue(), store.get(i), Params.get(i).id());
        }
    }
}
