package org.foldback.state;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Hostile state blobs for fuzzing every reader of states and presets: in-process (FuzzTest), the
 * real plugins in the offline host and {@code foldback presets import} (StateTool hostile, issue
 * 19). Each blob is a mutation of a real one: byte flips, truncation, inserted bytes or tokens,
 * splices of two files, JSON-ish garbage, deep nesting, values of the wrong type, hostile text
 * (NUL, lone and paired surrogates, 4-byte characters, invalid UTF-8 bytes, strings of up to
 * 900 KB), duplicate keys, and huge, tiny or non-finite numbers.
 */
public final class HostileStates {
    private static final int SMALL_FILES = 3;
    private static final String[] TOKENS = {
        "{", "}", "[", "]", ",", ":", "\"", "\"params\"", "\"cues\"", "\"meter\"", "\"ab\"", "\"schema\"",
        "\"format\"", "\"foldback-state\"", "\"cue1.level\"", "\"name\"", "0", "1", "-1", "-0.0", "1e999",
        "-1e-999999999", "123456789012345678901234567890", "0.1", "true", "false", "null", "NaN",
        "Infinity", "\"\\ud800\"", "\"\\u0000\"", "\"x\"", " ", "\n", "\\", "\"A\"", "\"B\"", "\"other\"",
        "\"reference_dbfs\"", "-18", "-20", "99", "\"-inf dB\"", "\"Mono sum\"", "\"L50\"",
    };
    private static final String[] VALUES = {
        "{}", "[]", "null", "\"x\"", "1e999", "-1e999", "1e-999", "99999999999999999999999999", "true",
        "false", "\"\\ud800\"", "\"On\"", "\"Mono sum\"", "\"-inf\"", "-0.0", "\"\"", "[1,2,3]",
        "{\"a\":[{\"b\":null}]}", "\"A\"", "\"B\"", "\"C\"", "0", "-18", "-20", "1.5", "2147483648",
    };

