package org.foldback.control;

/**
 * How much of each audio period this instance takes, as the shim measures it around every
 * processBlock (native/shim/BlockTelemetry.h), for the editor's "DSP 7 %  late 0". A reusable
 * holder: {@link Controller#readDspLoad} fills it without allocating.
 */
public final class DspLoad {
    /** False until the host has played since the plugin was prepared (or without a shim). */
    public boolean known;
    /** processBlock time over the audio's duration in the last interval (about half a second), percent. */
    public double percent;
    /** Blocks since prepare whose processBlock took over half their period. */
    public long lateBlocks;
    /** Blocks since prepare. */
    public long blocks;
    /** The slowest processBlock since prepare, milliseconds. */
    public double worstMillis;
}
