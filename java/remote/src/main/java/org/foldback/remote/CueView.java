package org.foldback.remote;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.foldback.control.Controller;
import org.foldback.engine.dose.DoseReading;
import org.foldback.engine.meter.MeterReading;
import org.foldback.engine.param.Params;

/**
 * What a client admitted to one cue may read: that cue's name, level, lock, and per source its
 * name, colour, "me" mark, send level, pan and mute; the cue's and the sources' meters, the
 * limiter's light, whether talkback is on; the cue's hearing dose. Nothing of any other cue is
 * ever read here.
 */
final class CueView {
    private CueView() {}

    /** The parameters that, when changed, change what this cue's clients see. */
    static boolean[] watched(int cue) {
        boolean[] w = new boolean[Params.count()];
        for (int s = 0; s < org.foldback.engine.Layout.MAX_SOURCES; s++) {
            w[Params.cue(cue).send(s).level()] = true;
            w[Params.cue(cue).send(s).pan()] = true;
            w[Params.cue(cue).send(s).mute()] = true;
        }
        w[Params.cue(cue).level()] = true;
        w[Params.cue(cue).talkback()] = true;
        w[Params.global().talkbackOn()] = true;
        return w;
    }

    static float plain(Controller c, int param) {
        return Params.get(param).denormalize(c.value(param));
    }

    /** Whether this cue hears talkback now: talk is on and the cue listens to it. */
    static boolean talkback(Controller c, int cue) {
        return plain(c, Params.global().talkbackOn()) >= 0.5f && plain(c, Params.cue(cue).talkback()) >= 0.5f;
    }

    static ObjectNode mix(Controller c, int cue) {
        ObjectNode m = Messages.object("mix");
        ObjectNode cueNode = m.putObject("cue");
        cueNode.put("n", cue + 1);
        cueNode.put("name", c.snapshot().cueName(cue));
        Messages.putDb(cueNode, "level", plain(c, Params.cue(cue).level()));
        cueNode.put("locked", c.remoteLocked(cue));
        m.put("talkback", talkback(c, cue));
        ArrayNode sources = m.putArray("sources");
        for (int s = 0; s < c.sourceCount(); s++) {
            ObjectNode src = sources.addObject();
            src.put("n", s + 1);
            src.put("name", c.sourceName(s));
            src.put("colour", c.sourceColour(s));
            src.put("me", c.isMe(cue, s));
            Messages.putDb(src, "level", plain(c, Params.cue(cue).send(s).level()));
            src.put("pan", Math.round(plain(c, Params.cue(cue).send(s).pan()) * 100) / 100.0);
            src.put("mute", plain(c, Params.cue(cue).send(s).mute()) >= 0.5f);
        }
        return m;
    }

    /** One meter frame: peak and RMS (dBFS, louder channel) for the cue and each source. */
    static ObjectNode meters(Controller c, int cue, MeterReading scratch) {
        ObjectNode m = Messages.object("meters");
        c.readCueMeter(cue, scratch);
        ObjectNode cueNode = m.putObject("cue");
        Messages.putDb(cueNode, "peak", MeterReading.max(scratch.samplePeakDbfs));
        Messages.putDb(cueNode, "rms", MeterReading.max(scratch.rmsDbfs));
        m.put("limiting", c.limiting(cue));
        m.put("talkback", talkback(c, cue));
        ArrayNode peaks = m.putArray("peak");
        ArrayNode rms = m.putArray("rms");
        for (int s = 0; s < c.sourceCount(); s++) {
            c.readSourceMeter(s, scratch);
            double p = MeterReading.max(scratch.samplePeakDbfs);
            double r = MeterReading.max(scratch.rmsDbfs);
            if (Double.isFinite(p)) {
                peaks.add(Math.round(p * 10) / 10.0);
            } else {
                peaks.addNull();
            }
            if (Double.isFinite(r)) {
                rms.add(Math.round(r * 10) / 10.0);
            } else {
                rms.addNull();
            }
        }
        return m;
    }

    /**
     * The cue's hearing dose (ITU-T H.870) for the performer: the share of the weekly allowance in
     * %, the last whole second's LAeq in dB SPL (A-weighted; null before the first second or in
     * silence) and whether the allowance is reached; or only {@code "calibrated":false} until the
     * engineer calibrates the cue, so the phone never shows a made-up number. Null when the
     * instance measures no dose.
     */
    static ObjectNode dose(Controller c, int cue, DoseReading scratch) {
        if (!c.readDose(cue, scratch)) {
            return null;
        }
        ObjectNode m = Messages.object("dose");
        m.put("calibrated", scratch.calibrated);
        if (scratch.calibrated) {
            Messages.putDb(m, "percent", scratch.dose * 100);
            Messages.putDb(m, "laeq", scratch.laeqDbSpl);
            m.put("over", scratch.overAllowance());
        }
        return m;
    }
}
