package org.foldback.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.foldback.bridge.NativeProcessor;
import org.foldback.control.Controller;
import org.foldback.control.Controllers;
import org.junit.jupiter.api.Test;

/**
 * The process's OSC server as the plugin runs it: off by default; a session state with OSC on,
 * restored into an instance, starts the one server of the JVM (found by the bridge through
 * ServiceLoader) on the state's port, loopback only; it answers; switching off stops it. Bad
 * settings are refused with a reason and change nothing.
 */
class OscServiceTest {
    private static boolean waitFor(java.util.function.BooleanSupplier ok) throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        while (!ok.getAsBoolean() && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        return ok.getAsBoolean();
    }

    @Test
    void aSessionWithOscOnStartsTheProcessServer() throws Exception {
        NativeProcessor np = new NativeProcessor(0, "");
        Controller c = np.controller();
        // Without a shim an instance is not listed for the process's surfaces; a plugin's is.
        Controllers.register(c);
        try {
            assertFalse(c.oscEnabled(), "off by default");
            assertEquals(List.of("127.0.0.0/8", "::1"), c.oscAllowed());
            int port = Liblo.freePort();
            NativeProcessor other = new NativeProcessor(0, "");
            assertEquals(null, other.controller().setOsc(true, port, List.of("127.0.0.1")));
            byte[] saved = other.getState();
            assertTrue(new String(saved, StandardCharsets.UTF_8).contains("\"osc\""));
            assertTrue(waitFor(() -> OscService.port() == 0), "off while no live instance says on: " + OscService.status() + " " + Controllers.all().stream().map(x -> x.name() + "=" + x.oscEnabled() + "/" + x.running()).toList());

            assertEquals(null, np.setState(saved));
            assertTrue(c.oscEnabled());
            assertTrue(waitFor(() -> OscService.port() == port), OscService.status() + " " + Controllers.all().stream().map(x -> x.name() + "=" + x.oscEnabled() + "/" + x.running() + "/" + x.oscPort()).toList());
            try (UdpClient client = new UdpClient(port)) {
                assertTrue(client.query() >= 1, "the process's server answers");
            }

            String before = new String(np.getState(), StandardCharsets.UTF_8);
            String why = c.setOsc(true, port, List.of("studio.example"));
            assertNotNull(why);
            assertTrue(why.contains("host names are not accepted"), why);
            assertNotNull(c.setOsc(true, 80, List.of("127.0.0.1")));
            assertEquals(before, new String(np.getState(), StandardCharsets.UTF_8), "a refused setting changed the state");

            assertEquals(null, c.setOsc(false, port, c.oscAllowed()));
            assertTrue(waitFor(() -> OscService.port() == 0), OscService.status());
        } finally {
            c.setOsc(false, c.oscPort(), c.oscAllowed());
            Controllers.unregister(c);
        }
    }
}
