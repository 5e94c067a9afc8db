package org.foldback.remote;

import java.util.HashMap;
import java.util.Map;
import org.foldback.control.Controller;
import org.foldback.engine.meter.MeterReading;

/**
 * What one tick sends, made once per cue and shared by every phone on that cue (four phones on a
 * cue cost one meter read and one JSON text, not four). Lives for one tick, on the ticker thread.
 */
final class Frames {
    private final MeterReading scratch = new MeterReading();
    private final Map<Controller, String[]> meters = new HashMap<>();
    private final Map<Controller, String[]> mixes = new HashMap<>();

    String meters(Controller c, int cue) {
        String[] byCue = meters.computeIfAbsent(c, k -> new String[k.cueCount()]);
        if (byCue[cue] == null) {
            byCue[cue] = Messages.write(CueView.meters(c, cue, scratch));
        }
        return byCue[cue];
    }

    String mix(Controller c, int cue) {
        String[] byCue = mixes.computeIfAbsent(c, k -> new String[k.cueCount()]);
        if (byCue[cue] == null) {
            byCue[cue] = Messages.write(CueView.mix(c, cue));
        }
        return byCue[cue];
    }
}
