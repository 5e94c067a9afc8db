package org.foldback.control;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one background thread of a process-wide surface (the web remote's, OSC's): it starts and
 * stops the surface's server so the host's message thread never waits for a socket, and looks
 * again every {@link #RECHECK_SECONDS} by itself, so an instance the host dropped without a call
 * still leaves. A failed look is logged and does not end the schedule.
 */
public final class SurfaceWorker {
    /** How often the surface looks again by itself. */
    public static final long RECHECK_SECONDS = 2;

    private SurfaceWorker() {}

    /** A daemon thread named {@code threadName} that runs {@code follow} now and then; tasks may be queued on it. */
    public static ScheduledExecutorService start(String threadName, String logPrefix, Runnable follow) {
        ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        worker.scheduleWithFixedDelay(() -> {
            try {
                follow.run();
            } catch (RuntimeException e) {
                Controllers.log(logPrefix + e);
            }
        }, RECHECK_SECONDS, RECHECK_SECONDS, TimeUnit.SECONDS);
        return worker;
    }
}
