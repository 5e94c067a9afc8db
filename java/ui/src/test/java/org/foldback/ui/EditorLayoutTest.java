package org.foldback.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.foldback.engine.Layout;
import org.junit.jupiter.api.Test;

class EditorLayoutTest {
    private static List<Integer> allControls() {
        List<Integer> all = new ArrayList<>();
        for (int c = 0; c < Layout.MAX_CUES; c++) {
            all.add(Control.of(Control.TAB, c));
        }
        for (int kind : EditorLayout.STRIP_KINDS) {
            for (int s = 0; s < Layout.MAX_SOURCES; s++) {
                all.add(Control.of(kind, s));
            }
        }
        for (int kind : EditorLayout.ALL_SINGLE) {
            all.add(Control.of(kind, 0));
        }
        all.add(Control.of(Control.SLOT, 0));
        all.add(Control.of(Control.SLOT, 1));
        return all;
    }

    @Test
    void theCentreOfEveryControlHitsThatControlAtEverySize() {
        float[][] sizes = {
            {EditorLayout.DEFAULT_WIDTH, EditorLayout.DEFAULT_HEIGHT},
            {EditorLayout.MIN_WIDTH, EditorLayout.MIN_HEIGHT},
            {1800, 1000},
        };
        EditorLayout layout = new EditorLayout();
        float[] r = new float[4];
        float[] scratch = new float[4];
        for (float[] size : sizes) {
            layout.resize(size[0], size[1]);
            for (int control : allControls()) {
                layout.rect(control, r);
                assertTrue(r[2] >= 3 && r[3] >= 3, Control.name(control) + " too small at " + size[0]);
                assertTrue(r[0] >= 0 && r[1] >= 0 && r[0] + r[2] <= size[0] && r[1] + r[3] <= size[1],
                        Control.name(control) + " outside the editor at " + size[0] + "x" + size[1]);
                int hit = layout.hit(r[0] + r[2] / 2, r[1] + r[3] / 2, scratch);
                assertEquals(Control.name(control), Control.name(hit), "at " + size[0] + "x" + size[1]);
            }
        }
    }

    @Test
    void theVersionAndTheDspLoadSitInTheBottomRightCornerClearOfEveryControlAtEverySize() {
        EditorLayout layout = new EditorLayout();
        float[] v = new float[4];
        float[] r = new float[4];
        for (float[] size : new float[][] {{EditorLayout.DEFAULT_WIDTH, EditorLayout.DEFAULT_HEIGHT},
                {EditorLayout.MIN_WIDTH, EditorLayout.MIN_HEIGHT}, {1800, 1000}}) {
            layout.resize(size[0], size[1]);
            layout.version(v);
            assertEquals(size[0] - EditorLayout.MARGIN, v[0] + v[2], 1e-3, "right edge at " + size[0]);
            float[] d = new float[4];
            layout.dspLoad(d);
            assertTrue(d[0] + d[2] <= v[0] && d[1] == v[1], "the DSP read-out sits left of the version at " + size[0]);
            assertTrue(v[1] + v[3] <= size[1] && v[1] >= size[1] - 20, "bottom edge at " + size[1]);
            for (int control : allControls()) {
                layout.rect(control, r);
                for (float[] b : new float[][] {v, d}) {
                    boolean apart = r[0] + r[2] <= b[0] || b[0] + b[2] <= r[0] || r[1] + r[3] <= b[1] || b[1] + b[3] <= r[1];
                    assertTrue(apart, Control.name(control) + " overlaps the bottom edge's read-outs at " + size[0] + "x" + size[1]);
                }
            }
        }
    }

    @Test
    void thePresetPanelFitsAndEachOfItsPartsHitsItselfAtEverySize() {
        EditorLayout layout = new EditorLayout();
        float[] r = new float[4];
        float[] scratch = new float[4];
        float[] row = new float[4];
        float[] box = new float[4];
        float[][] sizes = {{EditorLayout.DEFAULT_WIDTH, EditorLayout.DEFAULT_HEIGHT}, {EditorLayout.MIN_WIDTH, EditorLayout.MIN_HEIGHT}};
        for (float[] size : sizes) {
            layout.resize(size[0], size[1]);
            layout.panel(box);
            layout.rect(Control.of(Control.PRESETS, 0), r);
            assertTrue(box[0] >= 0 && box[1] >= 0 && box[1] + box[3] <= r[1], "the panel sits above the preset row at " + size[0]);
            List<Integer> parts = new ArrayList<>(List.of(Control.of(Control.PRESET_TITLE, 0)));
            for (int i = 0; i < EditorLayout.PANEL_ROWS; i++) {
                parts.add(Control.of(Control.PRESET_ROW, i));
            }
            for (int kind : EditorLayout.PANEL_ACTIONS) {
                parts.add(Control.of(kind, 0));
            }
            for (int part : parts) {
                layout.rect(part, row);
                assertTrue(row[0] >= box[0] && row[1] >= box[1] && row[0] + row[2] <= box[0] + box[2]
                        && row[1] + row[3] <= box[1] + box[3], Control.name(part) + " outside the panel");
                assertEquals(Control.name(part), Control.name(layout.panelHit(row[0] + row[2] / 2, row[1] + row[3] / 2, scratch)));
            }
            assertEquals(Control.NONE, layout.panelHit(box[0] - 1, box[1] + 5, scratch));
        }
    }

