package org.foldback.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.foldback.engine.param.Params;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The protocol and its security rules, through a raw WebSocket client against a real server and a real instance. */
class RemoteProtocolTest {
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> open = new ArrayList<>();
    private Instances inst;
    private RemoteServer server;

    private RemoteServer serve(Limits limits) throws Exception {
        inst = Instances.create();
        server = RemoteServer.start(0, () -> List.of(inst.recorded), limits, log::add);
        open.add(server);
        return server;
    }

    private WsClient client() throws Exception {
        WsClient c = WsClient.open(server.port());
        open.add(c);
        return c;
    }

    private String pin(int cue) {
        return inst.real.remotePin(cue - 1);
    }

    private int id() {
        return inst.real.id();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void listsInstancesAndLogsInWithThePinOnly() throws Exception {
        serve(Limits.DEFAULT);
        inst.real.renameCue(1, "Bass player");
        inst.real.setSourceName(2, "Bass DI");
        WsClient c = client();
        c.send("{\"type\":\"hello\"}");
        JsonNode list = c.next("instances", 2000);
        assertEquals(id(), list.at("/instances/0/id").asInt());
        assertEquals(inst.real.name(), list.at("/instances/0/name").asText());
        assertEquals(8, list.at("/instances/0/cues").asInt());
        assertFalse(list.toString().contains("Bass player"), "no cue name before the PIN");

        String wrong = pin(2).equals("000000") ? "000001" : "000000";
        JsonNode err = c.login(id(), 2, wrong);
        assertEquals("wrong-pin", err.path("code").asText());
        JsonNode w = c.login(id(), 2, pin(2));
        assertEquals("welcome", w.path("type").asText(), w.toString());
        assertEquals("Bass player", w.at("/cue/name").asText());
        assertEquals("Bass DI", w.at("/sources/2/name").asText());
        assertEquals(16, w.path("sources").size());
        assertTrue(w.at("/sources/0/level").isNumber());
    }

    @Test
    void aSendMoveIsAGestureAndTheOtherPhoneSeesItWithin100ms() throws Exception {
        serve(Limits.DEFAULT);
        WsClient a = client();
        WsClient b = client();
        a.login(id(), 3, pin(3));
        b.login(id(), 3, pin(3));
        int level = Params.cue(2).send(4).level();
        inst.calls.clear();
        a.send("{\"type\":\"edit\",\"pin\":\"" + pin(3) + "\",\"target\":\"send\",\"source\":5,\"field\":\"level\",\"phase\":\"begin\",\"value\":-20}");
        a.send("{\"type\":\"edit\",\"pin\":\"" + pin(3) + "\",\"target\":\"send\",\"source\":5,\"field\":\"level\",\"phase\":\"move\",\"value\":-12.5}");
        long sent = System.nanoTime();
        a.send("{\"type\":\"edit\",\"pin\":\"" + pin(3) + "\",\"target\":\"send\",\"source\":5,\"field\":\"level\",\"phase\":\"end\",\"value\":-6}");
        JsonNode seen;
        do {
            seen = b.next("mix", 1000);
        } while (seen.at("/sources/4/level").asDouble() != -6.0);
        double ms = (System.nanoTime() - sent) / 1e6;
        System.out.printf("remote: the other phone saw the move after %.1f ms%n", ms);
        assertTrue(ms < 100, ms + " ms");
        assertEquals(-6f, inst.db(level), 1e-4);
        List<String> kinds = new ArrayList<>();
        for (Instances.Call call : inst.calls) {
            assertEquals(level, call.param());
            kinds.add(call.what());
        }
        assertEquals(List.of("begin", "perform", "perform", "perform", "end"), kinds);
    }

    @Test
    void aPhoneOnCue2NeitherReadsNorChangesCue3() throws Exception {
        serve(Limits.DEFAULT);
        inst.real.renameCue(2, "SECRET-THREE");
        inst.real.edit(Params.cue(2).send(0).level(), Params.get(Params.cue(2).send(0).level()).normalize(-37.25f));
        WsClient c = client();
        assertEquals("welcome", c.login(id(), 2, pin(2)).path("type").asText());
        String before = inst.fingerprint();
        // Cue 3's PIN on a cue-2 session, cue 2's PIN for cue 3, a "cue" field smuggled into an edit.
        c.send("{\"type\":\"edit\",\"pin\":\"" + pin(3) + "\",\"target\":\"send\",\"source\":1,\"field\":\"level\",\"phase\":\"set\",\"value\":5}");
        assertEquals("wrong-pin", c.next("error", 2000).path("code").asText());
        assertEquals("wrong-pin", c.login(id(), 3, pin(2)).path("code").asText());
        assertEquals(before, inst.fingerprint());
        c.send("{\"type\":\"edit\",\"pin\":\"" + pin(2) + "\",\"cue\":3,\"target\":\"send\",\"source\":1,\"field\":\"level\",\"phase\":\"set\",\"value\":5}");
        c.sync(2000);
        assertEquals(5f, inst.db(Params.cue(1).send(0).level()), 1e-4, "the edit landed on the session's own cue");
        assertEquals(-37.25f, inst.db(Params.cue(2).send(0).level()), 1e-4, "cue 3 untouched");
        inst.real.edit(Params.cue(2).send(1).level(), 0.77f);
        Thread.sleep(300);
        c.send("{\"type\":\"mix\",\"pin\":\"" + pin(2) + "\"}");
        c.next("mix", 2000);
        for (String t : c.texts) {
            assertFalse(t.contains("SECRET-THREE") || t.contains("-37.25"), t);
        }
        assertTrue(c.meterFrames.get() > 0, "meters stream");
    }

    @Test
    void everyMessageNeedsTheCurrentPin() throws Exception {
        serve(Limits.DEFAULT);
        WsClient c = client();
        c.send("{\"type\":\"edit\",\"target\":\"cue\",\"field\":\"level\",\"phase\":\"set\",\"value\":-3}");
        assertEquals("not-logged-in", c.next("error", 2000).path("code").asText());
        c.login(id(), 1, pin(1));
        String before = inst.fingerprint();
        c.send("{\"type\":\"edit\",\"target\":\"cue\",\"field\":\"level\",\"phase\":\"set\",\"value\":-3}");
        assertEquals("wrong-pin", c.next("error", 2000).path("code").asText());
        c.send("{\"type\":\"edit\",\"pin\":123456,\"target\":\"cue\",\"field\":\"level\",\"phase\":\"set\",\"value\":-3}");
        assertEquals("wrong-pin", c.next("error", 2000).path("code").asText());
        assertEquals(before, inst.fingerprint());
    }

    @Test
    void fiveWrongPinsLockTheClientOutForAWhileAndTheLogHasNoPin() throws Exception {
        serve(Limits.DEFAULT.withLockout(1500));
        WsClient c = client();
        List<String> tried = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String wrong = String.format("%06d", (Integer.parseInt(pin(1)) + 1 + i * 7919) % 1_000_000);
            tried.add(wrong);
            c.login(id(), 1, wrong);
        }
        JsonNode locked = c.login(id(), 1, pin(1));
        assertEquals("locked-out", locked.path("code").asText(), "even the right PIN waits");
        // A new connection from the same address is the same client.
        WsClient again = client();
        assertEquals("locked-out", again.login(id(), 1, pin(1)).path("code").asText());
        Thread.sleep(1600);
        assertEquals("welcome", again.login(id(), 1, pin(1)).path("type").asText());
        String all = String.join("\n", log);
        assertTrue(all.contains("locked out") && all.contains("127.0.0.1") && all.contains("cue 1"), all);
        for (String p : tried) {
            assertFalse(all.contains(p), "the log holds a tried PIN");
        }
        for (int cue = 1; cue <= 8; cue++) {
            assertFalse(all.contains(pin(cue)), "the log holds a PIN");
        }
    }

