package org.foldback.engine.meter;

/**
 * Root-mean-square level over a rectangular 300 ms window that advances in 10 ms steps (30 slots of
 * fs/100 samples each). Summing whole slots instead of a per-sample running sum keeps memory small
 * and has no floating-point drift. The reading changes every 10 ms.
 */
final class RmsWindow {
    static final int SLOTS = 30;
    static final double SLOT_SECONDS = 0.010;

    private final double[] slots = new double[SLOTS];
    private int slotSamples;
    private int next;
    private double meanSquare;

    void prepare(double fs) {
        slotSamples = Math.max(1, (int) Math.round(fs * SLOT_SECONDS));
        reset();
    }

    void reset() {
        java.util.Arrays.fill(slots, 0);
        next = 0;
        meanSquare = 0;
    }

    int slotSamples() {
        return slotSamples;
    }

    /** Ends a slot whose sum of squares was {@code sumSq}. */
    void endSlot(double sumSq) {
        slots[next] = sumSq;
        next = next + 1 == SLOTS ? 0 : next + 1;
        double total = 0;
        for (double s : slots) {
            total += s;
        }
        meanSquare = total / ((double) SLOTS * slotSamples);
    }

    double meanSquare() {
        return meanSquare;
    }
}
