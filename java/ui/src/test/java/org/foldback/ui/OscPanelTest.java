package org.foldback.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.foldback.bridge.NativeProcessor;
import org.foldback.control.Controller;
import org.foldback.control.Controllers;
import org.foldback.control.OscStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OSC panel driven as an engineer drives it (clicks on the layout's rectangles, typed keys,
 * through EditorInput) against a real instance (a NativeProcessor without a shim) and the process's
 * real OSC server (java/osc's OscService, found through ServiceLoader as in the plugin). The
 * clients are plain UDP sockets on loopback sending OSC by hand-made bytes (OSC 1.0: padded
 * strings, big-endian int32), so nothing of the server's own codec is trusted.
 */
class OscPanelTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final NativeProcessor processor = new NativeProcessor(0, "");
    private final Controller instance = processor.controller();
    private final EditorInput input = new EditorInput(instance);
    private final OscPanel panel = input.osc();
    private final Engineer engineer = new Engineer(input);

    @BeforeEach
    void listed() {
        Controllers.register(instance); // as the shim registers a plugin's instance
    }

    @AfterEach
    void off() throws InterruptedException {
        instance.setOsc(false, instance.oscPort(), instance.oscAllowed());
        Controllers.unregister(instance);
        assertTrue(waitFor(() -> !Controllers.oscStatus().running()), "the server stops with the last instance that wants it");
    }

    private static boolean waitFor(BooleanSupplier ok) throws InterruptedException {
        long until = System.currentTimeMillis() + 15_000;
        while (!ok.getAsBoolean() && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        return ok.getAsBoolean();
    }

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            return s.getLocalPort();
        }
    }

    /** An OSC message with int32 arguments. */
    private static byte[] osc(String address, int... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        padded(out, address);
        padded(out, "," + "i".repeat(args.length));
        for (int a : args) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(a).array());
        }
        return out.toByteArray();
    }

    private static void padded(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(b);
        out.writeBytes(new byte[4 - b.length % 4]); // at least one NUL, to a multiple of 4
    }

    private static String receive(DatagramSocket socket) throws Exception {
        DatagramPacket p = new DatagramPacket(new byte[65536], 65536);
        socket.setSoTimeout(10_000);
        socket.receive(p);
        return new String(p.getData(), 0, p.getLength(), StandardCharsets.ISO_8859_1);
    }

    private void open() {
        engineer.click(Control.of(Control.OSC, 0));
        assertTrue(panel.isOpen());
    }

    private void choosePort(int port) {
        engineer.click(Control.of(Control.OSC_PORT, 0));
        assertTrue(input.rename().active(), "a click on the port box opens the field");
        engineer.retype(5, Integer.toString(port));
    }

    private boolean serving(int port) {
        OscStatus s = panel.status();
        return s.running() && s.port() == port;
    }

    @Test
    void oscIsOffUntilTheSwitchIsClickedThenItsPortAnswersListsItsClientAndCloses() throws Exception {
        open();
        assertFalse(panel.enabled(), "off until the engineer switches it on");
        assertFalse(instance.oscEnabled());
        assertFalse(panel.status().running());
        assertEquals(8000, panel.port(), "TouchOSC's default port until another is chosen");
        assertEquals(List.of("127.0.0.0/8", "::1"), panel.allowed(), "loopback only until the engineer names a network");

        int port = freeUdpPort();
        choosePort(port);
        assertEquals(port, instance.oscPort());
        assertFalse(instance.oscEnabled(), "choosing a port switches nothing on");
        Thread.sleep(300);
        assertFalse(panel.status().running(), "no server while OSC is off");

        engineer.click(Control.of(Control.OSC_SWITCH, 0));
        assertTrue(instance.oscEnabled());
        assertTrue(panel.enabled());
        assertNull(panel.message());
        assertTrue(waitFor(() -> serving(port)), "the server did not start on " + port + ": " + panel.status());
        assertTrue(panel.status().loopbackOnly());

        long before = System.currentTimeMillis();
        try (DatagramSocket client = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            client.send(new DatagramPacket(osc("/foldback/query"), 0, osc("/foldback/query").length,
                    new InetSocketAddress(LOOPBACK, port)));
            String reply = receive(client);
            assertTrue(reply.contains("/foldback/instance") || reply.contains("/foldback/query/done"), reply);
        }
        assertTrue(waitFor(() -> !panel.status().clients().isEmpty()), "the client is not listed");
        OscStatus.Client heard = panel.status().clients().get(0);
        assertEquals("127.0.0.1", heard.address());
        assertEquals(1, heard.messages());
        assertTrue(heard.lastSeenMillis() >= before && heard.lastSeenMillis() <= System.currentTimeMillis(), heard.toString());
        assertFalse(heard.feedback(), "a query is answered once, no feedback follows");

        engineer.click(Control.of(Control.OSC_SWITCH, 0));
        assertFalse(instance.oscEnabled());
        assertTrue(waitFor(() -> !panel.status().running()), "off stops the server");
        try (DatagramSocket again = new DatagramSocket(new InetSocketAddress(LOOPBACK, port))) {
            assertEquals(port, again.getLocalPort(), "the port is free again");
        }
        assertTrue(panel.status().clients().isEmpty());
    }

    @Test
    void aBadPortIsRefusedWithAReasonAndAPortInUseIsShownUntilItComesFree() throws Exception {
        open();
        for (String bad : new String[] {"80", "70000", "osc", ""}) {
            engineer.click(Control.of(Control.OSC_PORT, 0));
            engineer.retype(5, bad);
            assertEquals(8000, instance.oscPort(), "'" + bad + "' changes nothing");
            assertEquals("the port must be a number from 1024 to 65535", panel.message());
        }
        // A click away throws a half-typed port away: restarting a server is not something to do by accident.
        engineer.click(Control.of(Control.OSC_PORT, 0));
        engineer.type("1");
        engineer.click(Control.of(Control.OSC_TITLE, 0));
        assertFalse(input.rename().active());
        assertEquals(8000, instance.oscPort());

        DatagramSocket blocker = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        int taken = blocker.getLocalPort();
        try {
            choosePort(taken);
            assertNull(panel.message(), "the range is right: the instance takes it");
            engineer.click(Control.of(Control.OSC_SWITCH, 0));
            assertTrue(waitFor(() -> panel.status().problem() != null), "no problem shown: " + panel.status());
            assertEquals("not started: UDP port " + taken + " is in use; choose another for OSC", panel.status().problem());
            assertFalse(panel.status().running());
        } finally {
            blocker.close();
        }
        assertTrue(waitFor(() -> serving(taken)), "the server did not take the port once free: " + panel.status());
        assertNull(panel.status().problem());
    }

    @Test
    void allowedAddressesAreAddedAndRemovedAndAHostNameIsRefusedWithItsReason() throws Exception {
        open();
        engineer.click(Control.of(Control.OSC_ADD, 0));
        assertTrue(input.rename().active());
        assertEquals("", input.rename().text());
        engineer.retype(0, "192.168.1.0/24");
        assertEquals(List.of("127.0.0.0/8", "::1", "192.168.1.0/24"), instance.oscAllowed());
        assertEquals(instance.oscAllowed(), panel.allowed());
        assertNull(panel.message());

        List<String> before = panel.allowed();
        engineer.click(Control.of(Control.OSC_ADD, 0));
        engineer.retype(0, "studio.example");
        assertTrue(panel.message().contains("host names are not accepted"), panel.message());
        assertEquals(before, instance.oscAllowed(), "a refused address changes nothing");
        engineer.click(Control.of(Control.OSC_ADD, 0));
        engineer.retype(0, "::1");
        assertEquals("::1 is allowed already", panel.message());
        assertEquals(before, instance.oscAllowed());

        engineer.click(Control.of(Control.OSC_REMOVE, 1));
        assertEquals(List.of("127.0.0.0/8", "192.168.1.0/24"), instance.oscAllowed());
        assertEquals(instance.oscAllowed(), panel.allowed());
        assertNull(panel.message(), "a good action clears the last refusal");
        engineer.click(Control.of(Control.OSC_REMOVE, 5));
        assertEquals(2, instance.oscAllowed().size(), "a row with no address removes nothing");

        // A half-typed address is thrown away by a click elsewhere in the panel.
        engineer.click(Control.of(Control.OSC_ADD, 0));
        engineer.type("10.0.0.1");
        engineer.click(Control.of(Control.OSC_TITLE, 0));
        assertFalse(input.rename().active());
        assertEquals(2, instance.oscAllowed().size());

        assertFalse(instance.oscEnabled(), "editing the list switches nothing on");
        String state = new String(processor.getState(), StandardCharsets.UTF_8);
        assertTrue(state.contains("192.168.1.0/24"), "the session keeps the list: " + state);
    }

    @Test
    void clientsAreListedMostRecentFirstAndASubscriberIsMarkedAsFed() throws Exception {
        int port = freeUdpPort();
        open();
        choosePort(port);
        engineer.click(Control.of(Control.OSC_SWITCH, 0));
        assertTrue(waitFor(() -> serving(port)), panel.status().toString());
        InetSocketAddress server = new InetSocketAddress(LOOPBACK, port);
        // Two devices: 127.0.0.2 (all of 127/8 is this machine's loopback) subscribes, then 127.0.0.1 asks once.
        try (DatagramSocket tablet = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
                DatagramSocket script = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            byte[] subscribe = osc("/foldback/subscribe", tablet.getLocalPort());
            tablet.send(new DatagramPacket(subscribe, subscribe.length, server));
            assertTrue(receive(tablet).contains("/foldback/subscribed"));
            Thread.sleep(50);
            byte[] query = osc("/foldback/query");
            script.send(new DatagramPacket(query, query.length, server));
            receive(script);
            assertTrue(waitFor(() -> panel.status().clients().size() == 2), panel.status().toString());
            List<OscStatus.Client> clients = panel.status().clients();
            assertEquals("127.0.0.1", clients.get(0).address(), "the most recent first: " + clients);
            assertFalse(clients.get(0).feedback());
            assertEquals("127.0.0.2", clients.get(1).address());
            assertTrue(clients.get(1).feedback(), "the subscriber gets feedback: " + clients);

            // The wheel over the clients: two of eight rows used, nothing to scroll.
            EditorLayout layout = new EditorLayout();
            float[] r = new float[4];
            layout.listRow(EditorLayout.LIST_OSC_CLIENTS, 0, r);
            input.mouse(org.foldback.control.EditorView.MOUSE_WHEEL, r[0] + 10, r[1] + 5, 0, -1f);
            assertEquals(0, panel.clientRows().first());
            assertTrue(panel.isOpen(), "the wheel in the panel closes nothing");
        }
    }
}
