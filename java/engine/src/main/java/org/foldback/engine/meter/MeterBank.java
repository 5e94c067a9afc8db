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
 *
 * <p>Meters cost what is read: each bus computes its {@link #floor floor} (what must accumulate
 * whether or not anyone looks; {@link MeterDemand#ALL} unless the owner lowers it) plus what its
 * readers {@link #demand demand}. Both are plain ints that any thread sets and the audio thread
 * reads once per block with an opaque read: no lock, no allocation, effective from the bus's next
 * block. A unit switched on restarts (see {@link MeterDemand}).
 */
public final class MeterBank implements BusTap {
    private static final VarHandle SEQUENCE = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle MASK = MethodHandles.arrayElementVarHandle(int[].class);
    /** Sequences are spaced a cache line apart so buses do not share lines. */
    private static final int SEQUENCE_STRIDE = 8;

    private final BusMeter[] meters;
    private final double[] published;
    private final long[] sequences;
    private final AtomicIntegerArray resets;
    private final int[] floors;
    private final int[] demands;

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
        floors = new int[buses];
        demands = new int[buses];
        java.util.Arrays.fill(floors, MeterDemand.ALL);
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
        int want = (int) MASK.getOpaque(floors, bus) | (int) MASK.getOpaque(demands, bus);
        if (want != m.demand()) {
            m.demand(want);
        }
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

    /**
     * Any thread: what the readers of bus {@code bus} look at (bits of {@link MeterDemand}), on top
     * of its floor. Replaces the previous demand; a surface that stops reading sets 0. Several
     * surfaces reading one bus pass the union of their masks (the controller keeps it).
     */
    public void demand(int bus, int mask) {
        MASK.setOpaque(demands, bus, mask & MeterDemand.ALL);
    }

    /** Any thread: the demand last set for bus {@code bus} (without the floor). */
    public int demand(int bus) {
        return (int) MASK.getOpaque(demands, bus);
    }

    /**
     * Any thread, normally the owner once at construction: what bus {@code bus} computes when no
     * reader demands more, i.e. what must accumulate there (see {@link MeterDemand#SOURCE_DEFAULT},
     * {@link MeterDemand#CUE_DEFAULT}). {@link MeterDemand#ALWAYS} is always added.
     */
    public void floor(int bus, int mask) {
        MASK.setOpaque(floors, bus, (mask & MeterDemand.ALL) | MeterDemand.ALWAYS);
    }

    /** Any thread: the floor of bus {@code bus}. */
    public int floor(int bus) {
        return (int) MASK.getOpaque(floors, bus);
    }

    /** Any thread: what bus {@code bus} computes from its next block on (floor and demand). */
    public int computed(int bus) {
        return floor(bus) | demand(bus);
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
