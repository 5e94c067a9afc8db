package org.foldback.engine.meter;

import org.foldback.engine.BusTap;

/**
 * The buses handed to a bank during one block, kept with their channels until the bank weighs them
 * side by side at the block's end (MeterBank's K-weighting, DoseBank's A-weighting, in
 * {@link WeightingLanes}). The channels must stay untouched until then; the engine hands over
 * buffers it does not write again within the block. Audio thread only; no allocation.
 */
public final class BlockQueue {
    private final int[] order;
    private final float[][] left;
    private final float[][] right;
    /** Per bus: handed over as digital silence ({@link BusTap#acceptSilent}). */
    private final boolean[] silent;
    private int count;
    private int samples;

    public BlockQueue(int buses) {
        order = new int[buses];
        left = new float[buses][];
        right = new float[buses][];
        silent = new boolean[buses];
    }

    /**
     * Whether {@code bus} can join this block's queue: not queued yet, and as long as the rest. When
     * not (no owner does this), the bank weighs what is queued first.
     */
    public boolean fits(int bus, int numSamples) {
        return left[bus] == null && (count == 0 || numSamples == samples);
    }

    public void add(int bus, float[] l, float[] r, int numSamples) {
        add(bus, l, r, numSamples, false);
    }

    /** {@link #add}, saying whether the caller knows the block to be digital silence ({@link BusTap#acceptSilent}). */
    public void add(int bus, float[] l, float[] r, int numSamples, boolean silentBlock) {
        order[count++] = bus;
        left[bus] = l;
        right[bus] = r;
        silent[bus] = silentBlock;
        samples = numSamples;
    }

    /** Whether {@code bus} came as digital silence this block. */
    public boolean silent(int bus) {
        return silent[bus];
    }

    /** Buses queued, in the order they came. */
    public int count() {
        return count;
    }

    /** The {@code q}-th bus queued. */
    public int bus(int q) {
        return order[q];
    }

    /** The queued buses' block length. */
    public int samples() {
        return samples;
    }

    public float[] left(int bus) {
        return left[bus];
    }

    public float[] right(int bus) {
        return right[bus];
    }

    /**
     * Hands every queued bus to {@code tap} one by one, in the order queued, then empties the queue:
     * what a bank does when its lanes are off (the kernels switched off by Simd.fallBack).
     */
    public void drainInto(BusTap tap) {
        for (int q = 0; q < count; q++) {
            int bus = order[q];
            if (silent[bus]) {
                tap.acceptSilent(bus, left[bus], right[bus], samples);
            } else {
                tap.accept(bus, left[bus], right[bus], samples);
            }
        }
        clear();
    }

    /** Empties the queue and lets go of the channels. */
    public void clear() {
        for (int q = 0; q < count; q++) {
            left[order[q]] = right[order[q]] = null;
        }
        count = 0;
    }
}
