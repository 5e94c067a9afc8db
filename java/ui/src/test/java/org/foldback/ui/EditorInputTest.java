package org.foldback.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.foldback.control.EditorView;
import org.foldback.engine.meter.BusMeter;
import org.foldback.engine.param.ParamSpec;
import org.foldback.engine.param.ParamStore;
import org.foldback.engine.param.Params;
import org.foldback.engine.Layout;
import org.junit.jupiter.api.Test;

class EditorInputTest {
    private final ParamStore store = new ParamStore();
    private final RecordingPrograms programs = new RecordingPrograms("P", -1);
    private final FakeController host = new FakeController(store, programs, new MemoryPresets());
    private final List<Integer> resets = host.resets;
    private final EditorInput input = new EditorInput(host);
    private final EditorLayout layout = new EditorLayout();
    private final float[] r = new float[4];

    private float[] centre(int control) {
        layout.rect(control, r);
        return new float[] {r[0] + r[2] / 2, r[1] + r[3] / 2};
    }

    @Test
    void aFaderDragIsOneGestureAndMovesByTheDraggedFraction() {
        int control = Control.of(Control.SEND_LEVEL, 2);
        float[] c = centre(control);
        int param = Params.cue(0).send(2).level();
        float before = Params.get(param).normalize(store.get(param));
        input.mouse(EditorView.MOUSE_DOWN, c[0], c[1], 0, 0);
        input.mouse(EditorView.MOUSE_DRAG, c[0], c[1] - r[3] / 4, 0, 0);
        input.mouse(EditorView.MOUSE_DRAG, c[0], c[1] - r[3] / 2, 0, 0);
        input.mouse(EditorView.MOUSE_UP, c[0], c[1] - r[3] / 2, 0, 0);
        assertEquals(List.of("begin cue1.src3.level", "perform cue1.src3.level", "perform cue1.src3.level",
                "end cue1.src3.level"), host.log);
        assertEquals(Math.min(1f, before + 0.5f), Params.get(param).normalize(store.get(param)), 1e-4f);
    }

    @Test
    void monoLawHearsTalkbackAndSourceModeAreOneClickEach() {
        float[] tab = centre(Control.of(Control.TAB, 1));
        input.mouse(EditorView.MOUSE_DOWN, tab[0], tab[1], 0, 0);
        for (int control : new int[] {Control.of(Control.CUE_MONO_LAW, 0), Control.of(Control.CUE_HEARS_TALKBACK, 0),
                Control.of(Control.SOURCE_MODE, 4)}) {
            float[] c = centre(control);
            input.mouse(EditorView.MOUSE_DOWN, c[0], c[1], 0, 0);
            input.mouse(EditorView.MOUSE_UP, c[0], c[1], 0, 0);
        }
        assertEquals(1, store.choice(Params.cue(1).monoLaw()), "-3 dB becomes -6 dB");
        assertTrue(!store.isOn(Params.cue(1).talkback()), "a cue hears talkback by default; the click turns it off");
        assertEquals(1, store.choice(Params.source(4).mode()), "source 5 becomes mono (for every cue)");
        assertEquals(List.of("begin cue2.mono.law", "perform cue2.mono.law", "end cue2.mono.law",
                "begin cue2.talkback", "perform cue2.talkback", "end cue2.talkback",
                "begin src5.mode", "perform src5.mode", "end src5.mode"), host.log);
        float[] law = centre(Control.of(Control.CUE_MONO_LAW, 0));
        input.mouse(EditorView.MOUSE_DOWN, law[0], law[1], 0, 0);
        assertEquals(0, store.choice(Params.cue(1).monoLaw()), "a second click goes back to -3 dB");
    }

    @Test
    void shiftDragIsTenTimesFiner() {
        int control = Control.of(Control.CUE_LEVEL, 0);
        float[] c = centre(control);
        int param = Params.cue(0).level();
        float before = Params.get(param).normalize(store.get(param));
        input.mouse(EditorView.MOUSE_DOWN, c[0], c[1], EditorView.MOD_SHIFT, 0);
        input.mouse(EditorView.MOUSE_DRAG, c[0], c[1] + r[3] / 2, EditorView.MOD_SHIFT, 0);
        input.mouse(EditorView.MOUSE_UP, c[0], c[1], 0, 0);
        assertEquals(before - 0.05f, Params.get(param).normalize(store.get(param)), 1e-4f);
    }

