package org.foldback.engine;

import org.foldback.engine.param.ParamStore;

/**
 * The audio processor contract, shaped after JUCE's AudioProcessor lifecycle so that the
 * bridge (and the command line) can drive any implementation the same way.
 *
 * <p>Threading: {@link #prepare} and {@link #release} are called on a non-real-time thread while
 * no {@link #process} call runs. {@link #process} runs on the audio thread and must not allocate,
 * lock or block. Parameters are read from {@link #params()}, which any thread may write.
 */
public interface Processor {

    /**
     * Allocates everything {@link #process} will need.
     *
     * @param sampleRate    in Hz
     * @param maxBlockSize  the largest {@code numSamples} process will be called with
     * @param activeSources how many source buses the host enabled (1..{@link Layout#MAX_SOURCES})
     * @param activeCues    how many cue buses the host enabled (1..{@link Layout#MAX_CUES})
     */
    void prepare(double sampleRate, int maxBlockSize, int activeSources, int activeCues);

    /**
     * Mixes one block.
     *
     * @param inputs     channel arrays, source s (0-based) at [2s] (left) and [2s+1] (right);
     *                   at least {@code 2 * activeSources} of them, each at least numSamples long
     * @param outputs    channel arrays, cue c (0-based) at [2c] and [2c+1]; at least
     *                   {@code 2 * activeCues}
     * @param numSamples 0..maxBlockSize
     */
    void process(float[][] inputs, float[][] outputs, int numSamples);

    /** Frees what prepare allocated. Safe to call without prepare. */
    void release();

    /** The live parameter values, written by any thread, read by the audio thread. */
    ParamStore params();
}
