package org.foldback.osc;

import com.illposed.osc.BufferBytesReceiver;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.OSCSerializer;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A raw UDP client on loopback for the fuzz and flood tests: sends any bytes, reads replies decoded by JavaOSC. */
final class UdpClient implements AutoCloseable {
    private static final OSCSerializerAndParserBuilder CODEC = new OSCSerializerAndParserBuilder();
    final DatagramChannel channel;
    private final InetSocketAddress server;

    UdpClient(int serverPort) throws IOException {
        channel = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        server = new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort);
    }

    int port() throws IOException {
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    static byte[] encode(String address, Object... args) {
        ByteBuffer b = ByteBuffer.allocate(4096);
        OSCSerializer s = CODEC.buildSerializer(new BufferBytesReceiver(b));
        try {
            s.write(new OSCMessage(address, Arrays.asList(args)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        b.flip();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return bytes;
    }

    /** A bundle of encoded messages, time-tagged {@code time} (NTP format), as liblo's oscsendfile sends each line. */
    static byte[] bundle(long time, byte[]... messages) {
        ByteBuffer b = ByteBuffer.allocate(65536);
        b.put("#bundle\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putLong(time);
        for (byte[] m : messages) {
            b.putInt(m.length).put(m);
        }
        return Arrays.copyOf(b.array(), b.position());
    }

    void send(byte[] datagram) throws IOException {
        channel.send(ByteBuffer.wrap(datagram), server);
    }

    /** Every message received within {@code ms} (bundles opened), addresses and arguments. */
    List<OSCMessage> receive(long ms) throws Exception {
        List<OSCMessage> got = new ArrayList<>();
        channel.configureBlocking(false);
        ByteBuffer b = ByteBuffer.allocate(65536);
        long until = System.currentTimeMillis() + ms;
        while (System.currentTimeMillis() < until) {
            b.clear();
            if (channel.receive(b) == null) {
                Thread.sleep(5);
                continue;
            }
            b.flip();
            open(CODEC.buildParser().convert(b), got);
        }
        return got;
    }

    /** Reads and throws away whatever has arrived (feedback a test does not look at). */
    void drain() throws IOException {
        channel.configureBlocking(false);
        ByteBuffer b = ByteBuffer.allocate(65536);
        do {
            b.clear();
        } while (channel.receive(b) != null);
    }

    private static void open(OSCPacket p, List<OSCMessage> into) {
        if (p instanceof OSCMessage m) {
            into.add(m);
        } else {
            for (OSCPacket q : ((com.illposed.osc.OSCBundle) p).getPackets()) {
                open(q, into);
            }
        }
    }

    /** Asks the server for its instances and returns how many it named (-1 when it did not answer in 3 s). */
    int query() throws Exception {
        send(encode("/foldback/query"));
        for (OSCMessage m : receive(3000)) {
            if (m.getAddress().equals("/foldback/query/done")) {
                return (Integer) m.getArguments().get(0);
            }
        }
        return -1;
    }

    /**
     * Queries until an answer comes, for at most {@code attempts} tries of 3 s: after a flood the
     * kernel's socket buffer may still hold the backlog and drop a single datagram, as UDP may;
     * a client retries, and a live server answers one of them.
     */
    int queryRetrying(int attempts) throws Exception {
        int answered = -1;
        for (int i = 0; i < attempts && answered < 0; i++) {
            answered = query();
        }
        return answered;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
