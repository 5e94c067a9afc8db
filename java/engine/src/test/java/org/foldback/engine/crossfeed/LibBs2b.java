package org.foldback.engine.crossfeed;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/** JNA binding of the few libbs2b calls the cross-check needs (Debian package libbs2b0, from libbs2b-dev). */
interface LibBs2b extends Library {
    /** Loads libbs2b; throws (and so fails the test) when it is not installed. */
    static LibBs2b load() {
        try {
            return Native.load("bs2b", LibBs2b.class);
        } catch (UnsatisfiedLinkError e) {
            return Native.load("libbs2b.so.0", LibBs2b.class);
        }
    }

    /** bs2b.h packs a level as cut frequency (Hz) | feed (tenths of a dB) << 16. */
    static int level(int cutHz, int feedTenthsDb) {
        return cutHz | (feedTenthsDb << 16);
    }

    Pointer bs2b_open();

    void bs2b_close(Pointer state);

    void bs2b_set_srate(Pointer state, int sampleRate);

    void bs2b_set_level(Pointer state, int level);

    int bs2b_get_level_fcut(Pointer state);

    int bs2b_get_level_feed(Pointer state);

    /** Crossfeeds n interleaved stereo frames of doubles in place. */
    void bs2b_cross_feed_d(Pointer state, double[] interleaved, int frames);
}
