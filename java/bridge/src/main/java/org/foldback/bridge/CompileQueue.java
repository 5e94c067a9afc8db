package org.foldback.bridge;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;

/**
 * Waits, after the JIT warm-up, until HotSpot's compilers have finished what the warm-up asked of
 * them, so the first real blocks run the optimised code rather than the profiling tier.
 *
 * <p>Why: the warm-up's blocks make C1 compile the audio path with profiling (tier 3) and queue C2
 * (tier 4) compilations; on a 2-core machine C2 finished them up to four seconds after the host
 * had started playing, and meanwhile blocks took 0.7-2.6 ms instead of ~0.1 (jalv, 64-sample
 * periods, 2026-12-02: 64 late blocks in the first 4 s; native/bench/PERFORMANCE.md). The queue
 * is read from the JVM's own diagnostic command ({@code jcmd <pid> Compiler.queue}), through the
 * platform MBean server: every line naming a method ({@code ::}) is a compilation running or
 * waiting, whoever asked for it.
 */
final class CompileQueue {
    /** What one wait found, for the log. */
    record Result(boolean known, double millis, int left) {
        String describe() {
            if (!known) {
                return "compile queue unknown";
            }
            return left == 0 ? String.format("compile queue drained in %.0f ms", millis)
                    : String.format("compile queue still had %d methods after %.0f ms", left, millis);
        }
    }

    private static final ObjectName DIAGNOSTIC_COMMANDS = name("com.sun.management:type=DiagnosticCommand");

    private CompileQueue() {}

    /** Polls every 10 ms until nothing is compiling or queued, or {@code maxMillis} passed. */
    static Result awaitEmpty(long maxMillis) {
        long start = System.nanoTime();
        long deadline = start + maxMillis * 1_000_000;
        int left = pending();
        while (left > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            left = pending();
        }
        return new Result(left >= 0, (System.nanoTime() - start) / 1e6, Math.max(0, left));
    }

    /** Methods compiling or queued now; -1 when the JVM does not say. */
    static int pending() {
        if (DIAGNOSTIC_COMMANDS == null) {
            return -1;
        }
        try {
            Object text = ManagementFactory.getPlatformMBeanServer().invoke(DIAGNOSTIC_COMMANDS, "compilerQueue",
                    new Object[] {null}, new String[] {String[].class.getName()});
            return (int) text.toString().lines().filter(l -> l.contains("::")).count();
        } catch (Exception | LinkageError e) { // no jdk.management, or a JVM without the command
            return -1;
        }
    }

    /**
     * How many methods of {@code packagePrefix} ("org.foldback.vector.") have code in use but none
     * from C2 (tier 4): C1's code only, which for a kernel means the Vector API's Java fallback on
     * every call. Read from {@code jcmd <pid> Compiler.codelist} (one line per nmethod: compile
     * id, tier, state, method; state 0 is in use; a method's tier-3 on-stack-replacement code stays
     * listed after its tier-4 code arrives, hence "none from C2" rather than "some below"); -1 when
     * the JVM does not say. (An interpreted method has no line, so a kernel not compiled at all is
     * not counted: callers wait for an empty queue first.)
     */
    static int belowTopTier(String packagePrefix) {
        java.util.List<String[]> code = codeInUse();
        if (code == null) {
            return -1;
        }
        java.util.Map<String, Boolean> topTier = new java.util.HashMap<>();
        code.stream()
                .filter(f -> f[3].startsWith(packagePrefix))
                .forEach(f -> topTier.merge(f[3], f[1].equals("4"), Boolean::logicalOr));
        return (int) topTier.values().stream().filter(top -> !top).count();
    }

    /**
     * How many of {@code methods} (each the start of a {@code Compiler.codelist} name up to its
     * signature, "org.foldback.engine.meter.Loudness.endHop(") have no C2 code (tier 4) in use:
     * interpreted, or C1's code only. -1 when the JVM does not say.
     */
    static int withoutTopTier(java.util.List<String> methods) {
        java.util.List<String[]> code = codeInUse();
        if (code == null) {
            return -1;
        }
        java.util.Set<String> top = new java.util.HashSet<>();
        code.stream()
                .filter(f -> f[1].equals("4"))
                .forEach(f -> methods.stream().filter(f[3]::startsWith).forEach(top::add));
        return methods.size() - top.size();
    }

    /**
     * The highest compile id among the code in use for methods of {@code packagePrefix}: it grows
     * whenever the JIT installs code for one of them. -1 when the JVM does not say.
     */
    static long lastCompileId(String packagePrefix) {
        java.util.List<String[]> code = codeInUse();
        if (code == null) {
            return -1;
        }
        return code.stream()
                .filter(f -> f[3].startsWith(packagePrefix))
                .mapToLong(f -> {
                    try {
                        return Long.parseLong(f[0]);
                    } catch (NumberFormatException e) {
                        return -1;
                    }
                })
                .max().orElse(0);
    }

    /**
     * The code in use ({@code Compiler.codelist}'s lines in state 0), each line split into
     * id, tier, state, method and the rest; null when the JVM does not say.
     */
    private static java.util.List<String[]> codeInUse() {
        String text = codelist();
        if (text == null) {
            return null;
        }
        return text.lines()
                .map(l -> l.split(" ", 5))
                .filter(f -> f.length >= 4 && f[2].equals("0"))
                .toList();
    }

    /** {@code jcmd <pid> Compiler.codelist}'s text; null when the JVM does not say. */
    private static String codelist() {
        if (DIAGNOSTIC_COMMANDS == null) {
            return null;
        }
        try {
            return ManagementFactory.getPlatformMBeanServer().invoke(DIAGNOSTIC_COMMANDS, "compilerCodelist",
                    new Object[] {null}, new String[] {String[].class.getName()}).toString();
        } catch (Exception | LinkageError e) { // no jdk.management, or a JVM without the command
            return null;
        }
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (Exception e) {
            return null;
        }
    }
}