    @Test
    void aNewPinOrARestartEndsTheCuesSessions() throws Exception {
        serve(Limits.DEFAULT);
        WsClient one = client();
        WsClient other = client();
        one.login(id(), 4, pin(4));
        other.login(id(), 5, pin(5));
        String old = pin(4);
        assertNotEquals(old, inst.real.regenerateRemotePin(3));
        assertEquals("ended", one.next("ended", 1000).path("type").asText());
        assertTrue(one.closed(2000), "cue 4's socket closed");
        other.sync(1000);
        assertTrue(other.closeStatus < 0, "cue 5 stays");
        server.close();
        assertTrue(other.closed(3000), "a stopped server ends every session");
    }

    @Test
    void theEngineerSeesThePhonesAndDisconnectsOne() throws Exception {
        serve(Limits.DEFAULT);
        WsClient a = client();
        WsClient b = client();
        a.login(id(), 2, pin(2));
        b.send("{\"type\":\"ping\"}");
        b.next("pong", 2000);
        List<org.foldback.control.RemoteStatus.Phone> phones = server.phones();
        assertTrue(phones.contains(new org.foldback.control.RemoteStatus.Phone("127.0.0.1", id(), 2)), phones.toString());
        assertTrue(phones.contains(new org.foldback.control.RemoteStatus.Phone("127.0.0.1", 0, 0)), phones.toString());
        server.disconnect(new org.foldback.control.RemoteStatus.Phone("127.0.0.1", id(), 2));
        assertEquals("ended", a.next("ended", 2000).path("type").asText());
        assertTrue(a.closed(2000));
        assertTrue(b.closeStatus < 0, "the other phone stays");
    }

