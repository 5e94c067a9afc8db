package org.foldback.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.foldback.control.Controller;
import org.foldback.engine.FoldbackProcessor;
import org.foldback.engine.Layout;
import org.foldback.engine.param.Params;
import org.junit.jupiter.api.Test;

/**
 * JNA starts at the first call into the shim, not at the instance's creation (ShimCalls.bind): an
 * instance whose shim JNA cannot reach is created and plays; the calls that need the shim do
 * nothing and say why once, and the editor refuses to open with that reason (the shim then shows
 * its status editor) rather than open with edits that go nowhere.
 */
class UnreachableShimTest {
    @Test
    void anInstanceStartsAndPlaysWithoutJnaAndSaysWhyWhenAShimCallFails() {
        ShimCalls shim = ShimCalls.connect(1, "/nonexistent/foldback-test/Foldback.so");
        NativeProcessor np = new NativeProcessor(new FoldbackProcessor(), shim);
        try {
            assertTrue(shim.connected(), "a shim is behind the instance: edits go to it, not to the store");
            assertNull(shim.unreachableReason(), "nothing was bound at creation");
            assertNull(np.prepare(48000, 64, Layout.MAX_SOURCES, Layout.MAX_CUES, false));
            assertEquals(NativeProcessor.OK, np.process(64, 0), np.lastError());
            assertTrue(np.programNames().startsWith(Boundary.DEFAULT_PROGRAM + "\n"));

            Controller c = np.controller();
            int level = Params.cue(0).level();
            float before = np.params().normalized(level);
            c.performEdit(level, before == 0.5f ? 0.25f : 0.5f);   // binds: fails, logged
            assertTrue(shim.unreachableReason().contains("cannot be called through JNA"), shim.unreachableReason());
            assertEquals(before, np.params().normalized(level), "an edit for the host never lands in the store directly");
            assertEquals(before, c.value(level), "without the host's value, the store's");
            c.renameCue(0, "Drums");   // state changes still apply; only the host's notice is lost
            assertEquals("Drums", c.snapshot().cueName(0));

            IllegalStateException e = assertThrows(IllegalStateException.class, np::openEditor);
            assertEquals(shim.unreachableReason(), e.getMessage());
        } finally {
            np.dispose();
        }
    }
}
