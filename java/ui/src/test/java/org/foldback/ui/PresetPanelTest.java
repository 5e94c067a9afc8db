package org.foldback.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.foldback.bridge.EditorView;
import org.foldback.engine.param.ParamStore;
import org.foldback.engine.param.Params;
import org.foldback.state.PluginState;
import org.junit.jupiter.api.Test;

/** The preset panel driven as a user does: clicks on the layout's rectangles and typed keys, through EditorInput. */
class PresetPanelTest {
    private final ParamStore store = new ParamStore();
    private final EditorInputTest.Host host = new EditorInputTest.Host(store);
    private final RecordingPrograms programs = new RecordingPrograms("Factory ", 0);
    private final MemoryPresets user = new MemoryPresets();
    private final EditorInput input =
            new EditorInput(store, host, (bus, what) -> { }, PluginState::new, programs, user);
    private final PresetPanel panel = input.presets();
    private final EditorLayout layout = new EditorLayout();
    private final float[] r = new float[4];

    private void click(int control) {
        layout.rect(control, r);
        input.mouse(EditorView.MOUSE_DOWN, r[0] + r[2] / 2, r[1] + r[3] / 2, 0, 0);
        input.mouse(EditorView.MOUSE_UP, r[0] + r[2] / 2, r[1] + r[3] / 2, 0, 0);
    }

    private void clickRow(int visibleRow) {
        click(Control.of(Control.PRESET_ROW, visibleRow));
    }

    private void type(String text) {
        text.codePoints().forEach(cp -> input.key(0, 0, cp));
    }

    private void saveAs(String name) {
        click(Control.of(Control.PRESET_SAVE_AS, 0));
        type(name);
        input.key(EditorView.KEY_RETURN, 0, 0);
    }

    private List<String> rows() {
        List<String> names = new ArrayList<>();
        for (int row = 0; row < panel.rowCount(); row++) {
            names.add((panel.isFactory(row) ? "F " : "U ") + panel.name(row));
        }
        return names;
    }

    @Test
    void theListIsTheFactoryPresetsThenTheUsersReadWhenThePanelOpens() {
        user.saved.put("b-mix", "x");
        user.saved.put("a-mix", "y");
        assertFalse(panel.isOpen());
        click(Control.of(Control.PRESETS, 0));
        assertTrue(panel.isOpen());
        assertEquals(List.of("F Factory 0", "F Factory 1", "F Factory 2", "U a-mix", "U b-mix"), rows());
        assertEquals(0, panel.selected(), "the loaded program is selected on opening");
        assertNull(panel.selectedUser(), "a factory preset is no user preset: rename and delete do nothing");

        // A file added meanwhile (the command line, another instance) shows on the next opening, not before.
        user.saved.put("c-mix", "z");
        String[] before = panel.userNames();
        assertEquals(5, panel.rowCount());
        click(Control.of(Control.PRESETS, 0));
        assertFalse(panel.isOpen(), "the same box closes it");
        click(Control.of(Control.PRESETS, 0));
        assertEquals(6, panel.rowCount());
        assertTrue(before != panel.userNames(), "a new list is a new array, so drawing re-encodes only then");
    }

    @Test
    void aListThatDidNotChangeKeepsItsArrayWhileScrollingAndClicking() {
        user.saved.put("a-mix", "y");
        click(Control.of(Control.PRESETS, 0));
        String[] names = panel.userNames();
        clickRow(3);
        input.mouse(EditorView.MOUSE_WHEEL, r[0] + 2, r[1] + 2, 0, -1f);
        assertSame(names, panel.userNames(), "loading and scrolling do not read the folder again");
    }

    @Test
    void aClickOnAFactoryRowIsAHostProgramChangeAndOnAUserRowAUserPresetLoad() {
        user.saved.put("stage", "stage state");
        click(Control.of(Control.PRESETS, 0));
        clickRow(2);
        assertEquals(List.of(2), programs.selected, "factory presets go through the host's program change");
        clickRow(3);
        assertEquals("stage state", user.loadedState);
        assertEquals("stage", panel.selectedUser());
        assertEquals("stage", panel.loadedName(), "the preset row shows the loaded user preset");
        assertTrue(host.log.isEmpty(), "no gesture from the editor: the shim tells the host the loaded values");
        clickRow(7);
        assertEquals(List.of(2), programs.selected, "a click past the list's end does nothing");
        assertEquals(1, user.log.stream().filter(l -> l.startsWith("load")).count());
    }

