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

    @Override
    public String toString() {
        return "the globals";
    }
}
