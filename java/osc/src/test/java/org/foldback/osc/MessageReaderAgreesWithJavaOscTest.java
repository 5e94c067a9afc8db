package org.foldback.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.OSCParser;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The in-place reader (MessageReader, which reads the plain messages of a flood without making
 * garbage) never decides differently from JavaOSC, the library that parses everything else: for
 * 100,000 generated datagrams, well-formed and mutated (truncated, bytes flipped, odd types and
 * characters), whenever the reader takes one, JavaOSC parses the same bytes into a message with the
 * same address and the same arguments. What the reader declines goes to JavaOSC anyway.
 */
class MessageReaderAgreesWithJavaOscTest {
    private static final String TYPES = "ifhdsTFbcmN";
    private static final String ADDRESS_CHARS = "abcfoldback0123456789/._-#*?,[]{} ~\u00e9";

    @Test
    void whateverTheReaderTakesJavaOscReadsTheSame() {
        OSCParser parser = new OSCSerializerAndParserBuilder().buildParser();
        MessageReader reader = new MessageReader();
        Random rnd = new Random(15);
        int taken = 0;
        for (int n = 0; n < 100_000; n++) {
            byte[] datagram = mutate(message(rnd), rnd);
            if (!reader.read(datagram, datagram.length)) {
                continue;
            }
            taken++;
            OSCPacket packet;
            try {
                packet = parser.convert(ByteBuffer.wrap(datagram));
            } catch (Exception | StackOverflowError e) {
                fail("the reader took a datagram JavaOSC refuses (" + e + "): " + hex(datagram));
                return;
            }
            assertTrue(packet instanceof OSCMessage, "not a message for JavaOSC: " + hex(datagram));
            OSCMessage m = (OSCMessage) packet;
            assertEquals(m.getAddress(), reader.address(), hex(datagram));
            List<Object> args = m.getArguments();
            assertEquals(args.size(), reader.size(), hex(datagram));
            for (int i = 0; i < args.size(); i++) {
                assertEquals(String.valueOf(args.get(i)), reader.text(i), "argument " + i + ": " + hex(datagram));
            }
        }
        System.out.printf("in-place reader: took %d of 100000 generated datagrams, each read as JavaOSC reads it%n", taken);
        assertTrue(taken > 10_000, "too few datagrams taken to mean anything: " + taken);
    }

    /** A message in OSC 1.0's encoding: mostly Foldback-like addresses and types, sometimes not. */
    private static byte[] message(Random rnd) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder address = new StringBuilder(rnd.nextInt(4) == 0 ? "/cue/send/fader/" : "/foldback/1/cue/");
        for (int i = rnd.nextInt(8); i > 0; i--) {
            address.append(rnd.nextInt(6) == 0 ? ADDRESS_CHARS.charAt(rnd.nextInt(ADDRESS_CHARS.length()))
                    : (char) ('a' + rnd.nextInt(26)));
        }
        padded(out, address.toString().getBytes(StandardCharsets.UTF_8));
        StringBuilder types = new StringBuilder(",");
        int count = rnd.nextInt(4);
        for (int i = 0; i < count; i++) {
            types.append(rnd.nextInt(5) == 0 ? TYPES.charAt(rnd.nextInt(TYPES.length())) : TYPES.charAt(rnd.nextInt(7)));
        }
        padded(out, types.toString().getBytes(StandardCharsets.US_ASCII));
        for (int i = 1; i < types.length(); i++) {
            switch (types.charAt(i)) {
                case 'i', 'c', 'm' -> int32(out, rnd.nextInt());
                case 'f' -> int32(out, Float.floatToRawIntBits(rnd.nextInt(3) == 0 ? Float.intBitsToFloat(rnd.nextInt()) : rnd.nextFloat() * 40 - 30));
                case 'h' -> { int32(out, rnd.nextInt()); int32(out, rnd.nextInt()); }
                case 'd' -> { long b = Double.doubleToRawLongBits(rnd.nextGaussian() * 20); int32(out, (int) (b >>> 32)); int32(out, (int) b); }
                case 's' -> padded(out, ("L" + rnd.nextInt(100) + (rnd.nextInt(8) == 0 ? "\u0001" : "")).getBytes(StandardCharsets.ISO_8859_1));
                case 'b' -> { int32(out, 3); out.write(1); out.write(2); out.write(3); out.write(0); }
                default -> { }
            }
        }
        return out.toByteArray();
    }

    private static byte[] mutate(byte[] m, Random rnd) {
        switch (rnd.nextInt(6)) {
            case 0 -> {
                return java.util.Arrays.copyOf(m, rnd.nextInt(m.length + 1));
            }
            case 1 -> {
                byte[] c = m.clone();
                c[rnd.nextInt(c.length)] = (byte) rnd.nextInt(256);
                return c;
            }
            case 2 -> {
                return java.util.Arrays.copyOf(m, m.length + 1 + rnd.nextInt(8));
            }
            default -> {
                return m;
            }
        }
    }

    private static void padded(ByteArrayOutputStream out, byte[] text) {
        out.writeBytes(text);
        int pad = 4 - text.length % 4;
        for (int i = 0; i < pad; i++) {
            out.write(0);
        }
    }

    private static void int32(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02x", x));
        }
        return s.toString();
    }
}