    @Test
    void saveAsTypesANameIntoTheFieldAndEnterSavesAndSelectsIt() {
        click(Control.of(Control.PRESETS, 0));
        user.current = "drums louder";
        saveAs("my mix");
        assertEquals("drums louder", user.saved.get("my mix"));
        assertEquals("my mix", panel.selectedUser());
        assertEquals(List.of("F Factory 0", "F Factory 1", "F Factory 2", "U my mix"), rows());
        assertFalse(input.rename().active());

        // A name taken: the store refuses (the plugin shows why in the notice); nothing changes.
        user.current = "other";
        saveAs("my mix");
        assertEquals("drums louder", user.saved.get("my mix"));
        assertEquals(4, panel.rowCount());

        // Escape throws a typed name away; so does a click away from the field.
        click(Control.of(Control.PRESET_SAVE_AS, 0));
        type("never");
        input.key(EditorView.KEY_ESCAPE, 0, 0);
        click(Control.of(Control.PRESET_SAVE_AS, 0));
        type("never");
        clickRow(0);
        assertFalse(input.rename().active());
        assertFalse(user.saved.containsKey("never"));
        assertTrue(panel.isOpen(), "Escape closed the field, not the panel");
    }

    @Test
    void renameStartsFromTheSelectedNameAndOnlyForUserPresets() {
        user.saved.put("old", "s");
        click(Control.of(Control.PRESETS, 0));
        click(Control.of(Control.PRESET_RENAME, 0));
        assertFalse(input.rename().active(), "with a factory preset selected there is nothing to rename");
        clickRow(3);
        click(Control.of(Control.PRESET_RENAME, 0));
        assertEquals("old", input.rename().text());
        for (int i = 0; i < 3; i++) {
            input.key(EditorView.KEY_BACKSPACE, 0, 0);
        }
        type("new");
        input.key(EditorView.KEY_RETURN, 0, 0);
        assertEquals(List.of("new"), List.copyOf(user.saved.keySet()));
        assertEquals("new", panel.selectedUser());
    }

    @Test
    void deleteAsksForASecondClickAndAnyOtherClickDisarmsIt() {
        user.saved.put("doomed", "s");
        click(Control.of(Control.PRESETS, 0));
        clickRow(3);
        click(Control.of(Control.PRESET_DELETE, 0));
        assertTrue(panel.confirmingDelete());
        assertTrue(user.saved.containsKey("doomed"), "one click deletes nothing");
        clickRow(3);
        assertFalse(panel.confirmingDelete(), "another click disarms");
        click(Control.of(Control.PRESET_DELETE, 0));
        click(Control.of(Control.PRESET_DELETE, 0));
        assertFalse(user.saved.containsKey("doomed"));
        assertEquals(3, panel.rowCount());
        assertNull(panel.selectedUser());
        click(Control.of(Control.PRESET_DELETE, 0));
        assertFalse(panel.confirmingDelete(), "nothing selected: delete does nothing");
    }

    @Test
    void theWheelScrollsALongListAndRowsFollowTheScroll() {
        for (int i = 0; i < 20; i++) {
            user.saved.put(String.format("p%02d", i), "s" + i);
        }
        click(Control.of(Control.PRESETS, 0));
        layout.rect(Control.of(Control.PRESET_ROW, 0), r);
        for (int i = 0; i < 5; i++) {
            input.mouse(EditorView.MOUSE_WHEEL, r[0] + 2, r[1] + 2, 0, -1f);
        }
        assertEquals(5, panel.scroll());
        clickRow(0);
        assertEquals("p02", panel.selectedUser(), "visible row 0 is list row 5: the third user preset");
        for (int i = 0; i < 40; i++) {
            input.mouse(EditorView.MOUSE_WHEEL, r[0] + 2, r[1] + 2, 0, -1f);
        }
        assertEquals(23 - EditorLayout.PANEL_ROWS, panel.scroll(), "the last row stops at the bottom");
        for (int i = 0; i < 40; i++) {
            input.mouse(EditorView.MOUSE_WHEEL, r[0] + 2, r[1] + 2, 0, +1f);
        }
        assertEquals(0, panel.scroll());
        assertTrue(host.log.isEmpty(), "the wheel over the panel edits nothing under it");
    }

    @Test
    void aClickOutsideClosesThePanelAndEditsNothingAndADoubleClickInItDoesNotReachUnderIt() {
        click(Control.of(Control.PRESETS, 0));
        // The panel covers part of the cue section: a double-click on a row must not reset what is under it.
        layout.rect(Control.of(Control.PRESET_ROW, 0), r);
        input.mouse(EditorView.MOUSE_DOUBLE_CLICK, r[0] + r[2] / 2, r[1] + r[3] / 2, 0, 0);
        assertTrue(host.log.isEmpty(), "a double-click in the panel edited " + host.log);
        click(Control.of(Control.SEND_MUTE, 0));
        assertFalse(panel.isOpen());
        assertTrue(host.log.isEmpty(), "the click that closed the panel also edited " + host.log);
        click(Control.of(Control.SEND_MUTE, 0));
        assertEquals(List.of("begin cue1.src1.mute", "perform cue1.src1.mute", "end cue1.src1.mute"), host.log);
        assertEquals(1f, store.get(Params.cue(0).send(0).mute()));
    }

    @Test
    void escapeClosesThePanel() {
        click(Control.of(Control.PRESETS, 0));
        assertTrue(input.key(EditorView.KEY_ESCAPE, 0, 0));
        assertFalse(panel.isOpen());
        assertFalse(input.key(EditorView.KEY_ESCAPE, 0, 0), "closed, Escape goes back to the host");
    }
}
