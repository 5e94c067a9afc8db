package org.foldback.ui;

import java.util.Arrays;

/** How long frames take to draw: a fixed ring of the latest durations, summarised on demand. */
final class FrameTimes {
    private final long[] nanos = new long[4096];
    private long count;

    void add(long durationNanos) {
        nanos[(int) (count++ % nanos.length)] = durationNanos;
    }

    long count() {
        return count;
    }

    /** "frames=N median_ms=X p99_ms=Y" over the latest frames (allocates: call rarely). */
    String summary() {
        int n = (int) Math.min(count, nanos.length);
        if (n == 0) {
            return "frames=0";
        }
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        return String.format(java.util.Locale.ROOT, "frames=%d median_ms=%.3f p99_ms=%.3f max_ms=%.3f",
                count, sorted[n / 2] / 1e6, sorted[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6,
                sorted[n - 1] / 1e6);
    }
}
