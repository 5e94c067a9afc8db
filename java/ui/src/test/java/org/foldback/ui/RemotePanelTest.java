package org.foldback.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.foldback.control.EditorView;
import org.foldback.control.RemoteStatus;
import org.foldback.engine.Layout;
import org.foldback.engine.param.ParamStore;
import org.junit.jupiter.api.Test;

/** The web remote's panel driven as an engineer does: clicks on the layout's rectangles and typed keys, through EditorInput. */
class RemotePanelTest {
    private final ParamStore store = new ParamStore();
    private final FakeController host = new FakeController(store, new RecordingPrograms("Factory ", 0), new MemoryPresets());
    private final EditorInput input = new EditorInput(host);
    private final RemotePanel panel = input.remote();
    private final EditorLayout layout = new EditorLayout();
    private final float[] r = new float[4];

    private final Engineer engineer = new Engineer(input);

    private void click(int control) {
        engineer.click(control);
    }

    private void type(String text) {
        engineer.type(text);
    }

    private void open() {
        click(Control.of(Control.REMOTE, 0));
        assertTrue(panel.isOpen());
    }

    @Test
    void theSwitchTurnsThisInstancesRemoteOnAndOffAtItsPort() {
        open();
        assertFalse(panel.enabled(), "off until the engineer switches it on");
        click(Control.of(Control.REMOTE_SWITCH, 0));
        assertTrue(host.remoteEnabled());
        assertTrue(panel.enabled());
        click(Control.of(Control.REMOTE_SWITCH, 0));
        assertFalse(host.remoteEnabled());
        assertEquals(List.of("remote on 8337", "remote off 8337"), host.log);
    }

    @Test
    void aTypedPortIsTakenOnEnterAndABadOneIsRefusedWithAReason() {
        open();
        click(Control.of(Control.REMOTE_PORT, 0));
        assertTrue(input.rename().active());
        assertEquals("8337", input.rename().text(), "the field starts with the port");
        engineer.retype(4, "9000");
        assertEquals(9000, host.remotePort());
        assertEquals(9000, panel.port());
        assertNull(panel.message());

        for (String bad : new String[] {"80", "70000", "port", ""}) {
            click(Control.of(Control.REMOTE_PORT, 0));
            engineer.retype(4, bad);
            assertEquals(9000, host.remotePort(), "'" + bad + "' changes nothing");
            assertEquals("the port must be a number from 1024 to 65535", panel.message());
        }

        // A click away throws a half-typed port away: restarting a server is not something to do by accident.
        click(Control.of(Control.REMOTE_PORT, 0));
        type("1");
        click(Control.of(Control.REMOTE_TITLE, 0));
        assertFalse(input.rename().active());
        assertEquals(9000, host.remotePort());
    }

    @Test
    void aDoubleClickOnTheTitleNamesTheInstanceAsPhonesListIt() {
        open();
        assertEquals("Foldback 1", panel.instanceName());
        layout.rect(Control.of(Control.REMOTE_TITLE, 0), r);
        float x = r[0] + r[2] / 2;
        float y = r[1] + r[3] / 2;
        input.mouse(EditorView.MOUSE_DOWN, x, y, 0, 0);
        input.mouse(EditorView.MOUSE_UP, x, y, 0, 0);
        input.mouse(EditorView.MOUSE_DOWN, x, y, 0, 0);
        input.mouse(EditorView.MOUSE_DOUBLE_CLICK, x, y, 0, 0);
        input.mouse(EditorView.MOUSE_UP, x, y, 0, 0);
        assertTrue(input.rename().active());
        assertEquals("Foldback 1", input.rename().text());
        for (int i = 0; i < 10; i++) {
            input.key(EditorView.KEY_BACKSPACE, 0, 0);
        }
        type("Drum booth");
        input.key(EditorView.KEY_RETURN, 0, 0);
        assertEquals("Drum booth", host.name());
        assertEquals("Drum booth", panel.instanceName());
        assertEquals(List.of("state changed"), host.log, "a name is state, not a gesture");
        assertTrue(panel.isOpen());
    }

    @Test
    void aPortInUseIsShownWithAFreeOneOfferedAndOneClickTakesIt() {
        host.setRemote(true, 8337);
        host.remoteStatus = new RemoteStatus(false, "", 0, "port 8337 is in use; port 8338 is free", 8338, List.of(),
                new boolean[0][0]);
        open();
        assertEquals(8338, panel.status().offeredPort());
        click(Control.of(Control.REMOTE_OFFER, 0));
        assertEquals(8338, host.remotePort());
        assertTrue(host.remoteEnabled(), "still on, on the new port");
    }

    @Test
    void eachCueHasAPinANewPinActionAndALock() {
        open();
        String[] before = new String[Layout.MAX_CUES];
        for (int c = 0; c < Layout.MAX_CUES; c++) {
            before[c] = panel.pin(c);
            assertTrue(before[c].matches("\\d{6}"), before[c]);
            assertEquals(host.remotePin(c), before[c]);
        }
        click(Control.of(Control.REMOTE_NEW_PIN, 2));
        assertNotEquals(before[2], panel.pin(2));
        assertEquals(host.remotePin(2), panel.pin(2));
        for (int c = 0; c < Layout.MAX_CUES; c++) {
            if (c != 2) {
                assertSame(before[c], panel.pin(c), "other cues keep their PIN (and its String: drawing re-encodes nothing)");
            }
        }
        click(Control.of(Control.REMOTE_LOCK, 4));
        assertTrue(host.remoteLocked(4));
        assertTrue(panel.locked(4));
        assertFalse(host.remoteLocked(3));
        click(Control.of(Control.REMOTE_LOCK, 4));
        assertFalse(host.remoteLocked(4));
        assertEquals(List.of("new pin 3", "lock 5", "unlock 5"), host.log);
    }

