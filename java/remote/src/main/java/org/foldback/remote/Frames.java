package org.foldback.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.foldback.control.Controller;
import org.foldback.engine.dose.DoseReading;
import org.foldback.engine.meter.MeterReading;

/**
 * What one tick sends, made once per cue and shared by every phone on that cue (four phones on a
 * cue cost one meter read and one JSON text, not four). Lives for one tick, on the ticker thread.
 */
final class Frames {
    /** What {@link #dose} caches for an instance that measures no dose (no frame is ever empty). */
    private static final String NO_DOSE = "";

    private final MeterReading scratch = new MeterReading();
    private final DoseReading doseScratch = new DoseReading();
    private final Map<Controller, String[]> meters = new HashMap<>();
    private final Map<Controller, String[]> mixes = new HashMap<>();
    private final Map<Controller, String[]> doses = new HashMap<>();

    String meters(Controller c, int cue) {
        return cached(meters, c, cue, () -> Messages.write(CueView.meters(c, cue, scratch)));
    }

    String mix(Controller c, int cue) {
        return cached(mixes, c, cue, () -> Messages.write(CueView.mix(c, cue)));
    }

    /** The cue's dose frame, or null when the instance measures no dose. */
    String dose(Controller c, int cue) {
        String frame = cached(doses, c, cue, () -> {
            ObjectNode d = CueView.dose(c, cue, doseScratch);
            return d == null ? NO_DOSE : Messages.write(d);
        });
        return frame.isEmpty() ? null : frame;
    }

    /** The frame of one instance's cue, made the first time a phone on that cue asks in this tick. */
    private static String cached(Map<Controller, String[]> cache, Controller c, int cue, Supplier<String> make) {
        String[] byCue = cache.computeIfAbsent(c, k -> new String[k.cueCount()]);
        if (byCue[cue] == null) {
            byCue[cue] = make.get();
        }
        return byCue[cue];
    }
}