    @Test
    void clicksToggleButtonsOfTheSelectedCue() {
        float[] tab = centre(Control.of(Control.TAB, 3));
        input.mouse(EditorView.MOUSE_DOWN, tab[0], tab[1], 0, 0);
        input.mouse(EditorView.MOUSE_UP, tab[0], tab[1], 0, 0);
        assertEquals(3, input.selectedCue());
        assertTrue(host.log.isEmpty(), "choosing a cue is no edit");

        float[] mute = centre(Control.of(Control.SEND_MUTE, 0));
        input.mouse(EditorView.MOUSE_DOWN, mute[0], mute[1], 0, 0);
        input.mouse(EditorView.MOUSE_UP, mute[0], mute[1], 0, 0);
        assertTrue(store.isOn(Params.cue(3).send(0).mute()));
        float[] mono = centre(Control.of(Control.CUE_MONO, 0));
        input.mouse(EditorView.MOUSE_DOWN, mono[0], mono[1], 0, 0);
        input.mouse(EditorView.MOUSE_UP, mono[0], mono[1], 0, 0);
        assertEquals(1, store.choice(Params.cue(3).fold()));
        assertEquals(List.of("begin cue4.src1.mute", "perform cue4.src1.mute", "end cue4.src1.mute",
                "begin cue4.mono", "perform cue4.mono", "end cue4.mono"), host.log);
    }

    @Test
    void doubleClickResetsToTheDefault() {
        int param = Params.cue(0).send(5).pan();
        store.set(param, 0.7f);
        float[] c = centre(Control.of(Control.SEND_PAN, 5));
        input.mouse(EditorView.MOUSE_DOUBLE_CLICK, c[0], c[1], 0, 0);
        assertEquals(Params.get(param).defaultValue(), store.get(param), 0f);
    }

    @Test
    void wheelAndArrowKeysStepOnePercentOrOneThousandthWithShift() {
        int param = Params.cue(0).level();
        float start = Params.get(param).normalize(store.get(param));
        float[] c = centre(Control.of(Control.CUE_LEVEL, 0));
        input.mouse(EditorView.MOUSE_WHEEL, c[0], c[1], 0, 1f);
        assertEquals(start + 0.01f, Params.get(param).normalize(store.get(param)), 1e-5f);
        assertTrue(input.key(EditorView.KEY_DOWN, EditorView.MOD_SHIFT, 0));
        assertEquals(start + 0.009f, Params.get(param).normalize(store.get(param)), 1e-5f);
    }

    @Test
    void talkbackIsMomentaryUnlessLatched() {
        float[] c = centre(Control.of(Control.TALKBACK, 0));
        input.mouse(EditorView.MOUSE_DOWN, c[0], c[1], 0, 0);
        assertTrue(store.isOn(Params.global().talkbackOn()));
        input.mouse(EditorView.MOUSE_UP, c[0], c[1], 0, 0);
        assertTrue(!store.isOn(Params.global().talkbackOn()));

        store.set(Params.global().talkbackLatch(), 1f);
        input.mouse(EditorView.MOUSE_DOWN, c[0], c[1], 0, 0);
        input.mouse(EditorView.MOUSE_UP, c[0], c[1], 0, 0);
        assertTrue(store.isOn(Params.global().talkbackOn()), "latched: stays on after the click");
    }

