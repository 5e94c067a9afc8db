package org.foldback.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the OSC server's own threads allocate per message in the steady state, for the messages
 * osc_in_jalv floods with (send levels by shortcut, cue levels by parameter ID, pans as text,
 * Ardour /cue/send/fader), with a subscriber at 30 Hz and a /cue client being fed back. Garbage on
 * these threads brings collections, and a collection's pauses stop the audio thread inside its
 * Java call (issue 15). Half the messages come as plain messages, half each in a time-tagged
 * bundle, as liblo's oscsendfile (osc_in_jalv's sender) sends them. Read from the JVM's per-thread allocation counter
 * (com.sun.management.ThreadMXBean), printed per message, and bounded: the receive thread per
 * message, the feedback thread per second (it sends per subscriber tick, not per message).
 *
 * <p>Paced (each batch waits until the server has handled it) so that no datagram is lost and
 * every one is counted; FOLDBACK_OSC_GARBAGE_MESSAGES sets how many (100,000 by default).
 */
class OscGarbageTest {
    /** Bound on the receive thread's average allocation per message after warm-up. */
    static final double MAX_RECEIVE_BYTES_PER_MESSAGE = 64;
    /** Bound on the feedback thread's allocation per second of flood (it feeds back per tick, not per message). */
    static final double MAX_FEEDBACK_BYTES_PER_SECOND = 256 * 1024;

    @Test
    void theReceiveThreadAllocatesAlmostNothingPerMessage() throws Exception {
        int total = Integer.parseInt(System.getenv().getOrDefault("FOLDBACK_OSC_GARBAGE_MESSAGES", "100000"));
        Rig rig = new Rig();
        int id = rig.real.id();
        Thread audio = rig.play();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        // The real controller, not the rig's logging proxy: the proxy's own strings are not the server's.
        try (OscServer server = OscServer.start(0, List.of("127.0.0.1"), () -> List.of(rig.real), l -> {});
                UdpClient flood = new UdpClient(server.port());
                UdpClient watcher = new UdpClient(server.port())) {
            watcher.send(UdpClient.encode("/foldback/subscribe", watcher.port(), 30f));
            // The flood's sender is the /cue client (a client is its IP address): cue 3 selected.
            flood.send(UdpClient.encode("/cue/connect", watcher.port()));
            flood.send(UdpClient.encode("/cue/aux", 3));
            List<byte[]> messages = new ArrayList<>();
            for (int i = 0; i < 4 * 16 * 31; i++) {
                int cue = 3 + i % 6;
                int src = 1 + (i / 4) % 16;
                int db = -40 + (i / 4) % 31;
                byte[] m = switch (i % 4) {
                    case 0 -> UdpClient.encode("/foldback/" + id + "/cue/" + cue + "/send/" + src + "/level", (float) db);
                    case 1 -> UdpClient.encode("/foldback/" + id + "/param/cue" + cue + ".level", (i / 4 % 10) / 10f);
                    case 2 -> UdpClient.encode("/foldback/" + id + "/cue/" + cue + "/send/" + src + "/pan", "L" + (1 + i / 4 % 99));
                    default -> UdpClient.encode("/cue/send/fader/" + src, (i / 4 % 10) / 10f);
                };
                // Every other one in a bundle of its own with a time tag, as liblo's oscsendfile sends them.
                messages.add(i / 4 % 2 == 0 ? m : UdpClient.bundle(0xe0000000L << 32 | i, m));
            }
            Thread.sleep(300);
            long base = server.handled() + server.refused();
            // Warm-up: the JIT compiles the paths, the caches fill, the first whole state goes out.
            long done = pump(flood, watcher, server, messages, 20_000, base);
            long refused0 = server.refused();
            long in0 = allocated("foldback-osc-in", threads);
            long out0 = allocated("foldback-osc-out", threads);
            long t0 = System.nanoTime();
            pump(flood, watcher, server, messages, total, done);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long in = allocated("foldback-osc-in", threads) - in0;
            long out = allocated("foldback-osc-out", threads) - out0;
            double perMessage = (double) in / total;
            System.out.printf("osc garbage: %d messages in %.1f s (%.0f/s); receive thread %d bytes (%.1f bytes per message),"
                    + " feedback thread %d bytes (%.1f bytes per message, %.2f MB/s at this rate; subscriber at 30 Hz"
                    + " and a /cue client); at 10,000 messages/s that is %.2f MB/s on the receive thread%n",
                    total, seconds, total / seconds, in, perMessage, out, (double) out / total, out / seconds / 1e6,
                    perMessage * 10_000 / 1e6);
            assertEquals(refused0, server.refused(), "every flood message is accepted");
            assertTrue(perMessage <= MAX_RECEIVE_BYTES_PER_MESSAGE,
                    "receive thread allocated " + perMessage + " bytes per message (bound " + MAX_RECEIVE_BYTES_PER_MESSAGE + ")");
            assertTrue(out / seconds <= MAX_FEEDBACK_BYTES_PER_SECOND,
                    "feedback thread allocated " + out / seconds + " bytes a second (bound " + MAX_FEEDBACK_BYTES_PER_SECOND + ")");
            assertEquals(0, rig.audioPathBytes.get(), "the audio path allocated");
        } finally {
            audio.interrupt();
        }
    }

    /**
     * Sends {@code n} messages in batches of 50, each batch after the server has dealt with the one
     * before (so the socket's buffer never overflows); returns the server's count at the end.
     */
    private static long pump(UdpClient flood, UdpClient watcher, OscServer server, List<byte[]> messages, int n, long from)
            throws Exception {
        long target = from;
        long lastRenew = System.nanoTime();
        for (int i = 0; i < n; ) {
            for (int k = 0; k < 50 && i < n; k++, i++) {
                flood.send(messages.get(i % messages.size()));
                target++;
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (server.handled() + server.refused() < target) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the server stopped handling at " + (server.handled() + server.refused())
                            + " of " + target);
                }
                Thread.onSpinWait();
                Thread.yield();
            }
            if (System.nanoTime() - lastRenew > 2_000_000_000L) {
                lastRenew = System.nanoTime();
                watcher.send(UdpClient.encode("/foldback/subscribe", watcher.port(), 30f));
                // The renewal is one more message handled.
                target++;
            }
            watcher.drain();
        }
        return target;
    }

    private static long allocated(String name, com.sun.management.ThreadMXBean threads) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(name)) {
                return threads.getThreadAllocatedBytes(t.getId());
            }
        }
        throw new AssertionError("no thread " + name);
    }
}
