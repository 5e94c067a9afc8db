package org.foldback.osc;

/**
 * Reads a plain OSC message in place in the received bytes, allocating nothing: the address and
 * arguments of the simple types Foldback's messages use (i, h, f, d, s, T, F). Anything else (a
 * bundle, another type, an address JavaOSC would refuse, bytes that do not add up exactly) is left
 * to JavaOSC's parser, so what is accepted or refused stays as JavaOSC decides. One per receive
 * thread: it holds the datagram between {@link #read} and the next.
 */
final class MessageReader extends Args {
    static final int MAX_ARGS = 8;

    private byte[] data;
    private int start;
    private int addressLength;
    private int count;
    private final byte[] types = new byte[MAX_ARGS];
    private final int[] at = new int[MAX_ARGS];
    private final int[] textLength = new int[MAX_ARGS];
    private final KnownTexts texts = new KnownTexts();

    /** Reads {@code data[0..length)}; false when it is not a plain message this reader takes (JavaOSC's, then). */
    boolean read(byte[] data, int length) {
        return read(data, 0, length);
    }

    /** Reads the message in {@code data[from..from + size)} (a datagram, or an element of a bundle). */
    boolean read(byte[] data, int from, int size) {
        this.data = data;
        this.start = from;
        this.count = 0;
        int length = from + size;
        if (size < 8 || data[from] != '/') {
            return false;
        }
        int i = from;
        while (i < length && data[i] != 0) {
            byte b = data[i];
            // JavaOSC refuses " #*,?[]{}" and "//" in an address; non-ASCII is decoded by its charset.
            if (b < 0x21 || b > 0x7e || b == '#' || b == '*' || b == ',' || b == '?' || b == '[' || b == ']'
                    || b == '{' || b == '}' || (b == '/' && i > from && data[i - 1] == '/')) {
                return false;
            }
            i++;
        }
        addressLength = i - from;
        int t = pad(i + 1);
        if (t >= length || data[t] != ',') {
            return false;
        }
        int j = t + 1;
        int n = 0;
        while (j < length && data[j] != 0) {
            if (n == MAX_ARGS) {
                return false;
            }
            types[n++] = data[j++];
        }
        if (j >= length) {
            return false;
        }
        int p = pad(j + 1);
        for (int k = 0; k < n; k++) {
            at[k] = p;
            switch (types[k]) {
                case 'i', 'f' -> p += 4;
                case 'h', 'd' -> p += 8;
                case 'T', 'F' -> { }
                case 's' -> {
                    int e = p;
                    while (e < length && data[e] != 0) {
                        if (data[e] < 0x20 || data[e] > 0x7e) {
                            return false;
                        }
                        e++;
                    }
                    if (e >= length) {
                        return false;
                    }
                    textLength[k] = e - p;
                    p = pad(e + 1);
                }
                default -> {
                    return false;
                }
            }
            if (p > length) {
                return false;
            }
        }
        if (p != length) {
            return false;
        }
        count = n;
        return true;
    }

    /** Offsets are absolute, but padding counts from the message's start. */
    private int pad(int n) {
        return start + ((n - start + 3) & ~3);
    }

    byte[] bytes() {
        return data;
    }

    /** Where the message (its address) starts in {@link #bytes}. */
    int start() {
        return start;
    }

    /** The address's length in bytes. */
    int addressLength() {
        return addressLength;
    }

    /** The address as text (made only when an address is met for the first time, or refused). */
    String address() {
        return new String(data, start, addressLength, java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Override
    int size() {
        return count;
    }

    @Override
    boolean textAt(int i) {
        return types[i] == 's';
    }

    @Override
    float numberAt(int i, String what) throws Refused {
        int p = at[i];
        switch (types[i]) {
            case 'i':
                return int32(p);
            case 'f':
                return Float.intBitsToFloat(int32(p));
            case 'h':
                return int64(p);
            case 'd':
                return (float) Double.longBitsToDouble(int64(p));
            case 'T':
                return 1f;
            case 'F':
                return 0f;
            default:
                throw new Refused(what + " must be a number");
        }
    }

    /** As JavaOSC's decoded argument would print (Integer, Long, Float, Double, Boolean, String). */
    @Override
    String text(int i) {
        int p = at[i];
        switch (types[i]) {
            case 's':
                return new String(data, p, textLength[i], java.nio.charset.StandardCharsets.US_ASCII);
            case 'i':
                return Integer.toString(int32(p));
            case 'f':
                return Float.toString(Float.intBitsToFloat(int32(p)));
            case 'h':
                return Long.toString(int64(p));
            case 'd':
                return Double.toString(Double.longBitsToDouble(int64(p)));
            default:
                return types[i] == 'T' ? "true" : "false";
        }
    }

    /** The normalized value text argument {@code i} was found to mean for parameters shaped as {@code p}'s, or NaN. */
    float knownText(int i, org.foldback.engine.param.ParamSpec p) {
        return texts.get(p.shape(), data, at[i], textLength[i]);
    }

    void learnText(int i, org.foldback.engine.param.ParamSpec p, float normalized) {
        texts.put(p.shape(), data, at[i], textLength[i], normalized);
    }

    private int int32(int p) {
        return (data[p] & 0xff) << 24 | (data[p + 1] & 0xff) << 16 | (data[p + 2] & 0xff) << 8 | (data[p + 3] & 0xff);
    }

    private long int64(int p) {
        return (long) int32(p) << 32 | (int32(p + 4) & 0xffffffffL);
    }
}