    @Test
    void cloneCopiesTheSelectedCueOntoTheNextAndResetRestoresDefaults() {
        store.set(Params.cue(0).send(3).level(), -6f);
        store.set(Params.cue(0).mute(), 1f);
        store.set(Params.cue(1).send(2).pan(), 0.5f);   // cue 2 has its own setting, to be overwritten
        float[] clone = centre(Control.of(Control.CUE_CLONE, 0));
        input.mouse(EditorView.MOUSE_DOWN, clone[0], clone[1], 0, 0);
        assertEquals(1, input.selectedCue());
        assertEquals(-6f, store.get(Params.cue(1).send(3).level()), 1e-4f);
        assertTrue(store.isOn(Params.cue(1).mute()));
        assertEquals(0f, store.get(Params.cue(1).send(2).pan()), 1e-6f);
        // Only what changed is sent, each as a whole gesture.
        assertEquals(List.of("begin cue2.mute", "perform cue2.mute", "end cue2.mute",
                "begin cue2.src3.pan", "perform cue2.src3.pan", "end cue2.src3.pan",
                "begin cue2.src4.level", "perform cue2.src4.level", "end cue2.src4.level"), host.log);

        host.log.clear();
        float[] reset = centre(Control.of(Control.CUE_RESET, 0));
        input.mouse(EditorView.MOUSE_DOWN, reset[0], reset[1], 0, 0);
        for (ParamSpec p : Params.cue(1).all()) {
            assertEquals(p.defaultValue(), store.get(p.index()), 1e-4f, p.id());
        }
        assertEquals(6, host.log.size(), "two changed parameters, one gesture each: " + host.log);
    }

    @Test
    void abButtonsSelectTheSlotThroughTheInstance() {
        float[] b = centre(Control.of(Control.SLOT, 1));
        input.mouse(EditorView.MOUSE_DOWN, b[0], b[1], 0, 0);
        assertTrue(host.snapshot().slotB());
        float[] a = centre(Control.of(Control.SLOT, 0));
        input.mouse(EditorView.MOUSE_DOWN, a[0], a[1], 0, 0);
        assertEquals(List.of("slot B", "slot A"), host.log, "the gestures for the other slot's values are the instance's (InstanceControllerTest)");
    }

    @Test
    void presetButtonsStepThroughTheProgramsAndWrap() {
        float[] next = centre(Control.of(Control.PRESET_NEXT, 0));
        float[] prev = centre(Control.of(Control.PRESET_PREV, 0));
        input.mouse(EditorView.MOUSE_DOWN, next[0], next[1], 0, 0);
        input.mouse(EditorView.MOUSE_DOWN, next[0], next[1], 0, 0);
        input.mouse(EditorView.MOUSE_DOWN, next[0], next[1], 0, 0);
        input.mouse(EditorView.MOUSE_DOWN, next[0], next[1], 0, 0);
        input.mouse(EditorView.MOUSE_DOWN, prev[0], prev[1], 0, 0);
        assertEquals(List.of(0, 1, 2, 0, 2), programs.selected);
    }

    @Test
    void clipLightsResetTheirBusMeter() {
        float[] c = centre(Control.of(Control.SOURCE_CLIP, 4));
        input.mouse(EditorView.MOUSE_DOWN, c[0], c[1], 0, 0);
        c = centre(Control.of(Control.CUE_CLIP, 0));
        input.mouse(EditorView.MOUSE_DOWN, c[0], c[1], 0, 0);
        int what = BusMeter.RESET_CLIPS | BusMeter.RESET_PEAKS;
        assertEquals(List.of(4 * 100 + what, 16 * 100 + what), resets);
    }

    private void type(String text) {
        text.codePoints().forEach(cp -> assertTrue(input.key(0, 0, cp), "typed keys are used while renaming"));
    }

    private void doubleClick(int control) {
        float[] c = centre(control);
        input.mouse(EditorView.MOUSE_DOWN, c[0], c[1], 0, 0);
        input.mouse(EditorView.MOUSE_UP, c[0], c[1], 0, 0);
        input.mouse(EditorView.MOUSE_DOWN, c[0], c[1], 0, 0);
        input.mouse(EditorView.MOUSE_DOUBLE_CLICK, c[0], c[1], 0, 0);
        input.mouse(EditorView.MOUSE_UP, c[0], c[1], 0, 0);
    }

