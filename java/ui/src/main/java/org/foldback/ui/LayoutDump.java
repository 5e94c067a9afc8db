package org.foldback.ui;

import org.foldback.engine.Layout;

/**
 * Prints where every control and meter sits for an editor size, one per line:
 * {@code name x y w h} in points. Tests use it to aim clicks and read pixels.
 * Usage: {@code java -cp foldback.jar org.foldback.ui.LayoutDump [WIDTH HEIGHT]}
 */
public final class LayoutDump {
    private LayoutDump() {
    }

    public static void main(String[] args) {
        EditorLayout layout = new EditorLayout();
        if (args.length == 2) {
            layout.resize(Float.parseFloat(args[0]), Float.parseFloat(args[1]));
        }
        float[] r = new float[4];
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < Layout.MAX_CUES; c++) {
            line(out, layout, Control.of(Control.TAB, c), r);
        }
        for (int kind : EditorLayout.STRIP_KINDS) {
            for (int s = 0; s < Layout.MAX_SOURCES; s++) {
                line(out, layout, Control.of(kind, s), r);
            }
        }
        for (int slot = 0; slot < 2; slot++) {
            line(out, layout, Control.of(Control.SLOT, slot), r);
        }
        for (int kind : EditorLayout.ALL_SINGLE) {
            line(out, layout, Control.of(kind, 0), r);
        }
        // The preset panel's parts, where they are while it is open.
        line(out, layout, Control.of(Control.PRESET_TITLE, 0), r);
        for (int row = 0; row < EditorLayout.PANEL_ROWS; row++) {
            line(out, layout, Control.of(Control.PRESET_ROW, row), r);
        }
        for (int kind : EditorLayout.PANEL_ACTIONS) {
            line(out, layout, Control.of(kind, 0), r);
        }
        // The remote panel's parts, where they are while it is open.
        line(out, layout, Control.of(Control.REMOTE_TITLE, 0), r);
        for (int kind : EditorLayout.REMOTE_ROWS) {
            int rows = kind == Control.REMOTE_DISCONNECT ? EditorLayout.REMOTE_PHONE_ROWS : Layout.MAX_CUES;
            for (int row = 0; row < rows; row++) {
                line(out, layout, Control.of(kind, row), r);
            }
        }
        for (int kind : EditorLayout.REMOTE_ACTIONS) {
            line(out, layout, Control.of(kind, 0), r);
        }
        layout.remoteQr(r);
        row(out, "remote.qr", r);
        // The OSC panel's parts, where they are while it is open.
        line(out, layout, Control.of(Control.OSC_TITLE, 0), r);
        for (int row = 0; row < EditorLayout.OSC_ALLOWED_ROWS; row++) {
            line(out, layout, Control.of(Control.OSC_REMOVE, row), r);
        }
        for (int kind : EditorLayout.OSC_ACTIONS) {
            line(out, layout, Control.of(kind, 0), r);
        }
        layout.oscPanel(r);
        row(out, "osc.panel", r);
        layout.oscMessage(r);
        row(out, "osc.message", r);
        for (int row = 0; row < EditorLayout.OSC_CLIENT_ROWS; row++) {
            layout.listRow(EditorLayout.LIST_OSC_CLIENTS, row, r);
            row(out, "osc.client." + (row + 1), r);
        }
        for (int s = 0; s < Layout.MAX_SOURCES; s++) {
            layout.sourceMeter(s, r);
            row(out, "source.meter." + (s + 1), r);
        }
        layout.cueMeter(r);
        row(out, "cue.meter", r);
        layout.version(r);
        row(out, "version", r);
        layout.dspLoad(r);
        row(out, "dsp", r);
        out.append("scale.floor_db ").append(MeterScale.FLOOR_DB).append('\n');
        out.append("scale.top_db ").append(MeterScale.TOP_DB).append('\n');
        System.out.print(out);
    }

    private static void line(StringBuilder out, EditorLayout layout, int control, float[] r) {
        layout.rect(control, r);
        row(out, Control.name(control), r);
    }

    private static void row(StringBuilder out, String name, float[] r) {
        out.append(name).append(' ').append(r[0]).append(' ').append(r[1]).append(' ')
                .append(r[2]).append(' ').append(r[3]).append('\n');
    }
}
