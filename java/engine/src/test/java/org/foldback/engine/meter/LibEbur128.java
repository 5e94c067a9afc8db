package org.foldback.engine.meter;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.DoubleByReference;
import com.sun.jna.ptr.PointerByReference;

/** JNA binding of the few libebur128 calls the cross-check needs (Debian package libebur128-1). */
interface LibEbur128 extends Library {
    int MODE_M = 1;
    int MODE_S = (1 << 1) | MODE_M;
    int MODE_I = (1 << 2) | MODE_M;
    int MODE_LRA = (1 << 3) | MODE_S;
    int MODE_SAMPLE_PEAK = (1 << 4) | MODE_M;
    int MODE_TRUE_PEAK = (1 << 5) | MODE_M | MODE_SAMPLE_PEAK;

    /** Loads libebur128; throws (and so fails the test) when it is not installed. */
    static LibEbur128 load() {
        try {
            return Native.load("ebur128", LibEbur128.class);
        } catch (UnsatisfiedLinkError e) {
            return Native.load("libebur128.so.1", LibEbur128.class);
        }
    }

    Pointer ebur128_init(int channels, NativeLong sampleRate, int mode);

    void ebur128_destroy(PointerByReference state);

    int ebur128_add_frames_float(Pointer state, float[] interleaved, NativeLong frames);

    int ebur128_loudness_global(Pointer state, DoubleByReference out);

    int ebur128_loudness_momentary(Pointer state, DoubleByReference out);

    int ebur128_loudness_shortterm(Pointer state, DoubleByReference out);

    int ebur128_loudness_range(Pointer state, DoubleByReference out);

    int ebur128_true_peak(Pointer state, int channel, DoubleByReference out);
}