    @Test
    void doubleClickOnASourcesNameRenamesItAndAClickOnItsNumberStillSwitchesMono() {
        doubleClick(Control.of(Control.SOURCE_NAME, 3));
        assertTrue(input.rename().active());
        assertEquals("Src 4", input.rename().text(), "the field starts with the current name");
        for (int i = 0; i < 5; i++) {
            input.key(EditorView.KEY_BACKSPACE, 0, 0);
        }
        "Bass DI".codePoints().forEach(cp -> input.key(0, 0, cp));
        input.key(EditorView.KEY_RETURN, 0, 0);
        assertEquals("Bass DI", host.snapshot().sourceName(3));
        assertEquals(List.of("state changed"), host.log, "a name is state, not a parameter gesture");
        assertEquals("send.level.4", Control.name(Control.of(Control.SEND_LEVEL, 3)));

        // Escape keeps the old name; a click elsewhere commits, as a cue's rename does.
        doubleClick(Control.of(Control.SOURCE_NAME, 3));
        input.key(0, 0, 'X');
        input.key(EditorView.KEY_ESCAPE, 0, 0);
        assertEquals("Bass DI", host.snapshot().sourceName(3));
        doubleClick(Control.of(Control.SOURCE_NAME, 0));
        input.key(0, 0, '!');
        layout.rect(Control.of(Control.TAB, 1), r);
        input.mouse(EditorView.MOUSE_DOWN, r[0] + 2, r[1] + 2, 0, 0);
        input.mouse(EditorView.MOUSE_UP, r[0] + 2, r[1] + 2, 0, 0);
        assertEquals("Src 1!", host.snapshot().sourceName(0));

        // The name row is its own control: a double-click there never reaches the mono switch under it.
        host.log.clear();
        doubleClick(Control.of(Control.SOURCE_NAME, 5));
        input.key(EditorView.KEY_ESCAPE, 0, 0);
        assertTrue(host.log.isEmpty(), host.log.toString());
    }

    @Test
    void doubleClickOnATabRenamesTheCueEnterCommitsIntoTheState() {
        doubleClick(Control.of(Control.TAB, 2));
        assertEquals(2, input.selectedCue());
        assertTrue(input.rename().active());
        assertEquals("Cue 3", input.rename().text(), "the field starts with the current name");
        for (int i = 0; i < 5; i++) {
            input.key(EditorView.KEY_BACKSPACE, 0, 0);
        }
        type("Bass ♪");
        input.key(EditorView.KEY_LEFT, 0, 0);
        input.key(EditorView.KEY_LEFT, 0, 0);
        type("!");
        assertEquals("Bass! ♪", input.rename().text());
        assertEquals("Cue 3", host.snapshot().cueName(2), "nothing lands before Enter");
        input.key(EditorView.KEY_RETURN, 0, 0);
        assertEquals("Bass! ♪", host.snapshot().cueName(2));
        assertTrue(!input.rename().active());
        assertEquals(List.of("state changed"), host.log, "a rename is state, not a parameter gesture");
        assertTrue(!input.key(0, 0, 'x'), "with the field closed, plain keys go back to the host");
    }

    @Test
    void escapeCancelsAndAClickElsewhereCommits() {
        doubleClick(Control.of(Control.CUE_NAME, 0));
        assertEquals(0, input.rename().cue());
        type("zz");
        input.key(EditorView.KEY_ESCAPE, 0, 0);
        assertEquals("Cue 1", host.snapshot().cueName(0));
        assertTrue(host.log.isEmpty());

        doubleClick(Control.of(Control.CUE_NAME, 0));
        input.key(EditorView.KEY_HOME, 0, 0);
        input.key(EditorView.KEY_DELETE, 0, 0);
        type("Q");
        float[] c = centre(Control.of(Control.TAB, 5));
        input.mouse(EditorView.MOUSE_DOWN, c[0], c[1], 0, 0);
        assertEquals("Que 1", host.snapshot().cueName(0));
        assertEquals(5, input.selectedCue());
    }

    @Test
    void theFieldHoldsAtMostTheStatesLongestName() {
        doubleClick(Control.of(Control.CUE_NAME, 0));
        type("x".repeat(Layout.MAX_NAME_LENGTH + 10));
        input.key(EditorView.KEY_RETURN, 0, 0);
        assertEquals(Layout.MAX_NAME_LENGTH, host.snapshot().cueName(0).length());
    }

