package org.foldback.state;

import java.util.Locale;
import java.util.regex.Pattern;

/** Source colours: "#rrggbb" only, so every surface (editor, web page, CLI) can show them as they are. */
final class SourceColours {
    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");
    /** Eight hues that stay apart on a dark background; sources 9-16 repeat them. */
    private static final String[] PALETTE = {
        "#e8a33d", "#4fa3e0", "#7cc66a", "#d9607a", "#a883e0", "#45c2b8", "#e0d25a", "#e07f4f",
    };

    private SourceColours() {}

    static String defaultFor(int source) {
        return PALETTE[source % PALETTE.length];
    }

    /** The colour in lower case, or an exception that says what a colour must look like. */
    static String check(String colour) {
        if (colour == null || !HEX.matcher(colour).matches()) {
            throw new IllegalArgumentException("a source colour is \"#rrggbb\", not '"
                    + (colour == null ? "null" : Quote.text(colour)) + "'");
        }
        return colour.toLowerCase(Locale.ROOT);
    }
}
