package org.foldback.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * 10,000 datagrams that must change nothing: random bytes, valid messages cut short, and valid
 * addresses with arguments that mean nothing there. Afterwards every parameter and lock is as it
 * was, no gesture was made, nothing counted as handled, and the server still answers.
 */
class HostileDatagramsTest {
    private static final String[] ADDRESSES = {
        "/foldback/%d/cue/2/level", "/foldback/%d/cue/1/send/3/pan", "/foldback/%d/param/cue4.mono",
        "/foldback/%d/param/talkback.dim", "/foldback/%d/talkback", "/cue/fader", "/cue/send/fader/2",
        "/cue/aux", "/foldback/%d/cue/7/level", "/foldback/%d/cue/3/mute/z",
    };

    @Test
    void tenThousandBadDatagramsChangeNothing() throws Exception {
        Rig rig = new Rig();
        rig.real.setRemoteLocked(6, true);
        int id = rig.real.id();
        Random rnd = new Random(15);
        List<byte[]> valid = new ArrayList<>();
        for (String a : ADDRESSES) {
            valid.add(UdpClient.encode(String.format(a, id), 0.25f));
            valid.add(UdpClient.encode(String.format(a, id), "-6 dB"));
        }
        try (OscServer server = OscServer.start(0, List.of("127.0.0.1"), () -> List.of(rig.seen), l -> {});
                UdpClient client = new UdpClient(server.port())) {
            // A /cue client with an aux selected, so /cue edits would land if anything got through.
            client.send(UdpClient.encode("/cue/aux", 2));
            client.receive(300);
            String before = rig.fingerprint();
            long handled0 = server.handled();
            long refused0 = server.refused();
            rig.gestures.clear();
            int[] kinds = new int[3];
            for (int i = 0; i < 10_000; i++) {
                byte[] d;
                int kind = rnd.nextInt(3);
                kinds[kind]++;
                if (kind == 0) {
                    d = new byte[rnd.nextInt(600)];
                    rnd.nextBytes(d);
                    if (rnd.nextBoolean() && d.length > 0) {
                        d[0] = '/';
                    }
                } else if (kind == 1) {
                    byte[] whole = valid.get(rnd.nextInt(valid.size()));
                    d = java.util.Arrays.copyOf(whole, rnd.nextInt(whole.length));
                } else {
                    d = nonsense(String.format(ADDRESSES[rnd.nextInt(ADDRESSES.length)], id), rnd);
                }
                client.send(d);
                if (i % 50 == 49) {
                    // In step with the server, so no datagram is lost to a full socket buffer
                    // (UDP drops silently) and every one of the 10,000 is judged.
                    long until = System.currentTimeMillis() + 10_000;
                    while (server.refused() + server.handled() < refused0 + handled0 + i + 1
                            && System.currentTimeMillis() < until) {
                        client.receive(2);
                    }
                }
            }
            client.receive(100);
            int answered = client.query();
            System.out.printf("osc hostile: 10000 datagrams (%d random, %d truncated, %d bad arguments):"
                    + " %d refused, %d handled, %d dropped; %d gesture calls; query answered: %s%n",
                    kinds[0], kinds[1], kinds[2], server.refused() - refused0, server.handled() - handled0 - 1, server.dropped(),
                    rig.gestures.size(), answered == 1);
            assertEquals(before, rig.fingerprint(), "a bad datagram changed a parameter or a lock");
            assertEquals(List.of(), rig.gestures, "a bad datagram made a gesture");
            assertEquals(1, answered, "the server answers afterwards");
            assertEquals(handled0 + 1, server.handled(), "only the query was handled");
            assertEquals(refused0 + 10_000, server.refused(), "every datagram refused");
        }
    }

    /** A valid address with arguments that mean nothing there. */
    private static byte[] nonsense(String address, Random rnd) {
        switch (rnd.nextInt(6)) {
            case 0: return UdpClient.encode(address);
            case 1: return UdpClient.encode(address, Float.NaN);
            case 2: return UdpClient.encode(address, "x" + Long.toHexString(rnd.nextLong()));
            case 3: return UdpClient.encode(address, (Object) new byte[] {1, 2, 3});
            case 4: return UdpClient.encode(address, 'q');
            default:
                // Too-deep nesting of a text-only message: a bundle in a bundle ... refused whole.
                return ("#bundle\0" + "garbage").getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void aSenderNotAllowedIsDroppedUnanswered() throws Exception {
        Rig rig = new Rig();
        String before = rig.fingerprint();
        try (OscServer server = OscServer.start(0, List.of("127.0.0.2"), () -> List.of(rig.seen), l -> {});
                UdpClient client = new UdpClient(server.port())) {
            client.send(UdpClient.encode("/foldback/" + rig.real.id() + "/cue/1/level", -20f));
            assertEquals(-1, client.query(), "no answer to a sender not allowed");
            assertEquals(2, server.dropped());
            assertEquals(0, server.handled() + server.refused());
            assertEquals(before, rig.fingerprint());
        }
    }
}
