package org.foldback.cli.bench;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The figures of one run: the issue's keys first (in order), then supporting figures. */
final class Figures {
    private final Map<String, Double> values = new LinkedHashMap<>();
    private final Map<String, String> notes = new LinkedHashMap<>();

    Figures() {
        for (Figure f : Figure.values()) {
            values.put(f.key, null);
        }
    }

    void put(String key, Double value) {
        values.put(key, value == null || value.isNaN() || value.isInfinite() ? null : value);
    }

    void put(Figure figure, Double value) {
        put(figure.key, value);
    }

    Double get(String key) {
        return values.get(key);
    }

    /** Why a figure is null or how it was made; printed with the table and on stderr with --json. */
    void note(String key, String text) {
        notes.merge(key, text, (a, b) -> a + "; " + b);
    }

    Map<String, String> notes() {
        return notes;
    }

    void printJson(PrintStream out) {
        StringBuilder sb = new StringBuilder("{");
        String sep = "\n  ";
        for (Map.Entry<String, Double> e : values.entrySet()) {
            sb.append(sep).append('"').append(e.getKey()).append("\": ")
                    .append(e.getValue() == null ? "null" : json(e.getValue()));
            sep = ",\n  ";
        }
        sb.append("\n}");
        out.println(sb);
    }

    void printTable(PrintStream out, String runtime) {
        out.printf(Locale.ROOT, "%-46s %14s %14s %5s%n", "figure (" + runtime + ")", "goal", "measured", "");
        for (Figure f : Figure.values()) {
            Double v = values.get(f.key);
            String measured = v == null ? "n/a" : format(v) + " " + f.unit;
            out.printf(Locale.ROOT, "%-46s %14s %14s %5s%n", f.label, f.goalText(), measured, f.verdict(v));
        }
        out.println();
        out.println("supporting figures:");
        for (Map.Entry<String, Double> e : values.entrySet()) {
            if (isIssueKey(e.getKey())) {
                continue;
            }
            out.printf(Locale.ROOT, "  %-44s %s%n", e.getKey(), e.getValue() == null ? "n/a" : format(e.getValue()));
        }
        if (!notes.isEmpty()) {
            out.println();
            out.println("notes:");
            notes.forEach((k, v) -> out.println("  " + k + ": " + v));
        }
    }

    private static boolean isIssueKey(String key) {
        for (Figure f : Figure.values()) {
            if (f.key.equals(key)) {
                return true;
            }
        }
        return false;
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.valueOf((long) v);
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%.1f" : a >= 1 ? "%.2f" : "%.3g", v);
    }

    private static String json(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
