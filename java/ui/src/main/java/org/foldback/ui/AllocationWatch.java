package org.foldback.ui;

import java.lang.management.ManagementFactory;

/**
 * Counts the bytes the drawing thread allocates on the Java heap per frame after a warm-up,
 * through HotSpot's per-thread allocation counter. Drawing is meant to allocate nothing in steady
 * state; the editor test reads this from the log.
 */
final class AllocationWatch {
    private final com.sun.management.ThreadMXBean threads;
    private final int warmUpFrames;
    private long frames;
    private long startBytes = -1;
    private long lastBytes;
    private long watchedFrames;
    private boolean sameThread = true;
    private long threadId = -1;
    // The first frames that allocated, and how much: where to look when the figure is not zero.
    private final long[] eventFrame = new long[4];
    private final long[] eventBytes = new long[4];
    private int events;
    private long lastAllocatingFrame;

    AllocationWatch(int warmUpFrames) {
        this.warmUpFrames = warmUpFrames;
        this.threads = ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported() ? t : null;
    }

    /** Call at the end of every frame, on the drawing thread. */
    void frameDone() {
        frames++;
        if (threads == null || frames < warmUpFrames) {
            return;
        }
        long id = Thread.currentThread().getId();
        long bytes = threads.getCurrentThreadAllocatedBytes();
        if (startBytes < 0) {
            startBytes = bytes;
            threadId = id;
        } else {
            sameThread &= id == threadId;
            watchedFrames++;
        }
        if (watchedFrames > 0 && bytes != lastBytes) {
            lastAllocatingFrame = frames;
            if (events < eventFrame.length) {
                eventFrame[events] = frames;
                eventBytes[events++] = bytes - lastBytes;
            }
        }
        lastBytes = bytes;
    }

    private String firstEvents() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < events; i++) {
            sb.append(i == 0 ? " (first: " : ", ").append("frame ").append(eventFrame[i]).append(" +")
                    .append(eventBytes[i]).append(" B");
        }
        if (events == 0) {
            return "";
        }
        return sb.append("; last at frame ").append(lastAllocatingFrame).append(" of ").append(frames).append(')').toString();
    }

    String summary() {
        if (threads == null) {
            return "allocation=unknown";
        }
        if (watchedFrames == 0) {
            return "allocation=unmeasured (fewer than " + (warmUpFrames + 1) + " frames)";
        }
        if (!sameThread) {
            return "allocation=unmeasured (frames drawn on several threads)";
        }
        return "allocated_bytes_per_frame=" + (lastBytes - startBytes) / watchedFrames
                + " over " + watchedFrames + " frames" + firstEvents();
    }
}
