package org.foldback.state;

import java.util.regex.Pattern;

/**
 * What a user preset may be called. The name is also the file name, so it is kept to letters,
 * digits, spaces, '-', '_' and '.', starting with a letter or digit and not ending in '.' or a
 * space: no path separators, no "..", nothing a file system treats specially.
 */
public final class PresetName {
    public static final int MAX_LENGTH = 64;
    private static final Pattern VALID =
            Pattern.compile("[\\p{L}\\p{N}]([\\p{L}\\p{N} ._-]{0," + (MAX_LENGTH - 2) + "}[\\p{L}\\p{N}_-])?");

    private PresetName() {}

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    public static String check(String name) throws PresetException {
        if (!isValid(name)) {
            throw new PresetException("'" + (name == null ? "" : Quote.text(name))
                    + "' is not a valid preset name: use 1 to " + MAX_LENGTH
                    + " letters, digits, spaces, '-', '_' or '.', starting with a letter or digit");
        }
        return name;
    }
}
