package org.foldback.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.foldback.engine.param.ParamKind;
import org.foldback.engine.param.Params;
import org.junit.jupiter.api.Test;

class ControlTest {

    /** Every control that edits a parameter, and the ID it reaches with cue 3 selected, on source 5 (written out). */
    private static Map<Integer, String> expected() {
        Map<Integer, String> m = new LinkedHashMap<>();
        m.put(Control.SEND_LEVEL, "cue3.src5.level");
        m.put(Control.SEND_PAN, "cue3.src5.pan");
        m.put(Control.SEND_MUTE, "cue3.src5.mute");
        m.put(Control.SOURCE_MODE, "src5.mode");
        m.put(Control.CUE_LEVEL, "cue3.level");
        m.put(Control.CUE_MUTE, "cue3.mute");
        m.put(Control.CUE_DIM, "cue3.dim");
        m.put(Control.CUE_MONO, "cue3.mono");
        m.put(Control.CUE_MONO_LAW, "cue3.mono.law");
        m.put(Control.CUE_POLARITY_LEFT, "cue3.polarity.left");
        m.put(Control.CUE_POLARITY_RIGHT, "cue3.polarity.right");
        m.put(Control.CUE_SWAP, "cue3.swap");
        m.put(Control.CUE_LIMITER, "cue3.limiter");
        m.put(Control.CUE_HEARS_TALKBACK, "cue3.talkback");
        m.put(Control.CUE_DIM_AMOUNT, "cue3.dim.amount");
        m.put(Control.CUE_CEILING, "cue3.limiter.ceiling");
        m.put(Control.TALKBACK, "talkback.on");
        m.put(Control.TALKBACK_LATCH, "talkback.latch");
        m.put(Control.TALKBACK_DIM, "talkback.dim");
        m.put(Control.TALKBACK_SOURCE, "talkback.source");
        m.put(Control.CLICK_SOURCE, "click.source");
        m.put(Control.AMBIENCE_SEND, "src5.ambience");
        m.put(Control.CUE_TONE_HP, "cue3.tone.hp");
        m.put(Control.CUE_TONE_LOW, "cue3.tone.low");
        m.put(Control.CUE_TONE_HIGH, "cue3.tone.high");
        m.put(Control.CUE_CROSSFEED, "cue3.crossfeed");
        m.put(Control.CUE_AMBIENCE, "cue3.ambience");
        m.put(Control.AMBIENCE_SIZE, "ambience.size");
        m.put(Control.AMBIENCE_DECAY, "ambience.decay");
        m.put(Control.AMBIENCE_PREDELAY, "ambience.predelay");
        m.put(Control.CUE_MAX_SPL, "cue3.maxspl");
        return m;
    }

    @Test
    void everyParameterControlReachesItsParameterAndNoOtherKindEditsOne() {
        Map<Integer, String> expected = expected();
        for (int kind = 0; kind < 64; kind++) {
            int control = Control.of(kind, 4);
            int param = Control.param(control, 2);
            if (expected.containsKey(kind)) {
                assertEquals(expected.get(kind), Params.get(param).id(), Control.name(control));
                assertNotEquals("", Control.name(control));
            } else {
                assertEquals(-1, param, Control.name(control));
                assertNull(Control.role(control));
            }
        }
        assertEquals(-1, Control.param(Control.NONE, 0));
    }

    @Test
    void levelsDragAndTheSideColumnsLevelsAreValueBoxes() {
        Set<Integer> dragged = Set.of(Control.SEND_LEVEL, Control.SEND_PAN, Control.CUE_LEVEL, Control.CUE_DIM_AMOUNT,
                Control.CUE_CEILING, Control.TALKBACK_DIM, Control.AMBIENCE_SEND, Control.CUE_TONE_HP,
                Control.CUE_TONE_LOW, Control.CUE_TONE_HIGH, Control.CUE_AMBIENCE, Control.AMBIENCE_SIZE,
                Control.AMBIENCE_DECAY, Control.AMBIENCE_PREDELAY, Control.CUE_MAX_SPL);
        Set<Integer> boxes = Set.of(Control.CUE_DIM_AMOUNT, Control.CUE_CEILING, Control.TALKBACK_DIM,
                Control.CUE_TONE_HP, Control.CUE_TONE_LOW, Control.CUE_TONE_HIGH, Control.CUE_AMBIENCE,
                Control.AMBIENCE_SIZE, Control.AMBIENCE_DECAY, Control.AMBIENCE_PREDELAY, Control.CUE_MAX_SPL);
        Set<Integer> sideways = Set.of(Control.SEND_PAN, Control.AMBIENCE_SEND);
        for (int kind = 0; kind < 64; kind++) {
            assertEquals(dragged.contains(kind), Control.isContinuous(Control.of(kind, 0)), Control.name(Control.of(kind, 0)));
            assertEquals(boxes.contains(kind), Control.isValueBox(Control.of(kind, 0)), Control.name(Control.of(kind, 0)));
            assertEquals(sideways.contains(kind), Control.isHorizontal(Control.of(kind, 0)), Control.name(Control.of(kind, 0)));
        }
    }

    @Test
    void cueButtonsAreSwitchesAndTheRestOfTheSideColumnIsActionsOrParameters() {
        for (int kind : Control.CUE_BUTTONS) {
            int p = Control.param(Control.of(kind, 0), 0);
            assertTrue(p >= 0, Control.name(Control.of(kind, 0)));
            assertNotEquals(ParamKind.FLOAT, Params.get(p).kind(), "a button needs a toggle or a choice");
            assertFalse(Control.label(Control.of(kind, 0)).isEmpty() && Params.get(p).kind() == ParamKind.BOOL,
                    "a toggle button needs a label");
        }
        assertEquals(Control.Lit.NEVER, Control.lit(Control.of(Control.CUE_MONO_LAW, 0)), "neither law is the exception");
        assertEquals(Control.Lit.ALERT, Control.lit(Control.of(Control.CUE_MUTE, 0)));
        assertEquals("LAW ", Control.label(Control.of(Control.CUE_MONO_LAW, 0)));
    }

    @Test
    void namesAreUniqueOverTheWholeLayout() {
        Set<String> names = new HashSet<>();
        for (int c = 0; c < 8; c++) {
            assertTrue(names.add(Control.name(Control.of(Control.TAB, c))));
        }
        for (int kind : EditorLayout.STRIP_KINDS) {
            for (int s = 0; s < 16; s++) {
                assertTrue(names.add(Control.name(Control.of(kind, s))), Control.name(Control.of(kind, s)));
            }
        }
        for (int kind : EditorLayout.ALL_SINGLE) {
            assertTrue(names.add(Control.name(Control.of(kind, 0))), Control.name(Control.of(kind, 0)));
        }
        for (int kind : EditorLayout.PANEL_ACTIONS) {
            assertTrue(names.add(Control.name(Control.of(kind, 0))));
        }
        assertTrue(names.add(Control.name(Control.of(Control.SLOT, 0))));
        assertTrue(names.add(Control.name(Control.of(Control.SLOT, 1))));
        assertTrue(names.add(Control.name(Control.of(Control.PRESET_ROW, 0))));
        assertTrue(names.add(Control.name(Control.of(Control.PRESET_TITLE, 0))));
        assertFalse(names.contains("none"));
        assertEquals("send.level.3", Control.name(Control.of(Control.SEND_LEVEL, 2)));
        assertEquals("slot.b", Control.name(Control.of(Control.SLOT, 1)));
        assertEquals("talkback", Control.name(Control.of(Control.TALKBACK, 0)));
        assertEquals("none", Control.name(Control.NONE));
    }
}
