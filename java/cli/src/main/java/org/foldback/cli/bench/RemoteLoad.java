package org.foldback.cli.bench;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.foldback.engine.Layout;

/**
 * What the web remote costs the audio thread: the full configuration through the VST3 in
 * {@code foldback-host bench --mode realtime} (64 frames at 48 kHz, the host's audio thread at
 * real-time priority where the system allows it, its message loop running as a DAW's does),
 * restored from a session with the remote on, timed with no phone connected and then with 32
 * phones (4 per cue) each dragging a send (about 16 edits a second, every one a host gesture) and
 * taking meter frames. The phones run in this JVM, another process, as phones on a network would
 * be, but on the same two cores. Idle and busy runs alternate so both see the same machine load.
 */
final class RemoteLoad {
    /** One host run: its block time p99.9 and median, and whether its audio thread got real-time priority. */
    record Run(double p999Micros, double medianMicros, boolean realtimePriority) {}

    record Result(List<Run> idle, List<Run> busy, long edits, long meterFrames) {
        double idleP999() {
            return median(idle.stream().mapToDouble(Run::p999Micros).toArray());
        }

        double busyP999() {
            return median(busy.stream().mapToDouble(Run::p999Micros).toArray());
        }

        double ratio() {
            return busyP999() / idleP999();
        }
    }

    static final int PHONES = 32;

    /** Runs the host once: the bench's own way of starting it, with this state file and these options. */
    interface Host {
        java.util.Map<String, String> run(String name, java.nio.file.Path state, String... options) throws Exception;
    }

    private RemoteLoad() {}

    static Result measure(Host host, java.nio.file.Path work, byte[] benchState, double seconds, int pairs)
            throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String[] pins = new String[Layout.MAX_CUES];
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode state =
                (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(benchState);
        com.fasterxml.jackson.databind.node.ObjectNode remote = state.putObject("web_remote");
        remote.put("enabled", true).put("port", port);
        com.fasterxml.jackson.databind.node.ArrayNode cues = remote.putArray("cues");
        for (int c = 0; c < pins.length; c++) {
            pins[c] = String.format(java.util.Locale.ROOT, "%06d", 100_000 + 111_111 * c % 900_000);
            cues.addObject().put("pin", pins[c]).put("locked", false);
        }
        java.nio.file.Path file = work.resolve("remote-state.json");
        java.nio.file.Files.write(file, json.writeValueAsBytes(state));

        List<Run> idle = new ArrayList<>();
        List<Run> busy = new ArrayList<>();
        long edits = 0;
        String warmup = "5"; // the plugin's JVM, the JIT, and the phones' logins settle first
        for (int p = 0; p < pairs; p++) {
            idle.add(run(host.run("remote-idle-" + p, file, "--mode", "realtime", "--seconds", String.valueOf(seconds),
                    "--warmup-seconds", warmup)));
            List<Phone> phones = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread connect = new Thread(() -> {
                try {
                    waitForServer(port);
                    for (int i = 0; i < PHONES; i++) {
                        int cue = i % Layout.MAX_CUES;
                        phones.add(new Phone(port, cue + 1, pins[cue], i / Layout.MAX_CUES + 1));
                    }
                } catch (Exception e) {
                    // counted below: fewer phones than asked for fails the figure
                }
            }, "bench-phones");
            connect.start();
            busy.add(run(host.run("remote-busy-" + p, file, "--mode", "realtime", "--seconds", String.valueOf(seconds),
                    "--warmup-seconds", warmup)));
            connect.join(10_000);
            for (Phone ph : phones) {
                edits += ph.close();
            }
            if (phones.size() < PHONES) {
                throw new BenchException("only " + phones.size() + " of " + PHONES + " phones got in");
            }
        }
        return new Result(idle, busy, edits, Phone.METERS.get());
    }

    private static Run run(java.util.Map<String, String> r) {
        return new Run(KeyValueProcess.number(r, "block_p999_us"), KeyValueProcess.number(r, "block_median_us"),
                "true".equals(r.get("realtime_priority")));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static void waitForServer(int port) throws Exception {
        long until = System.nanoTime() + 60_000_000_000L; // the host starts a JVM first
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

        Phone(int port, int cue, String pin, int source) throws Exception {
            java.util.concurrent.BlockingQueue<String> instances = new java.util.concurrent.LinkedBlockingQueue<>();
            StringBuilder partial = new StringBuilder();
            socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                    .header("Origin", "http://127.0.0.1:" + port)
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                            partial.append(data);
                            if (last) {
                                String text = partial.toString();
                                partial.setLength(0);
                                if (text.startsWith("{\"type\":\"meters\"")) {
                                    METERS.incrementAndGet();
                                } else if (text.startsWith("{\"type\":\"instances\"")) {
                                    instances.add(text);
                                }
                            }
                            ws.request(1);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
            // The host's instance id is the process's own count: ask, as the page does.
            // Until the host has prepared the instance the list is empty: ask again.
            java.util.regex.Pattern idPattern = java.util.regex.Pattern.compile("\"id\":(\\d+)");
            java.util.regex.Matcher id = null;
            for (int attempt = 0; attempt < 100 && (id == null || !id.find(0)); attempt++) {
                socket.sendText("{\"type\":\"hello\"}", true).join();
                String listed = instances.poll(2, TimeUnit.SECONDS);
                id = idPattern.matcher(listed == null ? "" : listed);
                if (!id.find(0)) {
                    Thread.sleep(200);
                }
            }
            if (id == null || !id.find(0)) {
                throw new BenchException("the remote lists no instance");
            }
            socket.sendText("{\"type\":\"login\",\"instance\":" + id.group(1) + ",\"cue\":" + cue + ",\"pin\":\"" + pin + "\"}",
                    true).join();
            String prefix = "{\"type\":\"edit\",\"pin\":\"" + pin + "\",\"target\":\"send\",\"source\":" + source
                    + ",\"field\":\"level\",\"phase\":\"";
            mover = new Thread(() -> {
                int step = 0;
                while (running) {
                    String phase = step % 20 == 0 ? "begin" : step % 20 == 19 ? "end" : "move";
                    double db = -30 + 20 * Math.abs(Math.sin(step * 0.1));
                    try {
                        socket.sendText(prefix + phase + "\",\"value\":" + Math.round(db * 10) / 10.0 + "}", true).join();
                    } catch (java.util.concurrent.CompletionException e) {
                        break; // the host ended the run first and closed the connection: this phone stops
                    }
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
