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
}
