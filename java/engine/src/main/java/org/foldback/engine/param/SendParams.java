package org.foldback.engine.param;

import java.util.List;

/** One cue's send from one source: {@code Params.cue(c).send(s).pan()}. */
public final class SendParams extends ParamGroup {
    private final int cue;
    private final int source;

    SendParams(int cue, int source, List<ParamSpec> own) {
        super(own, own);
        this.cue = cue;
        this.source = source;
    }

    public int cue() {
        return cue;
    }

    public int source() {
        return source;
    }

    public int level() { return param(ParamRole.SEND_LEVEL); }
    public int pan() { return param(ParamRole.SEND_PAN); }
    public int mute() { return param(ParamRole.SEND_MUTE); }

    @Override
    public String toString() {
        return "cue " + (cue + 1) + "'s send from source " + (source + 1);
    }
}
