package org.foldback.engine;

/** For tests that compare renders to the bit: a hash of every output sample's bits. */
public final class OutputBits {
    private OutputBits() {}

    /** A 64-bit hash (FNV-1a) of every output sample's bits, in channel order. */
    public static long hash(float[][] out) {
        long h = 0xcbf29ce484222325L;
        for (float[] ch : out) {
            for (float x : ch) {
                h = (h ^ Float.floatToRawIntBits(x)) * 0x100000001b3L;
            }
        }
        return h;
    }
}