    @Test
    void theCueButtonsEndAboveTheMetersBottomAtTheSmallestSize() {
        EditorLayout layout = new EditorLayout();
        layout.resize(EditorLayout.MIN_WIDTH, EditorLayout.MIN_HEIGHT);
        float[] r = new float[4];
        layout.rect(Control.of(Control.CUE_RESET, 0), r);
        assertTrue(r[1] + r[3] <= layout.meterTop() + layout.meterHeight(), "RESET runs into the level read-out");
    }

    @Test
    void emptySpaceHitsNothing() {
        EditorLayout layout = new EditorLayout();
        float[] scratch = new float[4];
        assertEquals(Control.NONE, layout.hit(-5, -5, scratch));
        assertEquals(Control.NONE, layout.hit(EditorLayout.DEFAULT_WIDTH - 2, EditorLayout.DEFAULT_HEIGHT - 2, scratch));
    }

    @Test
    void metersShareOneVerticalScale() {
        EditorLayout layout = new EditorLayout();
        float[] a = new float[4];
        float[] b = new float[4];
        layout.sourceMeter(0, a);
        layout.cueMeter(b);
        assertEquals(a[1], b[1]);
        assertEquals(a[3], b[3]);
        layout.rect(Control.of(Control.SEND_LEVEL, 0), b);
        assertFalse(a[0] + a[2] > b[0], "meter and fader overlap");
    }

    private static final float[][] PANEL_SIZES = {
        {EditorLayout.MIN_WIDTH, EditorLayout.MIN_HEIGHT}, {EditorLayout.DEFAULT_WIDTH, EditorLayout.DEFAULT_HEIGHT}, {2400, 1600}
    };

    private static boolean within(float[] inner, float[] outer) {
        return inner[0] >= outer[0] && inner[1] >= outer[1] && inner[0] + inner[2] <= outer[0] + outer[2]
                && inner[1] + inner[3] <= outer[1] + outer[3];
    }

    private static boolean overlap(float[] a, float[] b) {
        return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
    }

    @Test
    void theOscPanelFitsTheEditorAndEachOfItsControlsHitsItselfAtEverySize() {
        EditorLayout layout = new EditorLayout();
        float[] r = new float[4];
        float[] box = new float[4];
        float[] scratch = new float[4];
        for (float[] size : PANEL_SIZES) {
            layout.resize(size[0], size[1]);
            layout.oscPanel(box);
            assertTrue(box[0] >= 0 && box[1] >= 0 && box[0] + box[2] <= size[0] && box[1] + box[3] <= size[1],
                    "the OSC panel fits the editor at " + size[0] + "x" + size[1]);
            List<Integer> parts = new ArrayList<>();
            for (int row = 0; row < EditorLayout.OSC_ALLOWED_ROWS; row++) {
                parts.add(Control.of(Control.OSC_REMOVE, row));
            }
            for (int kind : EditorLayout.OSC_ACTIONS) {
                parts.add(Control.of(kind, 0));
            }
            parts.add(Control.of(Control.OSC_TITLE, 0));
            for (int part : parts) {
                layout.rect(part, r);
                assertTrue(r[2] >= 20 && r[3] >= 10, Control.name(part) + " too small");
                assertTrue(within(r, box), Control.name(part) + " outside the panel at " + size[0]);
                assertEquals(Control.name(part), Control.name(layout.oscHit(r[0] + r[2] / 2, r[1] + r[3] / 2, scratch)));
            }
            // Inside the box but on no control: the panel's own (a click there closes nothing).
            layout.listRow(EditorLayout.LIST_OSC_CLIENTS, 0, r);
            assertEquals("osc.title", Control.name(layout.oscHit(r[0] + 4, r[1] + r[3] / 2, scratch)));
            assertEquals(Control.NONE, layout.oscHit(box[0] + box[2] + 1, box[1] + 5, scratch));
            assertEquals(Control.NONE, layout.oscHit(box[0] + 5, box[1] + box[3] + 1, scratch));
        }
    }

