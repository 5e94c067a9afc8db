package org.foldback.cli.bench;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.foldback.bridge.NativeProcessor;
import org.foldback.control.Controller;
import org.foldback.control.Controllers;
import org.foldback.engine.Layout;

/**
 * What the web remote costs the audio thread: one instance's blocks (NativeProcessor.process, as
 * the shim calls it, 64 frames at 48 kHz, paced in real time on a thread of its own) timed while
 * the process's remote server runs with no phone, then with 32 phones (4 per cue) each dragging a
 * send (about 16 edits a second) and taking meter frames (30 a second). Idle and busy periods
 * alternate so both see the same machine load. The phones are JDK WebSocket clients in this same
 * JVM, so their own work competes with the audio thread too: the figure is an upper bound of
 * what phones on a network would cost.
 */
final class RemoteLoad {
    record Result(double idleP999Micros, double busyP999Micros, double idleMedianMicros, double busyMedianMicros,
            long edits, long meterFrames) {
        double ratio() {
            return busyP999Micros / idleP999Micros;
        }
    }

    static final int PHONES = 32;
    private static final int BLOCK = 64;
    private static final double RATE = 48000;

    private RemoteLoad() {}

    static Result measure(double secondsPerPeriod, int periods) throws Exception {
        NativeProcessor np = new NativeProcessor(0L, "");
        BenchConfig.FULL.apply(np.params());
        np.prepare(RATE, BLOCK, BenchConfig.FULL.sources, BenchConfig.FULL.cues);
        FloatBuffer in = np.inputBuffer().order(ByteOrder.nativeOrder()).asFloatBuffer();
        float[][] noise = EngineTiming.noise(Layout.MAX_INPUT_CHANNELS, BLOCK);
        for (int ch = 0; ch < Layout.MAX_INPUT_CHANNELS; ch++) {
            in.put(ch * BLOCK, noise[ch], 0, BLOCK);
        }
        Controller c = np.controller();
        Controllers.register(c); // as a plugin instance is: the process's remote serves it
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        c.setRemote(true, port);
        List<Phone> phones = new ArrayList<>();
        try {
            waitForServer(port);
            int perPeriod = (int) (secondsPerPeriod * RATE / BLOCK);
            long[] idle = new long[perPeriod * periods];
            long[] busy = new long[perPeriod * periods];
            play(np, (int) (RATE / BLOCK * 3), null, 0); // warm-up: C2 compiles the block path
            for (int p = 0; p < periods; p++) {
                play(np, perPeriod, idle, p * perPeriod);
                for (int i = 0; i < PHONES; i++) {
                    int cue = i % Layout.MAX_CUES;
                    phones.add(new Phone(port, c.id(), cue + 1, c.remotePin(cue), i % 4 + 1));
                }
                Thread.sleep(500); // logged in and streaming before the timing starts
                play(np, perPeriod, busy, p * perPeriod);
                long edits = 0;
                for (Phone ph : phones) {
                    edits += ph.close();
                }
                totalEdits += edits;
                phones.clear();
                Thread.sleep(300);
            }
            Arrays.sort(idle);
            Arrays.sort(busy);
            return new Result(p999(idle) / 1e3, p999(busy) / 1e3, idle[idle.length / 2] / 1e3, busy[busy.length / 2] / 1e3,
                    totalEdits, Phone.METERS.get());
        } finally {
            for (Phone ph : phones) {
                ph.close();
            }
            c.setRemote(false, port);
            Controllers.unregister(c);
        }
    }

    private static long totalEdits;

    private static long p999(long[] sorted) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.999) - 1)];
    }

    /** Plays {@code blocks} blocks at the real-time rate (one every 1.33 ms), timing each process call into {@code into}. */
    private static void play(NativeProcessor np, int blocks, long[] into, int at) {
        long period = (long) (1e9 * BLOCK / RATE);
        long next = System.nanoTime();
        for (int b = 0; b < blocks; b++) {
            long t0 = System.nanoTime();
            np.process(BLOCK, 0);
            long t1 = System.nanoTime();
            if (into != null) {
                into[at + b] = t1 - t0;
            }
            next += period;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                next = System.nanoTime(); // late: no burst to catch up, as a host's callback would not
            }
        }
    }

    private static void waitForServer(int port) throws Exception {
        long until = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (java.io.IOException notYet) {
                if (System.nanoTime() > until) {
                    throw new BenchException("the remote did not start on port " + port);
                }
                Thread.sleep(50);
            }
        }
    }

    /** A busy phone: logged in to its cue, dragging one send up and down, about 16 edits a second. */
    private static final class Phone {
        static final AtomicLong METERS = new AtomicLong();
        private final WebSocket socket;
        private final Thread mover;
        private volatile boolean running = true;
        private long edits;

        Phone(int port, int instance, int cue, String pin, int source) throws Exception {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                    .header("Origin", "http://127.0.0.1:" + port)
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                            if (last && data.length() > 14 && data.toString().startsWith("{\"type\":\"meters\"")) {
                                METERS.incrementAndGet();
                            }
                            ws.request(1);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
            socket.sendText("{\"type\":\"login\",\"instance\":" + instance + ",\"cue\":" + cue + ",\"pin\":\"" + pin + "\"}",
                    true).join();
            String prefix = "{\"type\":\"edit\",\"pin\":\"" + pin + "\",\"target\":\"send\",\"source\":" + source
                    + ",\"field\":\"level\",\"phase\":\"";
            mover = new Thread(() -> {
                int step = 0;
                while (running) {
                    String phase = step % 20 == 0 ? "begin" : step % 20 == 19 ? "end" : "move";
                    double db = -30 + 20 * Math.abs(Math.sin(step * 0.1));
                    socket.sendText(prefix + phase + "\",\"value\":" + Math.round(db * 10) / 10.0 + "}", true).join();
                    edits++;
                    step++;
                    LockSupport.parkNanos(62_000_000L);
                }
            }, "bench-phone");
            mover.setDaemon(true);
            mover.start();
        }

        long close() throws InterruptedException {
            running = false;
            mover.join(2000);
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            return edits;
        }
    }
}