    /** Text a JSON string may carry, escaped or raw, that has hurt text conversions before. */
    private static final String[] HOSTILE_TEXT = {
        "\\u0000", "\\u0000\\ud7ff", "\\ud800", "\\udfff", "x\\udc00y", "\\ud83d\\ude00",
        "\\ud83d", "\u00e9\u4e2d\ud83c\udfa7", "\\u001f\\u007f\\u0085", "\\\\", "%s%n%x",
    };
    private static final byte[][] RAW_BYTES = {
        {(byte) 0xc0, (byte) 0x80}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xff, (byte) 0xfe},
        {(byte) 0xf0, (byte) 0x9f, (byte) 0x8e, (byte) 0xa7}, {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xe2, (byte) 0x82}, {0},
    };
    private static final String[] NUMBERS = {
        "1e999", "-1e999", "NaN", "Infinity", "-Infinity", "1e308", "-1.7976931348623157e308", "4.9e-324",
        "-0", "1" + "0".repeat(400), "0.000000000000000000000000000000000000000000001", "3.4028236e38",
    };

    private HostileStates() {}

    private static byte[] hostileText(Random rnd, byte[] base) {
        byte[] insert;
        int kind = rnd.nextInt(10);
        if (kind < 6) {
            insert = HOSTILE_TEXT[rnd.nextInt(HOSTILE_TEXT.length)].getBytes(StandardCharsets.UTF_8);
        } else if (kind < 8) {
            insert = RAW_BYTES[rnd.nextInt(RAW_BYTES.length)];
        } else {
            // A long string: around the parser's 16,384-character limit, now and then up to 900 KB
            // (the readers refuse more than 1 MiB per blob).
            int n = 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 900_000 : 20_000);
            String unit = rnd.nextBoolean() ? "a" : "\\u0000";
            insert = unit.repeat(Math.max(1, n / unit.length())).getBytes(StandardCharsets.UTF_8);
        }
        String text = new String(base, StandardCharsets.ISO_8859_1);
        int format = text.indexOf("\"foldback-");
        int at;
        if (format >= 0 && rnd.nextInt(3) == 0) {
            at = format + 1;   // at the start of the format's value: "format": "<here>foldback-...
            if (rnd.nextBoolean()) {   // or the whole value replaced: "format": "<insert>"
                int end = text.indexOf('"', at);
                return splice(base, at, end - at, insert);
            }
        } else {
            int quote = text.indexOf('"', rnd.nextInt(Math.max(1, text.length())));
            at = quote < 0 ? rnd.nextInt(base.length + 1) : quote + 1;
        }
        return splice(base, at, 0, insert);
    }

    private static byte[] duplicateKey(Random rnd, byte[] base) {
        String text = new String(base, StandardCharsets.ISO_8859_1);
        int open = text.indexOf('{', rnd.nextInt(Math.max(1, text.length())));
        if (open < 0) {
            open = text.indexOf('{');
        }
        if (open < 0) {
            return base;
        }
        String[] pairs = {
            "\"format\":\"foldback-state\",", "\"format\":\"x\\u0000\",", "\"schema\":1,", "\"schema\":99,",
            "\"cue1.level\":-6,", "\"params\":{},", "\"cues\":[],", "\"name\":\"\\ud800\",", "\"active\":\"B\",",
        };
        byte[] insert = pairs[rnd.nextInt(pairs.length)].getBytes(StandardCharsets.ISO_8859_1);
        return splice(base, open + 1, 0, insert);
    }

    private static byte[] replaceNumber(Random rnd, byte[] base) {
        String text = new String(base, StandardCharsets.ISO_8859_1);
        int from = rnd.nextInt(Math.max(1, text.length()));
        int at = -1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '-' || Character.isDigit(c)) && i > 0 && ":[, ".indexOf(text.charAt(i - 1)) >= 0) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            return base;
        }
        int end = at;
        while (end < text.length() && "-+.eE0123456789".indexOf(text.charAt(end)) >= 0) {
            end++;
        }
        return splice(base, at, end - at, NUMBERS[rnd.nextInt(NUMBERS.length)].getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Three random states, the default state and three small files (a preset, a cue preset, schema 0). */
    public static List<byte[]> corpus(Random rnd) {
        return corpus(rnd, List.of());
    }

    /**
     * {@link #corpus(Random)} with {@code real} (whole saved states, such as a plugin's own)
     * among the full states.
     */
    public static List<byte[]> corpus(Random rnd, List<byte[]> real) {
        List<byte[]> list = new ArrayList<>(real);
        for (int i = 0; i < 3; i++) {
            list.add(StateCodec.encode(RandomStates.random(rnd)));
        }
        list.add(StateCodec.encode(new PluginState()));
        // Small, sparse files like presets: most mutations land in the interesting parts.
        list.add(("{\"format\":\"foldback-preset\",\"schema\":1,\"name\":\"x\",\"description\":\"y\",\"params\":"
                + "{\"cue1.level\":-6.0,\"cue1.mono\":\"Mono sum\",\"cue1.mute\":true,\"talkback.source\":\"Src 5\"},"
                + "\"cues\":[{\"name\":\"Vocals\"},{\"name\":\"Bass\",\"color\":\"red\"}],\"meter\":"
                + "{\"reference_dbfs\":-20},\"ab\":{\"active\":\"B\",\"other\":{\"cue2.src1.pan\":-0.5}},"
                + "\"future\":[1,{\"a\":null}]}").getBytes(StandardCharsets.UTF_8));
        list.add(("{\"format\":\"foldback-cue\",\"schema\":1,\"name\":\"Vocals\",\"params\":"
                + "{\"level\":-3.5,\"mono\":\"Side\",\"src2.pan\":-0.25,\"src2.mute\":true,\"eq\":[1]}}")
                .getBytes(StandardCharsets.UTF_8));
        list.add(("{\"format\":\"foldback-state\",\"schema\":0,\"params\":[{\"id\":\"cue1.level\",\"value\":-3.5},"
                + "{\"id\":\"cue2.mono\",\"value\":1}],\"cue_names\":[\"Drums\",\"Bass\"],"
                + "\"reference_level\":\"-20 dBFS\"}").getBytes(StandardCharsets.UTF_8));
        return list;
    }

    /** One hostile blob made from a corpus entry (see the class comment for the kinds). */
    public static byte[] mutate(Random rnd, List<byte[]> corpus) {
        byte[] base = pick(rnd, corpus);
        switch (rnd.nextInt(12)) {
            case 9: // hostile text inside a string, often the "format" the shim once choked on
                return hostileText(rnd, base);
            case 10: // a key written twice
                return duplicateKey(rnd, base);
            case 11: // a number replaced by a huge, tiny or non-finite one
                return replaceNumber(rnd, base);
            case 0: { // byte flips
                byte[] b = base.clone();
                int flips = 1 + rnd.nextInt(8);
                for (int i = 0; i < flips; i++) {
                    b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
                return b;
            }
            case 1: // truncation
                return Arrays.copyOf(base, rnd.nextInt(base.length));
            case 2: { // insertion of random bytes or tokens
                byte[] insert = rnd.nextBoolean() ? randomBytes(rnd, 1 + rnd.nextInt(16))
                        : TOKENS[rnd.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8);
                return splice(base, rnd.nextInt(base.length + 1), 0, insert);
            }
            case 3: { // splice of two valid states
                byte[] other = pick(rnd, corpus);
                int cut = rnd.nextInt(base.length);
                int from = rnd.nextInt(other.length);
                byte[] b = Arrays.copyOf(base, cut + other.length - from);
                System.arraycopy(other, from, b, cut, other.length - from);
                return b;
            }
            case 4: { // JSON-ish garbage
                StringBuilder s = new StringBuilder();
                int n = rnd.nextInt(60);
                for (int i = 0; i < n; i++) {
                    s.append(TOKENS[rnd.nextInt(TOKENS.length)]);
                }
                return s.toString().getBytes(StandardCharsets.UTF_8);
            }
            case 5: { // deep nesting, arrays or objects, sometimes inside a valid head
                int depth = 1 + rnd.nextInt(rnd.nextBoolean() ? 40 : 20_000);
                String open = rnd.nextBoolean() ? "[" : "{\"a\":";
                String head = rnd.nextBoolean() ? "{\"format\":\"foldback-state\",\"schema\":1,\"x\":" : "";
                return (head + open.repeat(depth)).getBytes(StandardCharsets.UTF_8);
            }
            default: { // a value replaced by another of a random type (valid JSON, wrong content)
                String text = new String(base, StandardCharsets.UTF_8);
                String out = text;
                int edits = 1 + rnd.nextInt(3);
                for (int e = 0; e < edits; e++) {
                    int at = out.indexOf(": ", rnd.nextInt(Math.max(1, out.length())));
                    if (at < 0) {
                        at = out.indexOf(":", rnd.nextInt(Math.max(1, out.length())));
                    }
                    if (at < 0) {
                        break;
                    }
                    int endValue = valueEnd(out, at + 1);
                    out = out.substring(0, at + 1) + " " + VALUES[rnd.nextInt(VALUES.length)] + out.substring(endValue);
                }
                return out.getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    /**
     * The full states (30 KiB each, first in the corpus) one time in four, the small files
     * otherwise: as much coverage of the parser for far less time per blob.
     */
    private static byte[] pick(Random rnd, List<byte[]> corpus) {
        int full = corpus.size() - SMALL_FILES;
        return rnd.nextInt(4) == 0 ? corpus.get(rnd.nextInt(full))
                : corpus.get(full + rnd.nextInt(SMALL_FILES));
    }

    /** Where a simple value (number, literal, string) after a colon ends; containers are kept. */
    private static int valueEnd(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '"') {
            int j = i + 1;
            while (j < s.length() && s.charAt(j) != '"') {
                j += s.charAt(j) == '\\' ? 2 : 1;
            }
            return Math.min(s.length(), j + 1);
        }
        while (i < s.length() && ",}]\n".indexOf(s.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    private static byte[] splice(byte[] base, int at, int remove, byte[] insert) {
        byte[] b = new byte[base.length - remove + insert.length];
        System.arraycopy(base, 0, b, 0, at);
        System.arraycopy(insert, 0, b, at, insert.length);
        System.arraycopy(base, at + remove, b, at + insert.length, base.length - at - remove);
        return b;
    }

    private static byte[] randomBytes(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }
}
