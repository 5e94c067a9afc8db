package org.foldback.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** A raw WebSocket client (the JDK's java.net.http): what a phone's browser does, without the page. */
final class WsClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final LinkedBlockingQueue<JsonNode> replies = new LinkedBlockingQueue<>();
    final CopyOnWriteArrayList<String> texts = new CopyOnWriteArrayList<>();
    final AtomicInteger meterFrames = new AtomicInteger();
    /** Dose frames (once a second), apart from the replies so a test's reply order stays as it was. */
    final LinkedBlockingQueue<JsonNode> doses = new LinkedBlockingQueue<>();
    final AtomicInteger doseFrames = new AtomicInteger();
    final AtomicLong lastMeterNanos = new AtomicLong();
    final AtomicInteger mixes = new AtomicInteger();
    final AtomicInteger pongs = new AtomicInteger();
    final AtomicInteger errors = new AtomicInteger();
    /** When set, replies are only counted, not kept (a load test must not grow its own heap). */
    volatile boolean countOnly;
    volatile int closeStatus = -1;
    private final WebSocket socket;
    private final StringBuilder partial = new StringBuilder();
    private final boolean keepTexts;

    private WsClient(int port, String origin, boolean keepTexts) throws Exception {
        this.keepTexts = keepTexts;
        WebSocket.Builder b = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (origin != null) {
            b.header("Origin", origin);
        }
        socket = b.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    received(partial.toString());
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                closeStatus = status;
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
    }

    static WsClient open(int port) throws Exception {
        return new WsClient(port, "http://127.0.0.1:" + port, true);
    }

    static WsClient open(int port, String origin, boolean keepTexts) throws Exception {
        return new WsClient(port, origin, keepTexts);
    }

    private void received(String text) {
        if (keepTexts) {
            texts.add(text);
        }
        try {
            JsonNode n = JSON.readTree(text);
            if ("meters".equals(n.path("type").asText())) {
                meterFrames.incrementAndGet();
                lastMeterNanos.set(System.nanoTime());
                return;
            }
            if ("dose".equals(n.path("type").asText())) {
                doseFrames.incrementAndGet();
                if (!countOnly) {
                    doses.add(n);
                }
                return;
            }
            if (countOnly) {
                switch (n.path("type").asText()) {
                    case "mix" -> mixes.incrementAndGet();
                    case "pong" -> pongs.incrementAndGet();
                    case "error" -> errors.incrementAndGet();
                    default -> { }
                }
                return;
            }
            replies.add(n);
        } catch (Exception e) {
            replies.add(JSON.createObjectNode().put("type", "unparsable").put("text", text));
        }
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    /** The next reply (meters skipped) of this type, skipping others; fails after the timeout. */
    JsonNode next(String type, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (true) {
            long left = end - System.nanoTime();
            JsonNode n = left > 0 ? replies.poll(left, TimeUnit.NANOSECONDS) : null;
            if (n == null) {
                throw new AssertionError("no '" + type + "' within " + millis + " ms");
            }
            if (type.equals(n.path("type").asText())) {
                return n;
            }
        }
    }

    /** The next dose frame; fails after the timeout. */
    JsonNode nextDose(long millis) throws InterruptedException {
        JsonNode n = doses.poll(millis, TimeUnit.MILLISECONDS);
        if (n == null) {
            throw new AssertionError("no dose frame within " + millis + " ms");
        }
        return n;
    }

    JsonNode login(int instance, int cue, String pin) throws InterruptedException {
        send("{\"type\":\"login\",\"instance\":" + instance + ",\"cue\":" + cue + ",\"pin\":\"" + pin + "\"}");
        while (true) {
            JsonNode n = any(3000);
            String t = n.path("type").asText();
            if (t.equals("welcome") || t.equals("error")) {
                return n;
            }
        }
    }

    /** The next reply of any type. */
    JsonNode any(long millis) throws InterruptedException {
        JsonNode n = replies.poll(millis, TimeUnit.MILLISECONDS);
        if (n == null) {
            throw new AssertionError("no reply within " + millis + " ms");
        }
        return n;
    }

    /** Sends a ping and returns every reply that came before the pong (the earlier messages' replies). */
    java.util.List<JsonNode> sync(long millis) throws InterruptedException {
        send("{\"type\":\"ping\"}");
        java.util.List<JsonNode> before = new java.util.ArrayList<>();
        while (true) {
            JsonNode n = any(millis);
            if ("pong".equals(n.path("type").asText())) {
                return before;
            }
            before.add(n);
        }
    }

    boolean closed(long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (closeStatus < 0 && System.currentTimeMillis() < end) {
            Thread.sleep(10);
        }
        return closeStatus >= 0 || socket.isInputClosed();
    }

    @Override
    public void close() {
        socket.abort();
    }
}
