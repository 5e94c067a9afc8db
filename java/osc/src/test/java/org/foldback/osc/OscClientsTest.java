package org.foldback.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.foldback.engine.param.Params;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Debian's liblo-tools against the server and a real instance, on loopback: oscsend sets values
 * (checked in the instance and in the gestures the controller received), oscdump receives the
 * feedback of a subscription, the query's answer and Ardour's /cue feedback.
 */
class OscClientsTest {
    private Rig rig;
    private OscServer server;
    private Thread audio;
    private int id;

    @BeforeEach
    void start() throws Exception {
        rig = new Rig();
        audio = rig.play();
        server = OscServer.start(0, List.of("127.0.0.0/8", "::1"), () -> List.of(rig.seen), l -> {});
        id = rig.real.id();
    }

    @AfterEach
    void stop() {
        server.close();
        audio.interrupt();
    }

    /** Waits until the instance's value of {@code param} is {@code plain} (the server runs on its own thread). */
    private void awaitPlain(String param, float plain) throws InterruptedException {
        long until = System.currentTimeMillis() + 3000;
        while (Math.abs(rig.plain(param) - plain) > 1e-4f && System.currentTimeMillis() < until) {
            Thread.sleep(10);
        }
        assertEquals(plain, rig.plain(param), 1e-4f, param);
    }

    private void awaitGesture(String id) throws InterruptedException {
        long until = System.currentTimeMillis() + 3000;
        while (!rig.gestures.contains("end " + id) && System.currentTimeMillis() < until) {
            Thread.sleep(10);
        }
        List<String> mine = rig.gestures.stream().filter(g -> g.endsWith(" " + id) || g.contains(" " + id + " ")).toList();
        assertTrue(mine.size() >= 3, "a gesture on " + id + ": " + mine);
        assertEquals("begin " + id, mine.get(0));
        assertTrue(mine.get(1).startsWith("perform " + id + " "), mine.toString());
        assertEquals("end " + id, mine.get(mine.size() - 1));
    }

    @Test
    void shortcutsAndParametersSetTheInstanceThroughGestures() throws Exception {
        int port = server.port();
        Liblo.send(port, "/foldback/" + id + "/cue/2/send/3/level", "f", -6.5f);
        awaitPlain("cue2.src3.level", -6.5f);
        awaitGesture("cue2.src3.level");

        Liblo.send(port, "/foldback/" + id + "/cue/2/send/3/pan", "f", -0.4f);
        awaitPlain("cue2.src3.pan", -0.4f);
        Liblo.send(port, "/foldback/" + id + "/cue/2/send/3/mute", "i", 1);
        awaitPlain("cue2.src3.mute", 1f);
        Liblo.send(port, "/foldback/" + id + "/cue/2/dim", "T");
        awaitPlain("cue2.dim", 1f);
        Liblo.send(port, "/foldback/" + id + "/cue/2/mono", "f", 1f);
        awaitPlain("cue2.mono", 1f);
        Liblo.send(port, "/foldback/" + id + "/cue/2/mute", "f", 1f);
        awaitPlain("cue2.mute", 1f);
        // Plain units out of range are clamped, as a host clamps: +25 dB is +10 dB.
        Liblo.send(port, "/foldback/" + id + "/cue/2/level", "f", 25f);
        awaitPlain("cue2.level", 10f);

        // By ID: normalized 0..1 (clamped), or the text a host shows.
        Liblo.send(port, "/foldback/" + id + "/param/cue3.level", "f", 0.5f);
        awaitPlain("cue3.level", -40f);
        Liblo.send(port, "/foldback/" + id + "/param/cue3.src1.pan", "s", "L30");
        awaitPlain("cue3.src1.pan", -0.3f);
        Liblo.send(port, "/foldback/" + id + "/param/cue3.mono", "s", "Side");
        awaitPlain("cue3.mono", 4f);
        Liblo.send(port, "/foldback/" + id + "/param/cue3.limiter.ceiling", "f", -3f);
        awaitPlain("cue3.limiter.ceiling", -20f);

        // By name, and talkback.
        rig.real.setName("Drum booth");
        Liblo.send(port, "/foldback/Drum_booth/talkback", "i", 1);
        awaitPlain("talkback.on", 1f);

        // Refused, and nothing changes: text out of range, an unknown ID, a cue the host did not enable, a locked cue.
        String before = rig.fingerprint();
        long refused = server.refused();
        Liblo.send(port, "/foldback/" + id + "/param/cue3.level", "s", "+40 dB");
        Liblo.send(port, "/foldback/" + id + "/param/cue9.level", "f", 0.3f);
        Liblo.send(port, "/foldback/" + id + "/cue/9/level", "f", 0f);
        Liblo.send(port, "/foldback/" + id + "/cue/1/level", "s", "loud");
        Liblo.send(port, "/foldback/7777/cue/1/level", "f", 0f);
        rig.real.setRemoteLocked(4, true);
        before = rig.fingerprint();
        Liblo.send(port, "/foldback/" + id + "/cue/5/level", "f", -20f);
        Liblo.send(port, "/cue/aux", "i", 5);
        Liblo.send(port, "/cue/fader", "f", 0.1f);
        long until = System.currentTimeMillis() + 3000;
        while (server.refused() < refused + 7 && System.currentTimeMillis() < until) {
            Thread.sleep(10);
        }
        assertEquals(refused + 7, server.refused(), "each bad message refused");
        assertEquals(before, rig.fingerprint(), "a refused message changed something");
        System.out.printf("osc via oscsend: %d messages handled, %d refused; %d gesture calls%n",
                server.handled(), server.refused(), rig.gestures.size());
    }

