package org.foldback.engine;

/** Receives one stereo bus per block on the audio thread; implementations must not allocate or block. */
public interface BusTap {
    void accept(int bus, float[] left, float[] right, int numSamples);
}
