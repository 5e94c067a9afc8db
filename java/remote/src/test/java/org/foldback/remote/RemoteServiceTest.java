package org.foldback.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.foldback.bridge.NativeProcessor;
import org.foldback.control.Controller;
import org.foldback.control.Controllers;
import org.junit.jupiter.api.Test;

/**
 * The process's remote as the plugin runs it: an instance whose state says "remote on" starts the
 * one server of the JVM (found by the bridge through ServiceLoader), on the state's port; the page
 * is served; "off" stops it. And the QR code of the address reads back.
 */
class RemoteServiceTest {
    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static boolean waitFor(java.util.function.BooleanSupplier ok) throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        while (!ok.getAsBoolean() && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        return ok.getAsBoolean();
    }

    @Test
    void aStateWithTheRemoteOnStartsTheProcessServer() throws Exception {
        NativeProcessor np = new NativeProcessor(0, "");
        Controller c = np.controller();
        Controllers.register(c); // as the shim's instance is (a NativeProcessor without a shim is not)
        try {
            int port = freePort();
            // A session saved with the remote on, loaded as a host restores it.
            NativeProcessor other = new NativeProcessor(0, "");
            other.controller().setRemote(true, port);
            byte[] saved = other.getState();
            Controllers.unregister(other.controller());
            assertTrue(waitFor(() -> RemoteService.port() == 0), "off while no live instance says on");
            assertEquals(null, np.setState(saved));
            assertTrue(c.remoteEnabled());
            assertTrue(waitFor(() -> RemoteService.port() == port), RemoteService.status());
            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("My mix"));
            assertTrue(page.headers().firstValue("Content-Security-Policy").isPresent());
            HttpResponse<String> other404 = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/../pom.xml")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(other404.statusCode() >= 400, "only the page's three files are served");

            c.setRemote(false, port);
            assertTrue(waitFor(() -> RemoteService.port() == 0), RemoteService.status());
        } finally {
            c.setRemote(false, c.remotePort());
            Controllers.unregister(c);
        }
    }

    @Test
    void anInstanceTheHostDroppedLeavesAndTheServerStops() throws Exception {
        int port = freePort();
        startInstanceWithRemote(port);
        assertTrue(waitFor(() -> RemoteService.port() == port), RemoteService.status());
        // The shim deleted its reference: nothing keeps the instance alive, and nobody calls unregister.
        assertTrue(waitFor(() -> {
            System.gc();
            return RemoteService.port() == 0;
        }), "the server outlived its only instance: " + RemoteService.status());
        assertTrue(Controllers.all().stream().noneMatch(c -> c.remotePort() == port), "the list let it go");
    }

    @Test
    void theEngineersPanelSeesTheServerThroughTheControllerApi() throws Exception {
        NativeProcessor np = new NativeProcessor(0, "");
        Controller c = np.controller();
        Controllers.register(c);
        try (ServerSocket taken = new ServerSocket(0)) {
            // A port in use: reported, with a free one offered, never a silent failure.
            c.setRemote(true, taken.getLocalPort());
            assertTrue(waitFor(() -> c.remoteStatus().problem() != null), RemoteService.status());
            org.foldback.control.RemoteStatus refused = c.remoteStatus();
            assertTrue(refused.problem().contains("port " + taken.getLocalPort() + " is in use"), refused.problem());
            assertTrue(refused.offeredPort() > 0 && !refused.running(), refused.toString());

            int port = freePort();
            c.setRemote(true, port);
            assertTrue(waitFor(() -> c.remoteStatus().running()), RemoteService.status());
            org.foldback.control.RemoteStatus on = c.remoteStatus();
            assertEquals(port, on.port());
            assertEquals(null, on.problem());
            assertTrue(on.address().matches("http://[0-9.]+:" + port + "/"), on.address());
            assertEquals(on.address(), decode(on.qr()), "the QR code holds the address");
            assertTrue(on == c.remoteStatus(), "the same object until something changes: drawing re-encodes nothing");

            try (WsClient phone = WsClient.open(port)) {
                phone.login(c.id(), 3, c.remotePin(2));
                assertTrue(waitFor(() -> c.remoteStatus().phones().contains(
                        new org.foldback.control.RemoteStatus.Phone("127.0.0.1", c.id(), 3))), c.remoteStatus().toString());
                c.disconnectPhone(new org.foldback.control.RemoteStatus.Phone("127.0.0.1", c.id(), 3));
                assertTrue(phone.closed(2000), "the engineer's disconnect ends the phone's session");
                assertTrue(waitFor(() -> c.remoteStatus().phones().isEmpty()), c.remoteStatus().toString());
            }
            c.setRemote(false, port);
            assertTrue(waitFor(() -> !c.remoteStatus().running() && c.remoteStatus().problem() == null));
        } finally {
            c.setRemote(false, c.remotePort());
            Controllers.unregister(c);
        }
    }

    /** Renders the modules as a scanner sees them (with the standard's 4-module quiet zone) and decodes them. */
    private static String decode(boolean[][] m) throws Exception {
        int scale = 4;
        int quiet = 4;
        int size = (m.length + 2 * quiet) * scale;
        int[] pixels = new int[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int my = y / scale - quiet;
                int mx = x / scale - quiet;
                boolean dark = my >= 0 && mx >= 0 && my < m.length && mx < m.length && m[my][mx];
                pixels[y * size + x] = dark ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        LuminanceSource source = new RGBLuminanceSource(size, size, pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }

    private static void startInstanceWithRemote(int port) {
        Controller c = new NativeProcessor(0, "").controller();
        Controllers.register(c); // held weakly: once the test lets go, only the list could keep it
        c.setRemote(true, port);
    }

    @Test
    void theQrCodeOfTheAddressReadsBack() throws Exception {
        String address = QrCode.address("192.168.1.23", 8337);
        assertEquals("http://192.168.1.23:8337/", decode(QrCode.modules(address)));
    }
}