    @Test
    void arrowKeysStepTheLastClickedFaderAsOneGestureEach() {
        float[] c = centre(Control.of(Control.SEND_LEVEL, 3));
        input.mouse(EditorView.MOUSE_DOWN, c[0], c[1], 0, 0);
        input.mouse(EditorView.MOUSE_UP, c[0], c[1], 0, 0);
        host.log.clear();
        assertTrue(input.key(EditorView.KEY_UP, 0, 0));
        assertTrue(input.key(EditorView.KEY_UP, 0, 0));
        assertEquals(0.02f, Params.get(Params.cue(0).send(3).level()).normalize(store.get(Params.cue(0).send(3).level())), 1e-5f);
        assertEquals(List.of("begin cue1.src4.level", "perform cue1.src4.level", "end cue1.src4.level",
                "begin cue1.src4.level", "perform cue1.src4.level", "end cue1.src4.level"), host.log);
    }

    @Test
    void valueBoxesDragOverTheirSpanAndStepWithWheelAndKeys() {
        int param = Params.cue(0).dimAmount();
        float start = Params.get(param).normalize(store.get(param));
        float[] c = centre(Control.of(Control.CUE_DIM_AMOUNT, 0));
        input.mouse(EditorView.MOUSE_DOWN, c[0], c[1], 0, 0);
        input.mouse(EditorView.MOUSE_DRAG, c[0], c[1] - EditorInput.VALUE_DRAG_SPAN / 10, 0, 0);
        input.mouse(EditorView.MOUSE_UP, c[0], c[1] - EditorInput.VALUE_DRAG_SPAN / 10, 0, 0);
        assertEquals(start + 0.1f, Params.get(param).normalize(store.get(param)), 1e-5f);
        assertEquals(List.of("begin cue1.dim.amount", "perform cue1.dim.amount", "end cue1.dim.amount"), host.log);

        int ceiling = Params.cue(0).ceiling();
        c = centre(Control.of(Control.CUE_CEILING, 0));
        input.mouse(EditorView.MOUSE_WHEEL, c[0], c[1], 0, -1f);
        assertEquals(-1.2f, store.get(ceiling), 1e-4f, "one notch down is 1% of -20..0 dB");
        input.mouse(EditorView.MOUSE_DOUBLE_CLICK, c[0], c[1], 0, 0);
        assertEquals(-1f, store.get(ceiling), 1e-6f);

        c = centre(Control.of(Control.TALKBACK_DIM, 0));
        input.mouse(EditorView.MOUSE_WHEEL, c[0], c[1], 0, 1f);
        assertEquals(-14.4f, store.get(Params.global().talkbackDim()), 1e-4f);
    }

    @Test
    void sourceChoicesStepByClickWheelAndArrows() {
        float[] c = centre(Control.of(Control.TALKBACK_SOURCE, 0));
        input.mouse(EditorView.MOUSE_DOWN, c[0], c[1], 0, 0);
        input.mouse(EditorView.MOUSE_UP, c[0], c[1], 0, 0);
        assertEquals(1, store.choice(Params.global().talkbackSource()), "a click steps None -> Src 1");
        input.key(EditorView.KEY_UP, 0, 0);
        assertEquals(2, store.choice(Params.global().talkbackSource()));
        input.mouse(EditorView.MOUSE_WHEEL, c[0], c[1], 0, -1f);
        input.mouse(EditorView.MOUSE_WHEEL, c[0], c[1], 0, -1f);
        input.mouse(EditorView.MOUSE_WHEEL, c[0], c[1], 0, -1f);
        assertEquals(0, store.choice(Params.global().talkbackSource()), "the wheel stops at None");
        store.set(Params.global().clickSource(), 16f);
        c = centre(Control.of(Control.CLICK_SOURCE, 0));
        input.mouse(EditorView.MOUSE_DOWN, c[0], c[1], 0, 0);
        assertEquals(0, store.choice(Params.global().clickSource()), "a click past the last wraps to None");
        // The fold-down keeps its own click: Stereo <-> Mono sum.
        c = centre(Control.of(Control.CUE_MONO, 0));
        input.mouse(EditorView.MOUSE_DOWN, c[0], c[1], 0, 0);
        input.mouse(EditorView.MOUSE_DOWN, c[0], c[1], 0, 0);
        assertEquals(0, store.choice(Params.cue(0).fold()));
    }

