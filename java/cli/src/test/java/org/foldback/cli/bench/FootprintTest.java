package org.foldback.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.foldback.engine.FoldbackProcessor;
import org.junit.jupiter.api.Test;

class FootprintTest {
    /** Something of ours with a primitive array and a reference to another of ours. */
    static final class Node {
        final long[] values = new long[32];
        Node next;
    }

    @Test
    void anObjectIsChargedOnceToTheFirstStageThatReachesIt() {
        Node shared = new Node();
        Node a = new Node();
        a.next = shared;
        Footprint f = new Footprint();
        f.add("first", a);
        f.add("second", shared);
        List<Footprint.Stage> stages = f.stages();
        assertEquals(4, stages.get(0).objects(), "a, its array, shared and its array");
        assertEquals(0, stages.get(1).objects(), "shared was charged to the first stage");
        long arrayBytes = Footprint.size(new long[32]);
        assertTrue(arrayBytes >= 32 * 8 + 12 && arrayBytes % 8 == 0, "an array's bytes: " + arrayBytes);
        assertEquals(2 * (Footprint.size(a) + arrayBytes), stages.get(0).bytes());
    }

    @Test
    void countsTheLinesABlockChanged() {
        Node a = new Node();
        Footprint f = new Footprint();
        f.add("node", a);
        f.snapshot();
        a.values[0] = 1;
        a.values[1] = 2;    // the same 64-byte line as values[0]
        a.values[31] = 3;   // 240 bytes further: another line
        assertEquals(2, f.stages().get(0).changedLines());
        a.next = new Node(); // a reference field changed: one more line (the node's own)
        assertEquals(3, f.stages().get(0).changedLines());
    }

    @Test
    void theCensusFindsTheEnginesStagesAndABlockChangesSomeOfThem() {
        FoldbackProcessor p = WorkingSet.processor(WorkingSet.State.DEFAULT);
        WorkingSet.play(p, 10);
        Footprint census = WorkingSet.census(p); // throws if a field it names was renamed
        census.snapshot();
        WorkingSet.play(p, 1);
        List<Footprint.Stage> stages = census.stages();
        for (Footprint.Stage s : stages) {
            // The K-weighting lanes exist only with the Vector API; everything else always.
            assertTrue(s.bytes() > 0 || s.name().contains("lanes"), s.name() + " holds nothing");
        }
        long changed = stages.stream().mapToLong(Footprint.Stage::changedLines).sum();
        assertTrue(changed > 0, "a block of noise changed no line: " + WorkingSet.describe(stages));
    }
}
