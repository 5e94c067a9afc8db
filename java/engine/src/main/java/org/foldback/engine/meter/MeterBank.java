package org.foldback.engine.meter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.foldback.engine.BusTap;
import org.foldback.engine.SeqlockSlots;

/**
 * Meters for N stereo buses, fed on the audio thread through {@link BusTap} and read by any number
 * of other threads without locks.
 *
 * <p>Publication is a seqlock per bus ({@link SeqlockSlots}): the audio thread is the single
 * writer; readers never block it, and neither side allocates.
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
    private static final VarHandle MASK = MethodHandles.arrayElementVarHandle(int[].class);

    private final BusMeter[] meters;
    private final SeqlockSlots published;
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
        published = new SeqlockSlots(buses, MeterReading.SLOTS);
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
        published.beginWrite(bus);
        meters[bus].store(published.values(), published.offset(bus));
        published.endWrite(bus);
    }

    /** Any thread: fills {@code into} with a consistent snapshot of bus {@code bus}. Lock-free, no allocation. */
    public void read(int bus, MeterReading into) {
        published.read(bus, into.raw);
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