    @Test
    void loudnessResetAndMeterReference() {
        input.mouse(EditorView.MOUSE_DOWN, centre(Control.of(Control.TAB, 3))[0], centre(Control.of(Control.TAB, 3))[1], 0, 0);
        float[] c = centre(Control.of(Control.LOUDNESS_RESET, 0));
        input.mouse(EditorView.MOUSE_DOWN, c[0], c[1], 0, 0);
        assertEquals(List.of(19 * 100 + BusMeter.RESET_LOUDNESS), resets, "cue 4's bus, loudness only");

        c = centre(Control.of(Control.METER_REFERENCE, 0));
        input.mouse(EditorView.MOUSE_DOWN, c[0], c[1], 0, 0);
        assertEquals(-20, host.snapshot().meterReference());
        input.mouse(EditorView.MOUSE_DOWN, c[0], c[1], 0, 0);
        assertEquals(-18, host.snapshot().meterReference());
        assertEquals(List.of("state changed", "state changed"), host.log);
    }

    @Test
    void ambienceSendDragsSidewaysAndTheEarColumnEditsTheSelectedCue() {
        int send = Control.of(Control.AMBIENCE_SEND, 4);
        float[] c = centre(send);
        input.mouse(EditorView.MOUSE_DOWN, r[0], c[1], 0, 0);
        input.mouse(EditorView.MOUSE_DRAG, r[0] + r[2] / 2, c[1], 0, 0);
        input.mouse(EditorView.MOUSE_UP, r[0] + r[2] / 2, c[1], 0, 0);
        assertEquals(0.5f, store.normalized(Params.source(4).ambience()), 1e-4f, "half the bar: half the range");
        assertEquals(List.of("begin src5.ambience", "perform src5.ambience", "end src5.ambience"), host.log);

        host.log.clear();
        float[] tab = centre(Control.of(Control.TAB, 2));
        input.mouse(EditorView.MOUSE_DOWN, tab[0], tab[1], 0, 0);
        float[] xfeed = centre(Control.of(Control.CUE_CROSSFEED, 0));
        input.mouse(EditorView.MOUSE_DOWN, xfeed[0], xfeed[1], 0, 0);
        assertEquals(1, store.choice(Params.cue(2).crossfeed()), "a click steps to the next crossfeed");
        float[] hp = centre(Control.of(Control.CUE_TONE_HP, 0));
        input.mouse(EditorView.MOUSE_WHEEL, hp[0], hp[1], 0, 1f);
        assertTrue(store.get(Params.cue(2).toneHighPass()) > Params.get(Params.cue(2).toneHighPass()).min());
    }

    @Test
    void calibrationStartsAtATypicalValueMovesWithTheWheelAndTurnsOffBelowItsRange() {
        float[] cal = centre(Control.of(Control.CALIBRATION, 0));
        input.mouse(EditorView.MOUSE_DOWN, cal[0], cal[1], 0, 0);
        assertEquals(100.0, host.calibration(0), 0);
        input.mouse(EditorView.MOUSE_WHEEL, cal[0], cal[1], 0, 1f);
        assertEquals(101.0, host.calibration(0), 0);
        input.mouse(EditorView.MOUSE_WHEEL, cal[0], cal[1], EditorView.MOD_SHIFT, -1f);
        assertEquals(100.9, host.calibration(0), 1e-9);
        host.setCalibration(0, 60.5);
        input.mouse(EditorView.MOUSE_WHEEL, cal[0], cal[1], 0, -1f);
        assertTrue(Double.isNaN(host.calibration(0)), "below 60 dB SPL: uncalibrated");
        float[] reset = centre(Control.of(Control.DOSE_RESET, 0));
        input.mouse(EditorView.MOUSE_DOWN, reset[0], reset[1], 0, 0);
        assertEquals("dose reset 1", host.log.get(host.log.size() - 1));
    }
}
