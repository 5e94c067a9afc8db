package org.foldback.cli;

import org.foldback.state.PluginState;

/**
 * Source names, colours and "me" marks as one line each, for {@code presets show} and
 * {@code params --preset}. Never the web remote's settings: PINs stay out of command output.
 */
final class SourceListing {
    private SourceListing() {}

    /** "sources: 1 Main mix (#e8a33d), 2 Drums (#4fa3e0), ..." up to the last named source. */
    static String sources(PluginState s) {
        int last = 0;
        for (int src = 0; src < PluginState.SOURCE_COUNT; src++) {
            if (!s.sourceName(src).equals(PluginState.defaultSourceName(src))) {
                last = src;
            }
        }
        StringBuilder b = new StringBuilder("sources:");
        for (int src = 0; src <= last; src++) {
            b.append(src == 0 ? " " : ", ").append(src + 1).append(' ').append(s.sourceName(src))
                    .append(" (").append(s.sourceColour(src)).append(')');
        }
        if (last < PluginState.SOURCE_COUNT - 1) {
            b.append(", ").append(last + 2).append('-').append(PluginState.SOURCE_COUNT).append(" unnamed");
        }
        return b.toString();
    }

    /** "me: Drums = Drums; Bass = Bass" for cues with marks; empty when no cue has one. */
    static String meMarks(PluginState s) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < PluginState.CUE_COUNT; c++) {
            if (s.meMarks(c) == 0) {
                continue;
            }
            b.append(b.length() == 0 ? "me: " : "; ").append(s.cueName(c)).append(" =");
            String sep = " ";
            for (int src = 0; src < PluginState.SOURCE_COUNT; src++) {
                if (s.isMe(c, src)) {
                    b.append(sep).append(s.sourceName(src));
                    sep = ", ";
                }
            }
        }
        return b.toString();
    }
}
