package org.foldback.engine.param;

import java.util.Locale;

/**
 * Value-to-text and text-to-value for every parameter: what a host shows in its generic editor
 * and automation lanes, and what a user types. {@code parse(format(v))} gives back {@code v} to
 * the shown precision.
 */
public final class ParamText {
    private ParamText() {}

    public static String format(ParamSpec p, float plain) {
        float v = p.clamp(plain);
        switch (p.kind()) {
            case BOOL:
            case CHOICE:
                return p.choices().get((int) v);
            default:
                break;
        }
        if (p.isLevelDb() && v <= ParamSpec.MINUS_INF_DB) {
            return "-inf dB";
        }
        if (p.isOff(v)) {
            return "Off";
        }
        switch (p.unit()) {
            case "":
                return formatPan(v);
            case "dB":
                // Rounded first, and + 0f turns -0.0 into 0.0, so text never reads "-0.0 dB".
                return String.format(Locale.ROOT, "%.1f dB", Math.round(v * 10f) / 10f + 0f);
            case "s":
                return String.format(Locale.ROOT, "%.2f s", v);
            default:
                // Hz, %, ms, dB SPL: whole units are as fine as anyone sets them.
                return String.format(Locale.ROOT, "%.0f %s", v, p.unit());
        }
    }

    /** Pan as L100..C..R100 (percent towards that side). */
    private static String formatPan(float v) {
        int percent = Math.round(Math.abs(v) * 100f);
        if (percent == 0) {
            return "C";
        }
        return (v < 0 ? "L" : "R") + percent;
    }

    /**
     * Parses what a user typed or {@link #format} wrote.
     *
     * @throws IllegalArgumentException with a readable reason when the text means nothing here
     */
    public static float parse(ParamSpec p, String text) {
        String t = text.trim();
        if (p.kind() != ParamKind.FLOAT) {
            for (int i = 0; i < p.choices().size(); i++) {
                if (p.choices().get(i).equalsIgnoreCase(t)) {
                    return i;
                }
            }
            if (p.kind() == ParamKind.BOOL) {
                if (t.equalsIgnoreCase("true") || t.equals("1")) return 1f;
                if (t.equalsIgnoreCase("false") || t.equals("0")) return 0f;
            }
            return checkRange(p, parseNumber(p, t));
        }
        if ("dB".equals(p.unit())) {
            String number = t.toLowerCase(Locale.ROOT).replace("db", "").trim();
            if (number.equals("-inf") || number.equals("-infinity") || number.equals("off")) {
                return p.min();
            }
            return checkRange(p, parseNumber(p, number));
        }
        if (p.unit().isEmpty()) {
            return checkRange(p, parsePan(p, t));
        }
        String lower = t.toLowerCase(Locale.ROOT);
        String unit = p.unit().toLowerCase(Locale.ROOT);
        String number = (lower.endsWith(unit) ? lower.substring(0, lower.length() - unit.length()) : lower).trim();
        if (p.hasOff() && number.equals("off")) {
            return p.min();
        }
        return checkRange(p, parseNumber(p, number));
    }

    private static float parsePan(ParamSpec p, String t) {
        String u = t.toUpperCase(Locale.ROOT);
        if (u.equals("C") || u.equals("CENTER") || u.equals("CENTRE")) {
            return 0f;
        }
        if (u.startsWith("L") || u.startsWith("R")) {
            float percent = parseNumber(p, u.substring(1).replace("%", "").trim());
            return (u.startsWith("L") ? -percent : percent) / 100f;
        }
        return parseNumber(p, t);
    }

    private static float parseNumber(ParamSpec p, String t) {
        try {
            float v = Float.parseFloat(t);
            if (Float.isNaN(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + t + "' is not a value for " + p.id()
                    + " (" + describeRange(p) + ")");
        }
    }

    private static float checkRange(ParamSpec p, float v) {
        if (v < p.min() || v > p.max()) {
            throw new IllegalArgumentException(p.id() + " = " + v + " is out of range ("
                    + describeRange(p) + ")");
        }
        return p.clamp(v);
    }

    /** For error messages: what values this parameter takes. */
    public static String describeRange(ParamSpec p) {
        switch (p.kind()) {
            case BOOL:
                return "Off or On";
            case CHOICE:
                return "one of " + String.join(", ", p.choices());
            default:
                if (p.hasOff()) {
                    return "Off, " + format(p, p.offBelow()) + " to " + format(p, p.max());
                }
                return format(p, p.min()) + " to " + format(p, p.max());
        }
    }
}