    @Test
    void anInstanceTheShimDestroyedIsDropped() throws Exception {
        serve(Limits.DEFAULT);
        WsClient c = client();
        c.login(id(), 1, pin(1));
        // The shim destroys the instance (NativeProcessor.dispose): no surface may reach it again.
        inst.processor.dispose();
        assertTrue(!inst.real.running());
        assertEquals("ended", c.next("ended", 1000).path("type").asText());
        WsClient later = client();
        later.send("{\"type\":\"hello\"}");
        assertEquals(0, later.next("instances", 2000).path("instances").size());
    }

    @Test
    void aForeignOriginIsRefused() throws Exception {
        serve(Limits.DEFAULT);
        assertThrows(Exception.class, () -> WsClient.open(server.port(), "http://evil.example", false));
        assertTrue(String.join("\n", log).contains("foreign Origin"));
        WsClient noOrigin = WsClient.open(server.port(), null, false);
        open.add(noOrigin);
        noOrigin.send("{\"type\":\"ping\"}");
        noOrigin.next("pong", 2000);
    }

    @Test
    void badInputGetsAnErrorAndChangesNothing() throws Exception {
        serve(Limits.DEFAULT);
        WsClient c = client();
        c.login(id(), 2, pin(2));
        String before = inst.fingerprint();
        String p = "\"pin\":\"" + pin(2) + "\"";
        String[][] cases = {
            {"{not json", "malformed"},
            {"[1,2]", "malformed"},
            {"{\"type\":\"edit\"," + p + ",\"target\":\"send\",\"source\":17,\"field\":\"level\",\"phase\":\"set\",\"value\":0}", "out-of-range"},
            {"{\"type\":\"edit\"," + p + ",\"target\":\"send\",\"source\":1,\"field\":\"level\",\"phase\":\"set\",\"value\":10.5}", "out-of-range"},
            {"{\"type\":\"edit\"," + p + ",\"target\":\"send\",\"source\":1,\"field\":\"pan\",\"phase\":\"set\",\"value\":1e309}", "out-of-range"},
            {"{\"type\":\"edit\"," + p + ",\"target\":\"send\",\"source\":1,\"field\":\"gain\",\"phase\":\"set\",\"value\":0}", "bad-field"},
            {"{\"type\":\"edit\"," + p + ",\"target\":\"send\",\"source\":1,\"field\":\"level\",\"phase\":\"move\",\"value\":0}", "gesture"},
            {"{\"type\":\"moreMe\"," + p + ",\"db\":2}", "no-me"},
            {"{\"type\":\"moreMe\"," + p + ",\"db\":99}", "out-of-range"},
            {"{\"type\":\"login\",\"instance\":999,\"cue\":1,\"pin\":\"123456\"}", "unknown-instance"},
            {"{\"type\":\"fly\"," + p + "}", "unknown-type"},
            {"{\"type\":\"edit\",\"type\":\"edit\"}", "malformed"},
        };
        for (String[] k : cases) {
            c.send(k[0]);
            assertEquals(k[1], c.next("error", 2000).path("code").asText(), k[0]);
        }
        assertEquals(before, inst.fingerprint());
        // Too big: the server closes the socket (WebSocket status 1009) and changes nothing.
        c.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(5000) + "\"}");
        assertTrue(c.closed(2000));
        assertEquals(1009, c.closeStatus);
        assertEquals(before, inst.fingerprint());
    }

    @Test
    void aFloodIsToldToSlowDownAndOnly_theBurstIsDone() throws Exception {
        serve(Limits.DEFAULT.withRate(10, 20));
        WsClient c = client();
        for (int i = 0; i < 200; i++) {
            c.send("{\"type\":\"ping\"}");
        }
        Thread.sleep(500);
        long pongs = c.replies.stream().filter(n -> n.path("type").asText().equals("pong")).count();
        long slow = c.replies.stream().filter(n -> n.path("code").asText().equals("rate")).count();
        assertTrue(pongs >= 20 && pongs <= 30, pongs + " pongs");
        assertTrue(slow >= 1, "told to slow down");
    }

    @Test
    void aLockedCueMayLookButNotChange() throws Exception {
        serve(Limits.DEFAULT);
        inst.real.setRemoteLocked(5, true);
        WsClient c = client();
        JsonNode w = c.login(id(), 6, pin(6));
        assertTrue(w.at("/cue/locked").asBoolean());
        String before = inst.fingerprint();
        c.send("{\"type\":\"edit\",\"pin\":\"" + pin(6) + "\",\"target\":\"cue\",\"field\":\"level\",\"phase\":\"set\",\"value\":-3}");
        assertEquals("locked", c.next("error", 2000).path("code").asText());
        assertEquals(before, inst.fingerprint());
    }

    @Test
    void moreMeRaisesTheMarkedSourcesAgainstTheRest() throws Exception {
        serve(Limits.DEFAULT);
        int own = Params.cue(0).send(1).level();
        int band = Params.cue(0).send(0).level();
        inst.real.edit(own, Params.get(own).normalize(-6f));
        WsClient c = client();
        c.login(id(), 1, pin(1));
        c.send("{\"type\":\"me\",\"pin\":\"" + pin(1) + "\",\"source\":2,\"on\":true}");
        c.send("{\"type\":\"moreMe\",\"pin\":\"" + pin(1) + "\",\"db\":4}");
        assertEquals(List.of(), c.sync(2000).stream().filter(n -> n.path("type").asText().equals("error")).toList());
        assertTrue(inst.real.isMe(0, 1), "the mark is in the state");
        assertEquals(-4f, inst.db(own), 1e-4);
        assertEquals(-2f, inst.db(band), 1e-4);
        assertEquals(-90f, inst.db(Params.cue(0).send(2).level()), 1e-4, "an off send stays off");
    }

    @Test
    void atMost32Phones() throws Exception {
        serve(Limits.DEFAULT);
        for (int i = 0; i < 32; i++) {
            client().send("{\"type\":\"ping\"}");
        }
        Thread.sleep(200);
        assertEquals(32, server.clients());
        assertThrows(Exception.class, () -> WsClient.open(server.port()));
    }

    @Test
    void aTakenPortIsReportedWithAFreeOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            PortInUseException e = assertThrows(PortInUseException.class,
                    () -> RemoteServer.start(taken.getLocalPort(), List::of, Limits.DEFAULT, log::add));
            assertTrue(e.freePort() > taken.getLocalPort(), e.getMessage());
            assertTrue(e.getMessage().contains("in use"), e.getMessage());
        }
    }
}
