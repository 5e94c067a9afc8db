package org.foldback.engine;

/** Receives one stereo bus per block on the audio thread; implementations must not allocate or block. */
public interface BusTap {
    void accept(int bus, float[] left, float[] right, int numSamples);

    /**
     * {@link #accept} for a block the caller knows to be digital silence, every sample of both
     * channels ±0 (a source the input guard found silent, a cue with nothing live): the channels
     * are still there and hold those zeros, and a tap may skip work that zeros provably cannot
     * change (the meters: PERFORMANCE.md, "Session 12"). The caller only says so when it knows it
     * without looking at the samples again. By default the same as {@link #accept}.
     */
    default void acceptSilent(int bus, float[] left, float[] right, int numSamples) {
        accept(bus, left, right, numSamples);
    }
}
