package org.foldback.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a helper (foldback-host, a bench script) and reads the key=value lines it prints on stdout.
 * Its stderr goes to a log file next to the run's other files, shown when it fails.
 */
final class KeyValueProcess {
    private KeyValueProcess() {}

    static Map<String, String> run(List<String> command, Map<String, String> env, Path log, long timeoutSeconds)
            throws IOException, BenchException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        pb.redirectError(log.toFile());
        Process p = pb.start();
        byte[] out;
        try {
            out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new BenchException(String.join(" ", command) + " timed out after " + timeoutSeconds + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
        Map<String, String> values = parse(new String(out, StandardCharsets.UTF_8));
        if (p.exitValue() != 0) {
            String err = Files.exists(log) ? Files.readString(log) : "";
            throw new BenchException(String.join(" ", command) + " exited with " + p.exitValue() + ":\n"
                    + tail(err, 2000));
        }
        return values;
    }

    static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return values;
    }

    static Double number(Map<String, String> values, String key) {
        String v = values.get(key);
        if (v == null || v.isEmpty() || v.equals("null")) {
            return null;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String tail(String s, int chars) {
        return s.length() <= chars ? s : "..." + s.substring(s.length() - chars);
    }
}
