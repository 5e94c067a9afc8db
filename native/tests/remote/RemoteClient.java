// A performer's phone without the page: a raw WebSocket client (the JDK's java.net.http) that the
// real-host tests run as a single-file program with the plugin's jar on the class path (Jackson
// for JSON):
//
//   java -cp foldback.jar RemoteClient.java PORT CUE PIN SOURCE DB [WAIT_SECONDS [HOLD_SECONDS]]
//
// It waits for the plugin's server, lists the instances (prints instance=ID name=NAME), logs in
// to cue CUE with PIN, moves source SOURCE's send from where it is to DB dB as one gesture
// (begin, three moves, end), waits until the server's "mix" shows the new level, and prints
// key=value lines: send_before, send_after; then stays connected HOLD_SECONDS (default 0: a phone
// in the engineer's list for a screenshot). Exit 0 on success, 1 with the reason otherwise.
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

public class RemoteClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BlockingQueue<JsonNode> replies = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    private RemoteClient(int port) throws Exception {
        StringBuilder partial = new StringBuilder();
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(3))
                .header("Origin", "http://127.0.0.1:" + port) // the page's own origin, as a browser sends it
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            try {
                                JsonNode n = JSON.readTree(partial.toString());
                                if (!"meters".equals(n.path("type").asText())) {
                                    replies.add(n);
                                }
                            } catch (Exception e) {
                                replies.add(JSON.createObjectNode().put("type", "unparsable"));
                            }
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(5, TimeUnit.SECONDS);
    }

    private void send(String text) {
        socket.sendText(text, true).join();
    }

    private JsonNode next(String type, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        for (long left; (left = end - System.nanoTime()) > 0; ) {
            JsonNode n = replies.poll(left, TimeUnit.NANOSECONDS);
            if (n != null && type.equals(n.path("type").asText())) {
                return n;
            }
            if (n != null && "error".equals(n.path("type").asText())) {
                throw new IllegalStateException("the server answered " + n);
            }
        }
        throw new IllegalStateException("no '" + type + "' within " + millis + " ms");
    }

    private static double sendLevel(JsonNode sources, int source) {
        for (JsonNode s : sources) {
            if (s.path("n").asInt() == source) {
                return s.path("level").asDouble();
            }
        }
        throw new IllegalStateException("no source " + source + " in " + sources);
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int cue = Integer.parseInt(args[1]);
        String pin = args[2];
        int source = Integer.parseInt(args[3]);
        double db = Double.parseDouble(args[4]);
        long wait = args.length > 5 ? Long.parseLong(args[5]) : 60;
        long hold = args.length > 6 ? Long.parseLong(args[6]) : 0;
        try {
            RemoteClient c = null;
            long until = System.nanoTime() + wait * 1_000_000_000L;
            while (c == null) { // the server starts when the host restores the session: keep knocking
                try {
                    c = new RemoteClient(port);
                } catch (Exception notYet) {
                    if (System.nanoTime() > until) {
                        throw new IllegalStateException("no server on port " + port + " after " + wait + " s");
                    }
                    Thread.sleep(200);
                }
            }
            System.out.println("connected_at=" + java.time.Instant.now()); // beside the plugin log's times
            c.send("{\"type\":\"hello\"}");
            JsonNode instances = c.next("instances", 5000).path("instances");
            if (instances.size() != 1) {
                throw new IllegalStateException("expected one instance, got " + instances);
            }
            int id = instances.get(0).path("id").asInt();
            System.out.println("instance=" + id + " name=" + instances.get(0).path("name").asText());

            c.send(JSON.writeValueAsString(JSON.createObjectNode().put("type", "login").put("instance", id)
                    .put("cue", cue).put("pin", pin)));
            JsonNode welcome = c.next("welcome", 5000);
            double before = sendLevel(welcome.path("sources"), source);
            System.out.println("send_before=" + before);

            String[] phases = {"begin", "move", "move", "move", "end"};
            for (int i = 0; i < phases.length; i++) {
                double v = before + (db - before) * Math.min(1.0, i / 3.0);
                c.send(JSON.writeValueAsString(JSON.createObjectNode().put("type", "edit").put("pin", pin)
                        .put("target", "send").put("source", source).put("field", "level")
                        .put("phase", phases[i]).put("value", v)));
                Thread.sleep(40);
            }
            double after = Double.NaN;
            long mixUntil = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < mixUntil && !(Math.abs(after - db) < 0.05)) {
                c.send("{\"type\":\"mix\",\"pin\":\"" + pin + "\"}");
                after = sendLevel(c.next("mix", 2000).path("sources"), source);
            }
            System.out.println("send_after=" + after);
            System.out.println("moved_at=" + java.time.Instant.now());
            if (!(Math.abs(after - db) < 0.05)) {
                throw new IllegalStateException("the send is at " + after + " dB, not " + db);
            }
            System.out.flush();
            Thread.sleep(hold * 1000);
            c.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        } catch (Exception e) {
            System.out.println("error=" + e.getMessage());
            System.exit(1);
        }
    }
}
