package org.foldback.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.foldback.control.Changes;
import org.foldback.control.Controller;
import org.foldback.control.Controllers;
import org.foldback.control.StateSnapshot;
import org.foldback.engine.FoldbackProcessor;
import org.foldback.engine.param.Params;
import org.junit.jupiter.api.Test;

/** The Controller of one instance, with a recording shim (a host behind it) and without one. */
class InstanceControllerTest {
    private final RecordingShim shim = new RecordingShim();

    private NativeProcessor withShim() {
        return new NativeProcessor(new FoldbackProcessor(), shim.calls());
    }

    private static NativeProcessor withoutShim() {
        return new NativeProcessor(new FoldbackProcessor(), ShimCalls.connect(0, ""));
    }

    @Test
    void theNameIsTheEngineersElseTheHostsTrackElseFoldbackNAndTheEngineersIsSavedWithTheSession() {
        NativeProcessor np = withShim();
        Controller c = np.controller();
        assertEquals("Foldback " + c.id(), c.name(), "the default");
        np.trackName("Bass Amp");            // a VST3 host told the track's name
        assertEquals("Bass Amp", c.name());
        c.setName("  Drums  ");
        assertEquals("Drums", c.name(), "the engineer's name wins, stripped");
        assertEquals(List.of("state changed"), shim.log, "a name is state: the host marks the session changed");

        NativeProcessor restored = withShim();
        assertNull(restored.setState(np.getState()));
        assertEquals("Drums", restored.controller().name(), "saved with the session");
        restored.controller().setName(" ");
        assertEquals("Foldback " + restored.controller().id(), restored.controller().name(), "blank: the default again");
        np.trackName(null);
        c.setName("");
        assertEquals("Foldback " + c.id(), c.name());
        assertSame(c.name(), c.name(), "the default is made once, not per call (the remote asks per message)");
    }

    @Test
    void theDspLoadIsUnknownUntilTheShimHandsOverBlockFiguresThenReadsThem() {
        NativeProcessor np = withoutShim();
        Controller c = np.controller();
        org.foldback.control.DspLoad load = new org.foldback.control.DspLoad();
        load.known = true;
        assertFalse(c.readDspLoad(load));
        assertFalse(load.known, "nothing measured yet");
        np.blockFigures(750, 2, 7.25, 0.9);
        assertTrue(c.readDspLoad(load));
        assertEquals(750, load.blocks);
        assertEquals(2, load.lateBlocks);
        assertEquals(7.25, load.percent);
        assertEquals(0.9, load.worstMillis);
        np.blockFigures(0, 0, 0, 0);   // prepared again, nothing played yet
        assertFalse(c.readDspLoad(load));
    }

    @Test
    void gesturesAndStateEditsReachTheShimInOrder() {
        NativeProcessor np = withShim();
        Controller c = np.controller();
        int level = Params.cue(2).level();
        c.beginEdit(level);
        c.performEdit(level, 0.25f);
        c.performEdit(level, 1.5f);        // clamped
        c.performEdit(level, Float.NaN);   // ignored
        c.endEdit(level);
        c.renameCue(1, "Bass");
        c.renameCue(1, "Bass");            // no change, no call
        c.setMeterReference(-20);
        c.setMeterReference(-19);          // no such reference: ignored
        c.selectProgram(2);
        assertEquals(List.of("begin cue3.level", "perform cue3.level 0.25", "perform cue3.level 1.0", "end cue3.level",
                "state changed", "state changed", "program 2"), shim.log);
        assertEquals(Params.get(level).defaultValue(), np.params().get(level), 0f,
                "with a host, the engine gets the value from the host's echo, not from the surface");
        assertEquals(1f, c.value(level), 0f, "value() is the host's");
        StateSnapshot s = c.snapshot();
        assertEquals("Bass", s.cueName(1));
        assertEquals(-20, s.meterReference());
        np.dispose();
    }

    @Test
    void oscSettingsAreSessionStateAndBadOnesChangeNothing() throws Exception {
        NativeProcessor np = withShim();
        Controller c = np.controller();
        assertEquals(false, c.oscEnabled());
        assertEquals(List.of("127.0.0.0/8", "::1"), c.oscAllowed());
        assertEquals(null, c.setOsc(true, 9123, List.of("192.168.1.0/24")));
        assertEquals(null, c.setOsc(true, 9123, List.of("192.168.1.0/24")));   // no change, no call
        String why = c.setOsc(true, 9123, List.of("tablet.local"));
        assertEquals(true, why != null && why.contains("host names are not accepted"), why);
        assertEquals(true, c.setOsc(true, 99999, List.of("::1")) != null);
        assertEquals(List.of("state changed"), shim.log, "one change told to the host, refusals none");
        assertEquals(9123, c.oscPort());
        assertEquals(List.of("192.168.1.0/24"), c.oscAllowed());
        NativeProcessor back = withoutShim();
        assertEquals(null, back.setState(np.getState()));
        assertEquals(true, back.controller().oscEnabled());
        assertEquals(List.of("192.168.1.0/24"), back.controller().oscAllowed());
        np.dispose();
    }

    @Test
    void withoutAShimGesturesApplyToTheParametersAsAHostWouldEchoThem() {
        NativeProcessor np = withoutShim();
        Controller c = np.controller();
        c.edit(Params.cue(0).mute(), 1f);
        assertTrue(np.params().isOn(Params.cue(0).mute()));
        c.selectProgram(0);
        assertFalse(np.params().isOn(Params.cue(0).mute()), "program 0 loads the defaults directly");
        assertEquals("-6.0 dB", c.format(Params.cue(0).level(), c.parse(Params.cue(0).level(), "-6")));
        assertTrue(Float.isNaN(c.parse(Params.cue(0).level(), "loud")));
    }

