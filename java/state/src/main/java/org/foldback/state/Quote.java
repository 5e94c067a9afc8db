package org.foldback.state;

/**
 * User data inside a message (a refusal, a warning, a notice), made safe to show and to log:
 * a refusal names the field and the problem, not megabytes of a hostile value. Control
 * characters (NUL included), DEL, the C1 controls and unpaired UTF-16 surrogates become
 * {@code \\uXXXX}, a backslash becomes {@code \\\\}, and text longer than the limit is cut
 * (never inside an escape or a surrogate pair) and ends in "…". Issue 19: such text also
 * crosses into the plugin's C++ side and into the host's log.
 */
public final class Quote {
    /** Characters of quoted user data a message shows at most (escapes count as written). */
    public static final int LIMIT = 80;

    private Quote() {}

    /** {@code s} escaped and cut to {@link #LIMIT} characters; "null" for null. */
    public static String text(String s) {
        return text(s, LIMIT);
    }

    /** {@code s} escaped and cut to {@code limit} characters (at least 1); "null" for null. */
    public static String text(String s, int limit) {
        if (s == null) {
            return "null";
        }
        int max = Math.max(1, limit);
        StringBuilder b = new StringBuilder(Math.min(s.length(), max) + 8);
        int fitsWithMarker = 0;   // the length kept when a cut must make room for the marker
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String piece;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                piece = s.substring(i, i + 2);
                i++;
            } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c)) {
                piece = String.format("\\u%04x", (int) c);
            } else if (c == '\\') {
                piece = "\\\\";
            } else {
                piece = String.valueOf(c);
            }
            if (b.length() + piece.length() > max) {
                b.setLength(fitsWithMarker);
                return b.append('\u2026').toString();
            }
            b.append(piece);
            if (b.length() <= max - 1) {
                fitsWithMarker = b.length();
            }
        }
        return b.toString();
    }
}
