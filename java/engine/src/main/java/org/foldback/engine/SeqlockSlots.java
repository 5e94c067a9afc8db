package org.foldback.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Records of doubles written by one thread (the audio thread) and read by any number of others,
 * without locks: a seqlock per record. The writer makes the record's sequence odd, writes the
 * values, and makes it even again; a reader copies the values between two reads of the sequence
 * and retries if the sequence was odd or changed. Neither side allocates or blocks; a reader can
 * only spin for as long as one publication takes. MeterBank and DoseBank publish through this.
 */
public final class SeqlockSlots {
    private static final VarHandle SEQUENCE = MethodHandles.arrayElementVarHandle(long[].class);
    /** Sequences are spaced a cache line apart so records do not share lines. */
    private static final int SEQUENCE_STRIDE = 8;

    private final int slots;
    private final double[] published;
    private final long[] sequences;

    /** {@code records} records of {@code slots} doubles each. */
    public SeqlockSlots(int records, int slots) {
        this.slots = slots;
        published = new double[records * slots];
        sequences = new long[records * SEQUENCE_STRIDE];
    }

    /** The single writer: record {@code record} is being written; readers wait until {@link #endWrite}. */
    public void beginWrite(int record) {
        int s = record * SEQUENCE_STRIDE;
        long seq = (long) SEQUENCE.getOpaque(sequences, s);
        SEQUENCE.setOpaque(sequences, s, seq + 1);
        VarHandle.storeStoreFence();
    }

    /** Where the writer puts record {@code record}'s values: {@link #values()} from this offset. */
    public int offset(int record) {
        return record * slots;
    }

    /** The published values; only the writer writes, between begin and end. */
    public double[] values() {
        return published;
    }

    /** The single writer: record {@code record} is complete. */
    public void endWrite(int record) {
        int s = record * SEQUENCE_STRIDE;
        long seq = (long) SEQUENCE.getOpaque(sequences, s);
        SEQUENCE.setRelease(sequences, s, seq + 1);
    }

    /** Any thread: copies a consistent snapshot of record {@code record} into {@code into}. */
    public void read(int record, double[] into) {
        int s = record * SEQUENCE_STRIDE;
        int base = record * slots;
        while (true) {
            long before = (long) SEQUENCE.getAcquire(sequences, s);
            if ((before & 1) == 0) {
                System.arraycopy(published, base, into, 0, slots);
                VarHandle.loadLoadFence();
                long after = (long) SEQUENCE.getAcquire(sequences, s);
                if (before == after) {
                    return;
                }
            }
            Thread.onSpinWait();
        }
    }
}
