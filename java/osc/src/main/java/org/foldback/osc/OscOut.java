package org.foldback.osc;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;

/**
 * Sends OSC from the server's own socket (so replies come from the port the client talks to).
 * One per sending thread: it owns its buffers. Many messages to one client go as bundles of at
 * most {@link #PER_BUNDLE}, so a full state (about 500 parameters) is a few dozen datagrams, each
 * well under a network's MTU-sized fragments limit.
 *
 * <p>Messages are encoded straight into a reused buffer (OSC 1.0's layout: the address and the
 * type tags as padded strings, big-endian arguments; bundles time-tagged "immediately"), so the
 * feedback of a flood costs no garbage: {@link #message} with a precomputed address and tags,
 * then the arguments. {@link #add} and {@link #send} take any address and boxed arguments, for
 * what is rare (replies, names).
 */
final class OscOut {
    static final int PER_BUNDLE = 12;
    private static final byte[] BUNDLE = "#bundle\0".getBytes(StandardCharsets.US_ASCII);

    private final DatagramChannel channel;
    /** Queued messages, each as a bundle element: its size (int32), then the message. */
    private ByteBuffer pending = ByteBuffer.allocate(64 * 1024);
    private int[] starts = new int[256];
    private int count;
    /** Where the message being written starts (its size field). */
    private int open = -1;
    private final ByteBuffer datagram = ByteBuffer.allocate(64 * 1024);

    OscOut(DatagramChannel channel) {
        this.channel = channel;
    }

    /** An address (or type tags) as OSC writes them: ASCII, NUL-terminated, padded to 4 bytes. */
    static byte[] padded(String text) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        byte[] b = new byte[(t.length + 4) & ~3];
        System.arraycopy(t, 0, b, 0, t.length);
        return b;
    }

    /** Starts a queued message: {@code address} and {@code tags} as made by {@link #padded}; its arguments follow. */
    OscOut message(byte[] address, byte[] tags) {
        end();
        room(8 + address.length + tags.length);
        if (count == starts.length) {
            starts = java.util.Arrays.copyOf(starts, count * 2);
        }
        open = pending.position();
        starts[count++] = open;
        pending.putInt(0).put(address).put(tags);
        return this;
    }

    OscOut f(float v) {
        room(4);
        pending.putFloat(v);
        return this;
    }

    OscOut i(int v) {
        room(4);
        pending.putInt(v);
        return this;
    }

    /** Text, UTF-8; ASCII (what values and addresses are) is written without a copy. */
    OscOut s(String v) {
        int n = v.length();
        boolean ascii = true;
        for (int k = 0; k < n && ascii; k++) {
            ascii = v.charAt(k) < 0x80;
        }
        if (!ascii) {
            byte[] b = padded(v);
            room(b.length);
            pending.put(b);
            return this;
        }
        room(n + 4);
        for (int k = 0; k < n; k++) {
            pending.put((byte) v.charAt(k));
        }
        int pad = 4 - (n & 3);
        for (int k = 0; k < pad; k++) {
            pending.put((byte) 0);
        }
        return this;
    }

    /** Ends the message being written: its size goes before it. */
    private void end() {
        if (open >= 0) {
            pending.putInt(open, pending.position() - open - 4);
            open = -1;
        }
    }

    private void room(int n) {
        if (pending.remaining() < n) {
            // A whole state of several instances at once: grows (rarely), then stays.
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(pending.capacity() * 2, pending.position() + n));
            pending.flip();
            bigger.put(pending);
            pending = bigger;
        }
    }

    /** Queues a message with any arguments (Integer, Long, Float, Double, Boolean, text) for {@link #flush}. */
    void add(String address, Object... args) {
        StringBuilder tags = new StringBuilder(",");
        for (Object a : args) {
            tags.append(a instanceof Integer ? 'i' : a instanceof Long ? 'h' : a instanceof Float ? 'f'
                    : a instanceof Double ? 'd' : a instanceof Boolean b ? (b ? 'T' : 'F') : 's');
        }
        message(padded(address), padded(tags.toString()));
        for (Object a : args) {
            if (a instanceof Integer v) {
                i(v);
            } else if (a instanceof Long v) {
                room(8);
                pending.putLong(v);
            } else if (a instanceof Float v) {
                f(v);
            } else if (a instanceof Double v) {
                room(8);
                pending.putDouble(v);
            } else if (!(a instanceof Boolean)) {
                s(String.valueOf(a));
            }
        }
    }

    /** Sends one message now (what is queued stays queued); a failure (a vanished client) drops it. */
    void send(SocketAddress to, String address, Object... args) {
        end();
        int mark = pending.position();
        int queued = count;
        add(address, args);
        end();
        datagram.clear();
        datagram.put(pending.array(), mark + 4, pending.position() - mark - 4);
        pending.position(mark);
        count = queued;
        write(to);
    }

    /** Sends the queued messages to one client, in bundles. */
    void flush(SocketAddress to) {
        end();
        for (int first = 0; first < count; first += PER_BUNDLE) {
            int last = Math.min(count, first + PER_BUNDLE);
            int from = starts[first];
            int until = last < count ? starts[last] : pending.position();
            datagram.clear();
            if (last - first == 1) {
                datagram.put(pending.array(), from + 4, until - from - 4);
            } else if (until - from + 16 <= datagram.capacity()) {
                datagram.put(BUNDLE).putLong(1L).put(pending.array(), from, until - from);
            } else {
                continue; // cannot be: 12 messages of our own are far below 64 KB
            }
            write(to);
        }
        discard();
    }

    void discard() {
        open = -1;
        count = 0;
        pending.clear();
    }

    private void write(SocketAddress to) {
        datagram.flip();
        try {
            channel.send(datagram, to);
        } catch (IOException | RuntimeException e) {
            // UDP: a message that cannot go is lost, as the network may lose any other.
        }
    }
}