    @Test
    void theOscListsSitSideBySideInThePanelWithTheirButtons() {
        EditorLayout layout = new EditorLayout();
        float[] box = new float[4];
        float[] row = new float[4];
        float[] other = new float[4];
        float[] button = new float[4];
        for (float[] size : PANEL_SIZES) {
            layout.resize(size[0], size[1]);
            layout.oscPanel(box);
            layout.oscMessage(other);
            assertTrue(within(other, box), "the message line lies in the panel");
            for (int i = 0; i < EditorLayout.OSC_ALLOWED_ROWS; i++) {
                layout.listRow(EditorLayout.LIST_OSC_ALLOWED, i, row);
                assertTrue(within(row, box), "allowed row " + i);
                assertTrue(row[1] >= other[1] + other[3], "allowed row " + i + " under the message line");
                assertTrue(row[1] > layout.oscHeadingY(), "allowed row " + i + " under its heading");
                layout.rect(Control.of(Control.OSC_REMOVE, i), button);
                assertTrue(within(button, row), "REMOVE " + i + " at its row's right end");
                assertEquals(row[0] + row[2], button[0] + button[2], 0.01f);
                if (i > 0) {
                    layout.listRow(EditorLayout.LIST_OSC_ALLOWED, i - 1, other);
                    assertFalse(overlap(row, other), "allowed rows " + (i - 1) + " and " + i + " overlap");
                }
            }
            layout.listRow(EditorLayout.LIST_OSC_ALLOWED, EditorLayout.OSC_ALLOWED_ROWS - 1, row);
            layout.rect(Control.of(Control.OSC_ADD, 0), button);
            assertTrue(button[1] >= row[1] + row[3], "ADD ADDRESS under the last allowed row");
            assertTrue(button[2] >= 200, "room to type an IPv6 block into ADD's field");
            for (int i = 0; i < EditorLayout.OSC_CLIENT_ROWS; i++) {
                layout.listRow(EditorLayout.LIST_OSC_CLIENTS, i, row);
                assertTrue(within(row, box), "client row " + i + " at " + size[0]);
                assertTrue(row[0] >= layout.oscClientsX() && row[2] >= 250, "client row " + i + " in its own column, wide enough");
                for (int j = 0; j < EditorLayout.OSC_ALLOWED_ROWS; j++) {
                    layout.listRow(EditorLayout.LIST_OSC_ALLOWED, j, other);
                    assertFalse(overlap(row, other), "client row " + i + " runs into allowed row " + j);
                }
                layout.rect(Control.of(Control.OSC_ADD, 0), button);
                assertFalse(overlap(row, button), "client row " + i + " runs into ADD ADDRESS");
            }
        }
    }

    @Test
    void theOscButtonSitsBetweenRemoteAndTheAbSlotsAndTheOscPanelSharesTheRemotesTopLine() {
        EditorLayout layout = new EditorLayout();
        float[] osc = new float[4];
        float[] other = new float[4];
        float[] scratch = new float[4];
        for (float[] size : PANEL_SIZES) {
            layout.resize(size[0], size[1]);
            layout.rect(Control.of(Control.OSC, 0), osc);
            layout.rect(Control.of(Control.REMOTE, 0), other);
            assertTrue(other[0] + other[2] < osc[0], "OSC right of REMOTE");
            assertEquals(other[1], osc[1]);
            layout.rect(Control.of(Control.SLOT, 0), other);
            assertTrue(osc[0] + osc[2] < other[0], "OSC left of A/B at " + size[0]);
            for (int c = 0; c < Layout.MAX_CUES; c++) {
                layout.rect(Control.of(Control.TAB, c), other);
                assertFalse(overlap(osc, other), "OSC over cue tab " + (c + 1));
            }
            assertEquals("osc", Control.name(layout.hit(osc[0] + osc[2] / 2, osc[1] + osc[3] / 2, scratch)));
            int[][] pairs = {{Control.OSC_TITLE, Control.REMOTE_TITLE}, {Control.OSC_PORT, Control.REMOTE_PORT},
                {Control.OSC_SWITCH, Control.REMOTE_SWITCH}};
            for (int[] pair : pairs) {
                layout.rect(Control.of(pair[0], 0), osc);
                layout.rect(Control.of(pair[1], 0), other);
                assertEquals(List.of(other[0], other[1], other[2], other[3]), List.of(osc[0], osc[1], osc[2], osc[3]),
                        Control.name(Control.of(pair[0], 0)) + " where the remote's is: one panel opens over the other's place");
            }
            layout.oscPanel(osc);
            layout.remotePanel(other);
            assertEquals(other[0], osc[0]);
            assertEquals(other[1], osc[1]);
        }
    }
}