    @Test
    void theConnectedPhonesAreListedAndOneIsDisconnected() {
        List<RemoteStatus.Phone> phones = List.of(new RemoteStatus.Phone("192.168.1.31", 1, 2),
                new RemoteStatus.Phone("192.168.1.32", 1, 3), new RemoteStatus.Phone("192.168.1.33", 0, 0),
                new RemoteStatus.Phone("192.168.1.34", 1, 1), new RemoteStatus.Phone("192.168.1.35", 1, 1));
        host.remoteStatus = new RemoteStatus(true, "http://192.168.1.20:8337/", 8337, null, 0, phones,
                new boolean[][] {{true}});
        open();
        click(Control.of(Control.REMOTE_DISCONNECT, 1));
        assertEquals(List.of(phones.get(1)), host.disconnected);

        // Five phones, four rows: the wheel shows the fifth.
        layout.rect(Control.of(Control.REMOTE_DISCONNECT, 0), r);
        input.mouse(EditorView.MOUSE_WHEEL, r[0], r[1] + 2, 0, -1f);
        assertEquals(1, panel.phoneScroll());
        input.mouse(EditorView.MOUSE_WHEEL, r[0], r[1] + 2, 0, -1f);
        assertEquals(1, panel.phoneScroll(), "no further than the last phone");
        click(Control.of(Control.REMOTE_DISCONNECT, 3));
        assertEquals(phones.get(4), host.disconnected.get(1));

        // A row with no phone disconnects nothing.
        host.remoteStatus = new RemoteStatus(true, "http://192.168.1.20:8337/", 8337, null, 0, phones.subList(0, 1),
                new boolean[][] {{true}});
        click(Control.of(Control.REMOTE_DISCONNECT, 3));
        assertEquals(2, host.disconnected.size());
    }

    @Test
    void aClickOutsideClosesItAndEditsNothingAndEscapeClosesIt() {
        open();
        click(Control.of(Control.SEND_MUTE, 15)); // under the panel? no: outside it, at the strips' right end
        assertFalse(panel.isOpen());
        assertTrue(host.log.isEmpty(), "the click only closed the panel: " + host.log);
        open();
        // A double-click inside the panel (over the strips) must not reach the fader under it.
        layout.rect(Control.of(Control.REMOTE_TITLE, 0), r);
        input.mouse(EditorView.MOUSE_DOUBLE_CLICK, r[0] + 10, r[1] + 40, 0, 0);
        assertTrue(host.log.isEmpty(), host.log.toString());
        input.key(EditorView.KEY_ESCAPE, 0, 0);
        assertFalse(panel.isOpen());
    }

    @Test
    void everyPartLiesInsideThePanelAndHitsItselfAtEverySize() {
        float[] box = new float[4];
        float[] scratch = new float[4];
        for (float[] size : new float[][] {{EditorLayout.MIN_WIDTH, EditorLayout.MIN_HEIGHT},
                {EditorLayout.DEFAULT_WIDTH, EditorLayout.DEFAULT_HEIGHT}, {2400, 1600}}) {
            layout.resize(size[0], size[1]);
            layout.remotePanel(box);
            assertTrue(box[0] + box[2] <= size[0] && box[1] + box[3] <= size[1], "the panel fits the editor");
            layout.rect(Control.of(Control.REMOTE, 0), r);
            float[] slot = new float[4];
            layout.rect(Control.of(Control.SLOT, 0), slot);
            assertTrue(r[0] + r[2] <= slot[0], "REMOTE stays left of A/B");
            for (int kind : EditorLayout.REMOTE_ROWS) {
                int rows = kind == Control.REMOTE_DISCONNECT ? EditorLayout.REMOTE_PHONE_ROWS : Layout.MAX_CUES;
                for (int row = 0; row < rows; row++) {
                    assertInside(Control.of(kind, row), box, scratch);
                }
            }
            for (int kind : EditorLayout.REMOTE_ACTIONS) {
                assertInside(Control.of(kind, 0), box, scratch);
            }
            layout.remoteQr(r);
            assertTrue(r[1] + r[3] + 16f <= box[1] + box[3], "the address fits under the QR code");
        }
        layout.resize(EditorLayout.DEFAULT_WIDTH, EditorLayout.DEFAULT_HEIGHT);
    }

    private void assertInside(int part, float[] box, float[] scratch) {
        layout.rect(part, r);
        assertTrue(r[0] >= box[0] && r[1] >= box[1] && r[0] + r[2] <= box[0] + box[2] && r[1] + r[3] <= box[1] + box[3],
                Control.name(part) + " outside the panel");
        assertEquals(Control.name(part), Control.name(layout.remoteHit(r[0] + r[2] / 2, r[1] + r[3] / 2, scratch)));
    }
}