    @Test
    void abSelectSendsOneGesturePerChangedParameterAndComesBack() {
        NativeProcessor np = withShim();
        Controller c = np.controller();
        int level = Params.cue(0).level();
        c.edit(level, 0.3f);
        shim.log.clear();
        c.selectSlot(true);
        assertTrue(c.snapshot().slotB());
        float fresh = Params.get(level).normalize(Params.get(level).defaultValue());
        assertEquals(List.of("begin cue1.level", "perform cue1.level " + fresh, "end cue1.level"), shim.log,
                "slot B holds the defaults: only the edited level goes back");
        shim.log.clear();
        c.selectSlot(true);
        assertTrue(shim.log.isEmpty(), "selecting the active slot changes nothing");
        c.selectSlot(false);
        assertEquals(List.of("begin cue1.level", "perform cue1.level 0.3", "end cue1.level"), shim.log);
        shim.log.clear();
        c.copySlot();
        assertEquals(List.of("state changed"), shim.log, "a copy changes the saved state, not the live values");
        np.dispose();
    }

    @Test
    void aSnapshotIsNeverTornByAConcurrentWriter() throws Exception {
        NativeProcessor np = withoutShim();
        Controller c = np.controller();
        // Two whole states: every name "X" at -20 dBFS, every name "Y" at -18.
        for (int cue = 0; cue < 8; cue++) {
            c.renameCue(cue, "X");
        }
        c.setMeterReference(-20);
        byte[] x = np.getState();
        for (int cue = 0; cue < 8; cue++) {
            c.renameCue(cue, "Y");
        }
        c.setMeterReference(-18);
        byte[] y = np.getState();

        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; i < 200; i++) {
                    assertNull(np.setState(i % 2 == 0 ? x : y));
                    np.getState();
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        writer.start();
        long last = -1;
        int seen = 0;
        java.util.Map<Long, String> nameAt = new java.util.HashMap<>();
        while (writer.isAlive() || seen == 0) {
            StateSnapshot s = c.snapshot();
            String name = s.cueName(0);
            for (int cue = 1; cue < 8; cue++) {
                assertEquals(name, s.cueName(cue), "names from two states in one snapshot");
            }
            assertEquals(name.equals("X") ? -20 : -18, s.meterReference(), "reference from the other state");
            assertTrue(s.version() >= last, "versions only grow");
            assertEquals(nameAt.computeIfAbsent(s.version(), v -> name), name, "one version, two contents");
            last = s.version();
            seen++;
            Thread.yield(); // a reader, not a spinner: the writer needs the (shared, 2-core) CPU
        }
        writer.join();
        assertNull(failure.get());
        // Read once more: the loop's last read can come before the writer's last loads when the
        // reader is descheduled meanwhile (seen on the loaded 2-core machine: version 163).
        long end = c.snapshot().version();
        assertTrue(end >= last, "versions only grow");
        assertTrue(end >= 200, "every load published a snapshot: " + end);
    }

    @Test
    void aCursorReportsEditsFromAnotherSurfaceAndStateChanges() {
        NativeProcessor np = withoutShim();
        Controller surface = np.controller();
        Changes cursor = surface.changes();
        List<String> heard = new ArrayList<>();
        Changes.Listener listener = new Changes.Listener() {
            @Override
            public void parameter(int param, float normalized) {
                heard.add(Params.get(param).id() + "=" + normalized);
            }

            @Override
            public void state(StateSnapshot now) {
                heard.add("state " + now.cueName(3));
            }
        };
        assertEquals(Params.count(), cursor.poll(listener), "the first poll reports everything");
        heard.clear();
        assertEquals(0, cursor.poll(listener));
        assertTrue(heard.isEmpty());

        np.controller().edit(Params.cue(1).send(4).pan(), 0f);    // another surface, same instance
        np.controller().renameCue(3, "Keys");
        assertEquals(1, cursor.poll(listener));
        assertEquals(List.of("cue2.src5.pan=0.0", "state Keys"), heard);

        heard.clear();
        byte[] blob = np.getState();
        np.controller().renameCue(3, "Drums");
        assertNull(np.setState(blob));                     // a host's state load
        cursor.poll(listener);
        assertEquals(List.of("state Keys"), heard, "the load is one state change (the rename before it folds in)");
    }

    @Test
    void aPluginInstanceIsListedUntilTheShimDisposesIt() {
        NativeProcessor plugin = withShim();
        NativeProcessor offline = withoutShim();
        Controller c = plugin.controller();
        assertTrue(Controllers.all().contains(c));
        assertSame(c, Controllers.byId(c.id()));
        assertFalse(Controllers.all().contains(offline.controller()), "tests, the CLI and the JIT warm-up are no instances");
        plugin.dispose();
        assertFalse(Controllers.all().contains(c));
        assertNull(Controllers.byId(c.id()));
    }

    @Test
    void withoutTheEditorModuleOpenEditorSaysSo() {
        // java/ui is not on the bridge's test class path: ServiceLoader finds no EditorFactory.
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> withoutShim().openEditor());
        assertTrue(e.getMessage().contains("META-INF/services/org.foldback.control.EditorFactory"), e.getMessage());
    }
}
