package org.foldback.engine.param;

import java.util.List;

/** One source's parameters: {@code Params.source(s).mode()}. Sources are 0-based. */
public final class SourceParams extends ParamGroup {
    private final int source;

    SourceParams(int source, List<ParamSpec> own) {
        super(own, own);
        this.source = source;
    }

    public int source() {
        return source;
    }

    /** Stereo or mono (summed to (L+R)/2 before the mono pan law). */
    public int mode() { return param(ParamRole.SOURCE_MODE); }
    /** The send into the instance's reverb. */
    public int ambience() { return param(ParamRole.SOURCE_AMBIENCE); }

    @Override
    public String toString() {
        return "source " + (source + 1);
    }
}
