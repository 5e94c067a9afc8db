package org.foldback.state;

/** Makes a cue name safe to store and write: whole code points only, bounded length. */
final class CueNames {
    private CueNames() {}

    static String clean(String name) {
        if (name == null) {
            throw new IllegalArgumentException("cue name is null");
        }
        StringBuilder b = new StringBuilder(Math.min(name.length(), PluginState.MAX_CUE_NAME_LENGTH * 2));
        int count = 0;
        for (int i = 0; i < name.length() && count < PluginState.MAX_CUE_NAME_LENGTH; count++) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            // A lone surrogate cannot be encoded as UTF-8; it could only come from a broken file.
            b.appendCodePoint(Character.isSurrogate((char) cp) && cp <= 0xFFFF ? 0xFFFD : cp);
        }
        return b.toString();
    }

    /** Whether a string holds a UTF-16 surrogate that is not part of a pair. */
    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return true;
            }
            if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
