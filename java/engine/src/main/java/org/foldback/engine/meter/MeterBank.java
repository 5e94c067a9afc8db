package org.foldback.engine.meter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.foldback.engine.BusTap;

/**
 * Meters for N stereo buses, fed on the audio thread through {@link BusTap} and read by any number
 * of other threads without locks.
 *
 * <p>Publication is a seqlock per bus: the audio thread (the single writer) makes the bus's
 * sequence odd, writes the values, and makes it even again; a reader copies the values between
 * two reads of the sequence and retries if the sequence was odd or changed. Neither side allocates
 * or blocks; a reader can only spin for as long as one publication takes.
 *
 * <p>Resets are requested by readers through per-bus atomic flags that the audio thread applies
 * at the start of that bus's next block.
 */
public final class MeterBank implements BusTap {
    private static final VarHandle SEQUENCE = MethodHandles.arrayElementVarHandle(long[].class);
    /** Sequences are spaced a cache line apart so buses do not share lines. */
    private static final int SEQUENCE_STRIDE = 8;

    private final BusMeter[] meters;
    private final double[] published;
    private final long[] sequences;
    private final AtomicIntegerArray resets;

    public MeterBank(int buses) {
        if (buses <= 0) {
            throw new IllegalArgumentException("buses must be positive: " + buses);
        }
        meters = new BusMeter[buses];
        for (int b = 0; b < buses; b++) {
            meters[b] = new BusMeter(b);
        }
        published = new double[buses * MeterReading.SLOTS];
        sequences = new long[buses * SEQUENCE_STRIDE];
        resets = new AtomicIntegerArray(buses);
        for (int b = 0; b < buses; b++) {
            publish(b); // readers before prepare() see silence, not zeros (0 dBFS)
        }
    }

    public int buses() {
        return meters.length;
    }

    /** Sets the sample rate of every bus and clears all meters. Allocates; not on the audio thread. */
    public void prepare(double sampleRate) {
        for (int b = 0; b < meters.length; b++) {
            meters[b].prepare(sampleRate);
            publish(b);
        }
    }

    /** Audio thread: meters one block of bus {@code bus} and publishes its values. */
    @Override
    public void accept(int bus, float[] left, float[] right, int numSamples) {
        BusMeter m = meters[bus];
        if (resets.get(bus) != 0) {
            m.reset(resets.getAndSet(bus, 0));
        }
        m.accept(left, right, numSamples);
        publish(bus);
    }

    private void publish(int bus) {
        int s = bus * SEQUENCE_STRIDE;
        long seq = (long) SEQUENCE.getOpaque(sequences, s);
        SEQUENCE.setOpaque(sequences, s, seq + 1);
        VarHandle.storeStoreFence();
        meters[bus].store(published, bus * MeterReading.SLOTS);
        SEQUENCE.setRelease(sequences, s, seq + 2);
    }

    /** Any thread: fills {@code into} with a consistent snapshot of bus {@code bus}. Lock-free, no allocation. */
    public void read(int bus, MeterReading into) {
        int s = bus * SEQUENCE_STRIDE;
        int base = bus * MeterReading.SLOTS;
        while (true) {
            long before = (long) SEQUENCE.getAcquire(sequences, s);
            if ((before & 1) == 0) {
                System.arraycopy(published, base, into.raw, 0, MeterReading.SLOTS);
                VarHandle.loadLoadFence();
                long after = (long) SEQUENCE.getAcquire(sequences, s);
                if (before == after) {
                    break;
                }
            }
            Thread.onSpinWait();
        }
        into.unpack();
    }

    /** Any thread: asks the audio thread to reset parts of one bus at its next block (see BusMeter.RESET_*). */
    public void requestReset(int bus, int what) {
        int prev;
        do {
            prev = resets.get(bus);
        } while (!resets.compareAndSet(bus, prev, prev | what));
    }

    /** Any thread: {@link #requestReset} for every bus. */
    public void requestResetAll(int what) {
        for (int b = 0; b < meters.length; b++) {
            requestReset(b, what);
        }
    }
}
