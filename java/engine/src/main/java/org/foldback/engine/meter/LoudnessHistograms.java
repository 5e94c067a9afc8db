package org.foldback.engine.meter;

/**
 * The two histograms one bus's loudness integrates into: momentary blocks for the integrated
 * loudness, short-term values for the loudness range. 2 x 96 kB, the bulk of a meter's memory,
 * so they are one object: made on a thread that may allocate and handed to the audio thread as a
 * single reference ({@link MeterBank}), whose final fields make them arrive fully built.
 */
final class LoudnessHistograms {
    final LoudnessHistogram integratedBlocks = new LoudnessHistogram();
    final LoudnessHistogram shortTermValues = new LoudnessHistogram();
}
