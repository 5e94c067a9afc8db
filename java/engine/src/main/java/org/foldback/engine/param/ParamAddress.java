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

    // The three texts below are built for every parameter when the table is made, in the
    // plugin's first instance: with StringBuilder rather than "+", whose invokedynamic call sites
    // each spin method handles the first time they run in a cold JVM (lambda forms the class
    // archive does not hold), about 10 ms of that instance's start (PERFORMANCE.md, "Session 9").

    /** The stable ID: "talkback.dim", "src3.mode", "cue2.level", "cue2.src3.pan". */
    public String id() {
        StringBuilder b = new StringBuilder(24);
        if (cue >= 0) {
            b.append("cue").append(cue + 1).append('.');
        }
        return appendIdInCue(b).toString();
    }

    /**
     * The ID without its cue's prefix ("level", "src3.pan"): what a cue preset stores, so that a
     * cue saved from one cue means the same on another. For the other scopes, the whole ID.
     */
    public String idInCue() {
        return appendIdInCue(new StringBuilder(16)).toString();
    }

    private StringBuilder appendIdInCue(StringBuilder b) {
        if (source >= 0) {
            b.append("src").append(source + 1).append('.');
        }
        return b.append(role.key());
    }

    /** What a host shows: "Talkback Dim", "Src 3 Mode", "Cue 2 Level", "Cue 2 Src 3 Pan". */
    public String name() {
        StringBuilder b = new StringBuilder(32);
        if (cue >= 0) {
            b.append("Cue ").append(cue + 1).append(' ');
        }
        if (source >= 0) {
            b.append("Src ").append(source + 1).append(' ');
        }
        return b.append(role.label()).toString();
    }
}