    @Test
    void touchHoldsOneGestureOverManyMoves() throws Exception {
        int port = server.port();
        String at = "/foldback/" + id + "/cue/1/send/2/level";
        Liblo.send(port, at + "/z", "i", 1);
        for (int i = 0; i < 5; i++) {
            Liblo.send(port, at, "f", -30f + 5 * i);
        }
        Thread.sleep(600);
        assertTrue(!rig.gestures.contains("end cue1.src2.level"), "held by touch beyond the idle time");
        Liblo.send(port, at + "/z", "i", 0);
        awaitGesture("cue1.src2.level");
        assertEquals(1, rig.gestures.stream().filter(g -> g.equals("begin cue1.src2.level")).count());
        assertEquals(5, rig.gestures.stream().filter(g -> g.startsWith("perform cue1.src2.level")).count());
        assertEquals(-10f, rig.plain("cue1.src2.level"), 1e-4f);
    }

    @Test
    void subscriberGetsParameterAndMeterFeedbackAndQueryAnswers() throws Exception {
        try (Liblo.Dump dump = new Liblo.Dump()) {
            rig.real.setSourceName(2, "Bass DI");
            rig.real.renameCue(1, "Bass");
            Liblo.send(server.port(), "/foldback/query", "i", dump.port);
            dump.expect("/foldback/query/done", 3000);
            dump.expect("/foldback/instance isii " + id + " \"" + rig.real.name() + "\" 8 16", 10);
            dump.expect("/foldback/cue iisi " + id + " 2 \"Bass\" 0", 10);
            dump.expect("/foldback/source iis " + id + " 3 \"Bass DI\"", 10);

            Liblo.send(server.port(), "/foldback/subscribe", "if", dump.port, 20f);
            dump.expect("/foldback/subscribed", 3000);
            // The first update is the whole state.
            dump.expect("/foldback/" + id + "/param/cue8.src16.mute fs", 3000);
            // A change from another surface (here the controller directly) arrives at both addresses.
            int p = Params.cue(0).send(1).level();
            rig.real.edit(p, Params.get(p).normalize(-12f));
            String line = dump.await("/foldback/" + id + "/param/cue1.src2.level fs 0.78", 3000);
            assertNotNull(line, "parameter feedback");
            assertTrue(line.contains("\"-12.0 dB\""), line);
            dump.expect("/foldback/" + id + "/cue/1/send/2/level f -12", 1000);
            // Meters at the rate asked for.
            long m0 = dump.count("/foldback/" + id + "/cue/1/meter ");
            Thread.sleep(2000);
            long m1 = dump.count("/foldback/" + id + "/cue/1/meter ");
            double rate = (m1 - m0) / 2.0;
            String meter = dump.await("/foldback/" + id + "/cue/1/meter ffi", 10);
            System.out.printf("osc feedback: cue 1 meter %.1f updates/s (asked 20); e.g. %s%n", rate, meter);
            assertTrue(rate >= 15 && rate <= 25, "meter rate " + rate);
            assertTrue(Float.parseFloat(meter.split(" ")[3]) > -60f, "the meter shows the playing sine: " + meter);
            assertEquals(1, server.subscribers());
        }
    }

    @Test
    void subscriptionsExpireUnlessRenewed() throws Exception {
        try (Liblo.Dump dump = new Liblo.Dump()) {
            Liblo.send(server.port(), "/foldback/subscribe", "if", dump.port, 5f);
            dump.expect("/foldback/subscribed", 3000);
            assertEquals(1, server.subscribers());
            Liblo.send(server.port(), "/foldback/unsubscribe", "i", dump.port);
            long until = System.currentTimeMillis() + 2000;
            while (server.subscribers() > 0 && System.currentTimeMillis() < until) {
                Thread.sleep(10);
            }
            assertEquals(0, server.subscribers());
            Liblo.send(server.port(), "/foldback/subscribe", "if", dump.port, 5f);
            dump.expect("/foldback/subscribed", 3000);
            Thread.sleep((long) (Subscriptions.TTL_NANOS / 1e6) + 500);
            assertEquals(0, server.subscribers(), "expired without renewal");
        }
    }

    @Test
    void ardourCueLayoutMixesACue() throws Exception {
        try (Liblo.Dump dump = new Liblo.Dump()) {
            rig.real.renameCue(2, "Keys");
            rig.real.setSourceName(0, "Click");
            int port = server.port();
            // Ardour's surfaces get feedback at their own port; oscsend's vanishes, so give oscdump's.
            Liblo.send(port, "/cue/connect", "i", dump.port);
            dump.expect("/cue/name/3 s \"Keys\"", 3000);
            Liblo.send(port, "/cue/aux", "i", 3);
            dump.expect("/cue/name s \"Keys\"", 3000);
            dump.expect("/cue/send/name/1 s \"Click\"", 3000);
            dump.expect("/cue/fader f", 3000);
            Liblo.send(port, "/cue/send/fader/4", "f", 0.5f);
            awaitPlain("cue3.src4.level", -40f);
            awaitGesture("cue3.src4.level");
            dump.expect("/cue/send/fader/4 f 0.5", 3000);
            Liblo.send(port, "/cue/send/enable/4", "f", 0f);
            awaitPlain("cue3.src4.mute", 1f);
            dump.expect("/cue/send/enable/4 f 0", 3000);
            Liblo.send(port, "/cue/fader", "f", 0.8f);
            awaitPlain("cue3.level", -10f);
            Liblo.send(port, "/cue/mute", "f", 1f);
            awaitPlain("cue3.mute", 1f);
            dump.expect("/cue/mute f 1", 3000);
            Liblo.send(port, "/cue/next_aux", "");
            dump.expect("/cue/name s \"Cue 4\"", 3000);
            dump.expect("/cue/signal f", 3000);
            assertEquals(1, server.cueClients());
        }
    }
}
