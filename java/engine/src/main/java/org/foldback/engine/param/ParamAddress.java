package org.foldback.engine.param;

import org.foldback.engine.Layout;

/**
 * Where a parameter sits: its role, and the cue and source (0-based) it belongs to, -1 where its
 * scope has none. The way back from an index: {@code Params.get(i).address()} says that index
 * 412 is cue 7's send from source 3, its pan.
 */
public record ParamAddress(ParamRole role, int cue, int source) {

    public ParamAddress {
        ParamScope scope = role.scope();
        boolean hasCue = scope == ParamScope.CUE || scope == ParamScope.SEND;
        boolean hasSource = scope == ParamScope.SOURCE || scope == ParamScope.SEND;
        if (hasCue != (cue >= 0) || cue >= Layout.MAX_CUES || hasSource != (source >= 0)
                || source >= Layout.MAX_SOURCES) {
            throw new IllegalArgumentException(role + " with cue " + cue + ", source " + source);
        }
    }

    public ParamScope scope() {
        return role.scope();
    }

    /** The stable ID: "talkback.dim", "src3.mode", "cue2.level", "cue2.src3.pan". */
    public String id() {
        return (cue >= 0 ? "cue" + (cue + 1) + "." : "") + idInCue();
    }

    /**
     * The ID without its cue's prefix ("level", "src3.pan"): what a cue preset stores, so that a
     * cue saved from one cue means the same on another. For the other scopes, the whole ID.
     */
    public String idInCue() {
        return (source >= 0 ? "src" + (source + 1) + "." : "") + role.key();
    }

    /** What a host shows: "Talkback Dim", "Src 3 Mode", "Cue 2 Level", "Cue 2 Src 3 Pan". */
    public String name() {
        return (cue >= 0 ? "Cue " + (cue + 1) + " " : "") + (source >= 0 ? "Src " + (source + 1) + " " : "")
                + role.label();
    }
}
