package org.foldback.engine.param;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One cue's parameters: its own ({@code Params.cue(c).level()}) and a send per source
 * ({@code Params.cue(c).send(s).pan()}). Cues and sources are 0-based. {@link #all()} is every
 * parameter of the cue in table order, the same order for every cue: what clone, reset and cue
 * presets work on.
 */
public final class CueParams extends ParamGroup {
    private final int cue;
    private final SendParams[] sends;
    private final Map<String, ParamSpec> byIdInCue = new HashMap<>();

    CueParams(int cue, List<ParamSpec> own, SendParams[] sends) {
        super(own, withSends(own, sends));
        this.cue = cue;
        this.sends = sends.clone();
        for (ParamSpec p : all()) {
            byIdInCue.put(p.address().idInCue(), p);
        }
    }

    public int cue() {
        return cue;
    }

    /** The send from {@code source} (0-based). */
    public SendParams send(int source) {
        return sends[source];
    }

    public int level() { return param(ParamRole.CUE_LEVEL); }
    public int mute() { return param(ParamRole.CUE_MUTE); }
    public int dim() { return param(ParamRole.CUE_DIM); }
    public int dimAmount() { return param(ParamRole.CUE_DIM_AMOUNT); }
    /** Fold-down: stereo, mono sum, left only, right only, side (ID {@code cueN.mono}). */
    public int fold() { return param(ParamRole.CUE_FOLD); }
    public int monoLaw() { return param(ParamRole.CUE_MONO_LAW); }
    public int polarityLeft() { return param(ParamRole.CUE_POLARITY_LEFT); }
    public int polarityRight() { return param(ParamRole.CUE_POLARITY_RIGHT); }
    public int swap() { return param(ParamRole.CUE_SWAP); }
    public int limiter() { return param(ParamRole.CUE_LIMITER); }
    public int ceiling() { return param(ParamRole.CUE_CEILING); }
    /** Whether the cue hears talkback (and dims for it). */
    public int talkback() { return param(ParamRole.CUE_TALKBACK); }
    /** High-pass frequency in Hz; under 40 it is off. */
    public int toneHighPass() { return param(ParamRole.CUE_TONE_HP); }
    public int toneLow() { return param(ParamRole.CUE_TONE_LOW); }
    public int toneHigh() { return param(ParamRole.CUE_TONE_HIGH); }
    public int crossfeed() { return param(ParamRole.CUE_CROSSFEED); }
    /** The ambience return: how much of the reverb this cue hears. */
    public int ambience() { return param(ParamRole.CUE_AMBIENCE); }
    /** The loudest the cue may play in dB SPL; under 70 it is off. */
    public int maxSpl() { return param(ParamRole.CUE_MAX_SPL); }

    /** This cue's parameter with ID {@code cueN.} + {@code idInCue} ("level", "src3.pan"), or null. */
    public ParamSpec byIdInCue(String idInCue) {
        return byIdInCue.get(idInCue);
    }

    @Override
    public String toString() {
        return "cue " + (cue + 1);
    }

    private static List<ParamSpec> withSends(List<ParamSpec> own, SendParams[] sends) {
        List<ParamSpec> all = new ArrayList<>(own);
        for (SendParams send : sends) {
            all.addAll(send.all());
        }
        return all;
    }
}
