package org.foldback.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * 32 phones on loopback for a bounded time (20 s; FOLDBACK_REMOTE_LOAD_SECONDS to change), four
 * on each of the eight cues, each dragging its own send at 20 moves a second while audio plays
 * through the instance: every phone keeps getting at least 20 meter frames a second and answers at
 * the end, the heap after GC stays flat, and the audio thread allocates nothing. Figures printed.
 */
class LoadTest {
    @Test
    void thirtyTwoBusyPhones() throws Exception {
        int seconds = Integer.parseInt(System.getenv().getOrDefault("FOLDBACK_REMOTE_LOAD_SECONDS", "20"));
        Instances inst = Instances.create();
        Thread audio = inst.play(16, 8);
        List<WsClient> phones = new ArrayList<>();
        try (RemoteServer server = RemoteServer.start(0, () -> List.of(inst.recorded), Limits.DEFAULT, l -> {})) {
            for (int i = 0; i < 32; i++) {
                WsClient c = WsClient.open(server.port(), "http://127.0.0.1:" + server.port(), false);
                phones.add(c);
                int cue = i % 8 + 1;
                assertEquals("welcome", c.login(inst.real.id(), cue, inst.real.remotePin(cue - 1)).path("type").asText());
                c.countOnly = true;
            }
            MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long warmUp = Math.min(5, seconds / 4);
            long heapStart = 0;
            long audioStart = 0;
            int[] framesAtStart = new int[32];
            long t0 = System.nanoTime();
            long moves = 0;
            boolean measuring = false;
            for (int tick = 0; ; tick++) {
                double elapsed = (System.nanoTime() - t0) / 1e9;
                if (!measuring && elapsed >= warmUp) {
                    measuring = true;
                    heapStart = usedAfterGc(mem);
                    audioStart = inst.audioPathBytes.get();
                    for (int i = 0; i < 32; i++) {
                        framesAtStart[i] = phones.get(i).meterFrames.get();
                    }
                    t0 = System.nanoTime();
                    elapsed = 0;
                }
                if (measuring && elapsed >= seconds - warmUp) {
                    break;
                }
                // Every phone moves its own send: a gesture of 10 moves every half second.
                int phase = tick % 10;
                for (int i = 0; i < 32; i++) {
                    int cue = i % 8 + 1;
                    int source = i / 8 + 1;
                    double db = -30 + 20 * Math.sin((tick + i) / 7.0);
                    String kind = phase == 0 ? "begin" : phase == 9 ? "end" : "move";
                    phones.get(i).send(String.format(Locale.ROOT,
                            "{\"type\":\"edit\",\"pin\":\"%s\",\"target\":\"send\",\"source\":%d,\"field\":\"level\",\"phase\":\"%s\",\"value\":%.2f}",
                            inst.real.remotePin(cue - 1), source, kind, db));
                    moves++;
                }
                Thread.sleep(50);
            }
            double measured = (System.nanoTime() - t0) / 1e9;
            // Inside process() only, from the first block the audio thread played (warm-up included).
            long audioEnd = inst.audioPathBytes.get();
            long audioBytes = audioEnd - audioStart;
            long heapEnd = usedAfterGc(mem);
            int minFrames = Integer.MAX_VALUE;
            int errors = 0;
            for (int i = 0; i < 32; i++) {
                minFrames = Math.min(minFrames, phones.get(i).meterFrames.get() - framesAtStart[i]);
                errors += phones.get(i).errors.get();
            }
            for (WsClient c : phones) {
                int before = c.pongs.get();
                c.send("{\"type\":\"ping\"}");
                long until = System.currentTimeMillis() + 2000;
                while (c.pongs.get() == before && System.currentTimeMillis() < until) {
                    Thread.sleep(5);
                }
                assertTrue(c.pongs.get() > before, "a phone was not answered");
            }
            System.out.printf(Locale.ROOT, "remote load: 32 phones, %.1f s measured (after %d s warm-up), %d edits sent;"
                    + " slowest phone %.1f meter frames/s; heap after GC %.1f MB -> %.1f MB (%+.2f MB);"
                    + " audio path allocated %d bytes (%d since the first block); %d error replies; %d clients open%n",
                    measured, warmUp, moves, minFrames / measured, heapStart / 1e6, heapEnd / 1e6,
                    (heapEnd - heapStart) / 1e6, audioBytes, audioEnd, errors, server.clients());
            assertEquals(32, server.clients());
            assertEquals(0, errors, "every edit accepted");
            assertTrue(minFrames / measured >= 20, "meters at 20 frames/s or more to every phone");
            assertTrue(heapEnd - heapStart < 16_000_000, "heap grew " + (heapEnd - heapStart) + " bytes");
            assertEquals(0, audioEnd, "the audio path allocated while 32 phones were busy (any block since playing began)");
        } finally {
            audio.interrupt();
            for (WsClient c : phones) {
                c.close();
            }
        }
    }

    private static long usedAfterGc(MemoryMXBean mem) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return mem.getHeapMemoryUsage().getUsed();
    }
}
