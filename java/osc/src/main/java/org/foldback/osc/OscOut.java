package org.foldback.osc;

import com.illposed.osc.BufferBytesReceiver;
import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.OSCSerializeException;
import com.illposed.osc.OSCSerializer;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends OSC from the server's own socket (so replies come from the port the client talks to),
 * encoded by JavaOSC. One per sending thread: it owns its buffer. Many messages to one client go
 * as bundles of at most {@link #PER_BUNDLE}, so a full state (about 500 parameters) is a few
 * dozen datagrams, each well under a network's MTU-sized fragments limit.
 */
final class OscOut {
    static final int PER_BUNDLE = 12;

    private final DatagramChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private final OSCSerializer serializer;
    private final List<OSCPacket> pending = new ArrayList<>();

    OscOut(DatagramChannel channel, OSCSerializerAndParserBuilder codec) {
        this.channel = channel;
        this.serializer = codec.buildSerializer(new BufferBytesReceiver(buffer));
    }

    /** Sends one message now; a failure (a full buffer, a vanished client) drops it. */
    void send(SocketAddress to, String address, Object... args) {
        write(to, new OSCMessage(address, List.of(args)));
    }

    /** Queues a message for {@link #flush}. */
    void add(String address, Object... args) {
        pending.add(new OSCMessage(address, List.of(args)));
    }

    /** Sends the queued messages to one client, in bundles. */
    void flush(SocketAddress to) {
        for (int i = 0; i < pending.size(); i += PER_BUNDLE) {
            List<OSCPacket> part = pending.subList(i, Math.min(pending.size(), i + PER_BUNDLE));
            write(to, part.size() == 1 ? part.get(0) : new OSCBundle(new ArrayList<>(part)));
        }
        pending.clear();
    }

    void discard() {
        pending.clear();
    }

    private void write(SocketAddress to, OSCPacket packet) {
        buffer.clear();
        try {
            serializer.write(packet);
            buffer.flip();
            channel.send(buffer, to);
        } catch (OSCSerializeException | IOException | RuntimeException e) {
            // UDP: a message that cannot go is lost, as the network may lose any other.
        }
    }
}
