package org.foldback.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A flood while audio plays through the instance: 10,000 messages a second for 10 s
 * (FOLDBACK_OSC_FLOOD_SECONDS to change) on loopback, moving sends and cue levels through every
 * kind of address, with a subscriber and an Ardour /cue client being fed back. The audio thread
 * allocates nothing, and the server answers afterwards. Block times with and without the flood
 * are printed (figures, not a pass mark: timing belongs in benchmarks).
 */
class FloodTest {
    @Test
    void tenThousandMessagesASecondWhileAudioPlays() throws Exception {
        int seconds = Integer.parseInt(System.getenv().getOrDefault("FOLDBACK_OSC_FLOOD_SECONDS", "10"));
        int perSecond = 10_000;
        Rig rig = new Rig();
        int id = rig.real.id();
        Thread audio = rig.play();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (OscServer server = OscServer.start(0, List.of("127.0.0.1"), () -> List.of(rig.seen), l -> {});
                UdpClient flood = new UdpClient(server.port());
                UdpClient watcher = new UdpClient(server.port())) {
            watcher.send(UdpClient.encode("/foldback/subscribe", watcher.port(), 30f));
            watcher.send(UdpClient.encode("/cue/connect", watcher.port()));
            List<byte[]> messages = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                float db = -40 + (i % 32);
                messages.add(UdpClient.encode("/foldback/" + id + "/cue/" + (i % 8 + 1) + "/send/" + (i % 16 + 1) + "/level", db));
                messages.add(UdpClient.encode("/foldback/" + id + "/param/cue" + (i % 8 + 1) + ".level", (i % 10) / 10f));
                messages.add(UdpClient.encode("/foldback/" + id + "/cue/" + (i % 8 + 1) + "/send/" + (i % 16 + 1) + "/pan", "L" + i));
                messages.add(UdpClient.encode("/cue/send/fader/" + (i % 16 + 1), (i % 10) / 10f));
            }
            // Warm-up: one second of flood, so the JIT has compiled the paths before timing blocks.
            send(flood, messages, perSecond, 1, watcher);
            long[] quiet = blockTimes(rig, 2000);
            long handled0 = server.handled();
            long cpu0 = cpuOf("foldback-osc-in", threads);
            long bytes0 = rig.audioPathBytes.get();
            int blocks0 = rig.blocks;
            long t0 = System.nanoTime();
            long sent = send(flood, messages, perSecond, seconds / 2, watcher);
            sent += send(flood, messages, perSecond, seconds - seconds / 2, watcher);
            double took = (System.nanoTime() - t0) / 1e9;
            long[] busy = lastBlockTimes(rig, rig.blocks - blocks0);
            long audioEnd = rig.audioPathBytes.get();
            long audioBytes = audioEnd - bytes0;   // inside process() only
            long until = System.currentTimeMillis() + 5000;
            long last = -1;
            while (System.currentTimeMillis() < until && server.handled() != last) {
                last = server.handled();
                Thread.sleep(200);
            }
            long handled = server.handled() - handled0;
            double cpuPerMessage = (cpuOf("foldback-osc-in", threads) - cpu0) / 1e3 / Math.max(1, handled);
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            int answered = flood.queryRetrying(4);
            System.out.printf("osc flood: %d messages sent in %.1f s (%.0f/s), %d handled (%.0f/s), %d refused;"
                    + " audio thread allocated %d bytes over %d blocks; block time p99.9 / max: quiet %.1f / %.1f us,"
                    + " flood %.1f / %.1f us (medians %.1f / %.1f us); receive thread CPU %.1f us per message handled;"
                    + " load average %.1f; server answered: %s%n",
                    sent, took, sent / took, handled, handled / took, server.refused(), audioBytes, busy.length,
                    pct(quiet, 0.999) / 1e3, pct(quiet, 1) / 1e3, pct(busy, 0.999) / 1e3, pct(busy, 1) / 1e3,
                    pct(quiet, 0.5) / 1e3, pct(busy, 0.5) / 1e3, cpuPerMessage, load, answered == 1);
            assertEquals(0, audioEnd, "the audio path allocated (any block since playing began, the flood included)");
            assertEquals(1, answered, "the server answers after the flood");
            // What UDP cannot deliver (the socket's buffer full while the machine is busy) is lost,
            // as on any network; the count is printed, not judged.
            assertTrue(handled > 0, "the flood reached the server");
        } finally {
            audio.interrupt();
        }
    }

    /** Sends at {@code perSecond} for {@code seconds}, in 10 ms batches; keeps the watcher's feedback drained. */
    private static long send(UdpClient to, List<byte[]> messages, int perSecond, int seconds, UdpClient watcher)
            throws Exception {
        long start = System.nanoTime();
        long sent = 0;
        int batches = seconds * 100;
        for (int b = 0; b < batches; b++) {
            for (int i = 0; i < perSecond / 100; i++) {
                to.send(messages.get((int) (sent++ % messages.size())));
            }
            if (b % 100 == 0) {
                watcher.send(UdpClient.encode("/foldback/subscribe", watcher.port(), 30f));
                watcher.receive(0);
            }
            long wait = start + (b + 1) * 10_000_000L - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        return sent;
    }

    /** CPU time of the thread named {@code name}, ns (0 when there is none). */
    private static long cpuOf(String name, java.lang.management.ThreadMXBean threads) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(name)) {
                return threads.getThreadCpuTime(t.getId());
            }
        }
        return 0;
    }

    private static long[] blockTimes(Rig rig, long ms) throws InterruptedException {
        int b0 = rig.blocks;
        Thread.sleep(ms);
        return lastBlockTimes(rig, rig.blocks - b0);
    }

    private static long[] lastBlockTimes(Rig rig, int n) {
        n = Math.min(n, rig.blockNanos.length);
        int end = rig.blocks;
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = rig.blockNanos[Math.floorMod(end - n + i, rig.blockNanos.length)];
        }
        return t;
    }

    private static double pct(long[] t, double q) {
        if (t.length == 0) {
            return Double.NaN;
        }
        long[] s = t.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.floor(q * (s.length - 1)))];
    }
}
