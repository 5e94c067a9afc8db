package org.foldback.cli.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A Java agent that makes garbage inside the plugin's JVM, so the tail of the audio thread is
 * measured while the collector works. It is never part of the plugin: the bench command packs this
 * one class into a throw-away agent jar and passes {@code -javaagent:JAR=mbps=N,stats=FILE} in
 * FOLDBACK_JVM_OPTIONS to the host it starts. Uses nothing but java.* (it runs from that jar alone).
 *
 * <p>The thread allocates {@code mbps} MB per second in 64 KB arrays, keeping the last 16 MB
 * reachable (a live set that moves, so collections copy something), and writes its totals and the
 * collectors' counts to {@code stats} every second as key=value lines.
 */
public final class AllocationLoad {
    private static final int CHUNK = 64 * 1024;
    private static final int RETAINED = 256; // 256 x 64 KB = 16 MB live
    private static final int TICK_MS = 5;

    private AllocationLoad() {}

    public static void premain(String options) {
        double mbps = 100;
        Path stats = null;
        for (String option : (options == null ? "" : options).split(",")) {
            if (option.startsWith("mbps=")) {
                mbps = Double.parseDouble(option.substring(5));
            } else if (option.startsWith("stats=")) {
                stats = Path.of(option.substring(6));
            }
        }
        double rate = mbps;
        Path statsFile = stats;
        Thread t = new Thread(() -> run(rate, statsFile), "foldback-bench-allocation-load");
        t.setDaemon(true);
        t.start();
    }

    private static void run(double mbps, Path stats) {
        byte[][] retained = new byte[RETAINED][];
        long started = System.nanoTime();
        long allocated = 0;
        long lastReport = started;
        int next = 0;
        while (true) {
            double seconds = (System.nanoTime() - started) / 1e9;
            long due = (long) (mbps * 1e6 * seconds);
            while (allocated < due) {
                byte[] chunk = new byte[CHUNK];
                chunk[next & (CHUNK - 1)] = (byte) next;
                retained[next++ % RETAINED] = chunk;
                allocated += CHUNK;
            }
            long now = System.nanoTime();
            if (stats != null && now - lastReport > 1_000_000_000L) {
                report(stats, allocated, (now - started) / 1e9);
                lastReport = now;
            }
            try {
                Thread.sleep(TICK_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void report(Path stats, long allocated, double seconds) {
        StringBuilder sb = new StringBuilder();
        sb.append("allocated_mb=").append(allocated / 1e6).append('\n');
        sb.append("seconds=").append(seconds).append('\n');
        sb.append("mb_per_second=").append(allocated / 1e6 / seconds).append('\n');
        long count = 0;
        long millis = 0;
        StringBuilder names = new StringBuilder();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
            names.append(names.length() == 0 ? "" : "; ").append(gc.getName()).append(": ")
                    .append(gc.getCollectionCount()).append(" in ").append(gc.getCollectionTime()).append(" ms");
        }
        sb.append("gc_count=").append(count).append('\n');
        sb.append("gc_ms=").append(millis).append('\n');
        sb.append("gc_detail=").append(names).append('\n');
        try {
            Path tmp = stats.resolveSibling(stats.getFileName() + ".tmp");
            Files.write(tmp, sb.toString().getBytes(StandardCharsets.UTF_8));
            Files.move(tmp, stats, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ignored) {
            // The bench reports missing stats; the load itself goes on.
        }
    }
}
