package org.foldback.engine.param;

import java.util.List;

/** The parameters of the whole plugin: {@code Params.global().talkbackOn()}. */
public final class GlobalParams extends ParamGroup {

    GlobalParams(List<ParamSpec> own) {
        super(own, own);
    }

    public int bypass() { return param(ParamRole.BYPASS); }
    public int talkbackOn() { return param(ParamRole.TALKBACK_ON); }
    public int talkbackLatch() { return param(ParamRole.TALKBACK_LATCH); }
    public int talkbackDim() { return param(ParamRole.TALKBACK_DIM); }
    public int talkbackSource() { return param(ParamRole.TALKBACK_SOURCE); }
    public int clickSource() { return param(ParamRole.CLICK_SOURCE); }
    /** The reverb's room size, 30-100 %. */
    public int ambienceSize() { return param(ParamRole.AMBIENCE_SIZE); }
    /** The reverb's T60 in seconds. */
    public int ambienceDecay() { return param(ParamRole.AMBIENCE_DECAY); }
    public int ambiencePreDelay() { return param(ParamRole.AMBIENCE_PREDELAY); }

    @Override
    public String toString() {
        return "the globals";
    }
}
