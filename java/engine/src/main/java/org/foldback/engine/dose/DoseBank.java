package org.foldback.engine.dose;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import org.foldback.engine.BusTap;
import org.foldback.engine.SeqlockSlots;
import org.foldback.engine.meter.BlockQueue;
import org.foldback.engine.meter.WeightingLanes;
import org.foldback.engine.simd.KWeightingKernel;
import org.foldback.engine.simd.Simd;

/**
 * The hearing dose of every cue, fed on the audio thread through {@link BusTap} (the cue's final
 * output) and read by any thread without locks, with the protocol of
 * {@link org.foldback.engine.meter.MeterBank}: a seqlock per cue, the audio thread the single
 * writer. Calibrations and resets travel the other way through atomics that the audio thread
 * applies at the start of that cue's next block. A reading is published when a second completes
 * and when a calibration or reset is applied.
 *
 * <p>Where the JVM has the Vector API, the owner feeds the bank through {@link #deferred()} and
 * calls {@link #endBlock()} after each block: the calibrated cues' A-weighting then runs side by
 * side in vector lanes ({@link WeightingLanes}, the meters' machinery), with each cue's filter's
 * bits, instead of one latency-bound cue after another (it was 15 % of the engine's time with
 * every cue calibrated). Without the module the deferred tap measures at once; while the kernels
 * are cold or once they are switched off ({@link Simd#cold}, {@link Simd#fallBack}),
 * {@link #endBlock()} measures the queued cues one at a time, and the filter states are handed
 * over between the lanes and the cues' own filters when that changes, as in MeterBank.
 */
public final class DoseBank implements BusTap {
    private static final long UNCALIBRATED = Double.doubleToRawLongBits(Double.NaN);

    private final HearingDose[] doses;
    private final DoseReading packer = new DoseReading();
    private final SeqlockSlots published;
    private final AtomicIntegerArray resets;
    private final AtomicLongArray calibrations;

    private static final KWeightingKernel VECTOR = Simd.kernel(KWeightingKernel.class, "VectorKWeighting", null, WeightingLanes.CHUNK);
    /** The cues' A-weighting side by side, or null (no Vector API): each cue filters its own. */
    private final WeightingLanes lanes;
    /** What {@link #deferred()} queued this block. */
    private final BlockQueue queue;
    private final BusTap deferred;
    private final boolean[] changed;
    /** Whether the last block weighed in the lanes: their filter state is the current one. */
    private boolean inLanes;

    public DoseBank(int cues) {
        if (cues <= 0) {
            throw new IllegalArgumentException("cues must be positive: " + cues);
        }
        doses = new HearingDose[cues];
        published = new SeqlockSlots(cues, DoseReading.SLOTS);
        resets = new AtomicIntegerArray(cues);
        calibrations = new AtomicLongArray(cues);
        lanes = VECTOR == null ? null : new WeightingLanes(cues, VECTOR, 3);
        queue = new BlockQueue(cues);
        deferred = lanes == null ? this : this::enqueue;
        changed = new boolean[cues];
        for (int c = 0; c < cues; c++) {
            doses[c] = new HearingDose();
            calibrations.set(c, UNCALIBRATED);
            publish(c);
        }
    }

    /** Sets the sample rate of every cue; the doses so far are kept. Allocates; not on the audio thread. */
    public void prepare(double sampleRate) {
        for (int c = 0; c < doses.length; c++) {
            doses[c].prepare(sampleRate);
            publish(c);
        }
        if (lanes != null) {
            lanes.prepare(new AWeighting(sampleRate).sections);
        }
        queue.clear();
    }

    /** Any thread: "0 dBFS = {@code dbSpl} dB SPL" for this cue's amp and headphones; NaN clears it. */
    public void setCalibration(int cue, double dbSpl) {
        if (!Double.isNaN(dbSpl) && !(dbSpl > 0 && dbSpl < 200)) {
            throw new IllegalArgumentException("calibration must be between 0 and 200 dB SPL: " + dbSpl);
        }
        calibrations.set(cue, Double.doubleToRawLongBits(Double.isNaN(dbSpl) ? Double.NaN : dbSpl));
    }

    /** Any thread: the calibration last set for this cue (NaN = none). */
    public double calibration(int cue) {
        return Double.longBitsToDouble(calibrations.get(cue));
    }

    /** Any thread: clears this cue's dose at its next block. */
    public void requestReset(int cue) {
        resets.set(cue, 1);
    }

    /** Audio thread: measures one block of cue {@code cue}. */
    @Override
    public void accept(int cue, float[] left, float[] right, int numSamples) {
        boolean changed = takeRequests(cue);
        if (doses[cue].accept(left, right, numSamples) | changed) {
            publish(cue);
        }
    }

    /** Applies a reset and a calibration asked for since the cue's last block; true if either was. */
    private boolean takeRequests(int cue) {
        HearingDose d = doses[cue];
        boolean changed = false;
        if (resets.get(cue) != 0 && resets.getAndSet(cue, 0) != 0) {
            d.reset();
            changed = true;
        }
        double calibration = Double.longBitsToDouble(calibrations.get(cue));
        if (Double.doubleToRawLongBits(calibration) != Double.doubleToRawLongBits(d.calibration())) {
            d.setCalibration(calibration);
            if (lanes != null) {
                lanes.reset(cue); // the weighting restarts with the calibration
            }
            changed = true;
        }
        return changed;
    }

    /**
     * The tap for an owner that calls {@link #endBlock()} after each block: it queues the cues (their
     * channels must stay untouched until then) where the Vector API can weigh them side by side,
     * else it is this bank, measuring at once. Made once; no allocation per call.
     */
    public BusTap deferred() {
        return deferred;
    }

    private void enqueue(int cue, float[] left, float[] right, int numSamples) {
        if (!queue.fits(cue, numSamples)) {
            endBlock(); // not one block (no owner does this): measure what is queued first
        }
        queue.add(cue, left, right, numSamples);
    }

    /** Audio thread: measures and, where a second completed, publishes the cues queued this block. */
    public void endBlock() {
        final int count = queue.count(), n = queue.samples();
        if (count == 0) {
            return;
        }
        boolean lanesNow = Simd.on();
        if (lanesNow != inLanes) {
            // The kernels came on or went off: the A-weighting goes on from the other form's state.
            for (int cue = 0; cue < doses.length; cue++) {
                doses[cue].handOver(lanes, cue, lanesNow);
            }
            inLanes = lanesNow;
        }
        if (!lanesNow) {
            // Kernels cold or off: each cue is measured on its own, as the immediate tap does.
            queue.drainInto(this);
            return;
        }
        boolean[] changed = this.changed;
        for (int q = 0; q < count; q++) {
            changed[q] = takeRequests(queue.bus(q));
        }
        for (int from = 0; from < n; from += WeightingLanes.CHUNK) {
            int part = Math.min(WeightingLanes.CHUNK, n - from);
            boolean weigh = false;
            for (int q = 0; q < count; q++) {
                int cue = queue.bus(q);
                if (doses[cue].isCalibrated()) {
                    lanes.load(cue, queue.left(cue), queue.right(cue), from, part);
                    weigh = true;
                }
            }
            if (weigh) {
                lanes.run(part);
            }
            for (int q = 0; q < count; q++) {
                int cue = queue.bus(q);
                changed[q] |= doses[cue].accept(queue.left(cue), queue.right(cue), from, part, lanes, cue);
            }
        }
        for (int q = 0; q < count; q++) {
            int cue = queue.bus(q);
            if (changed[q]) {
                publish(cue);
            }
        }
        queue.clear();
    }

    /** Publishes cue {@code cue}'s dose to readers (the seqlock's single writer: the audio thread, or a warm-up on its own bank). */
    void publish(int cue) {
        packer.pack(doses[cue]);
        published.beginWrite(cue);
        System.arraycopy(packer.raw, 0, published.values(), published.offset(cue), DoseReading.SLOTS);
        published.endWrite(cue);
    }

    /** Any thread: a consistent snapshot of one cue's dose. Lock-free, no allocation. */
    public void read(int cue, DoseReading into) {
        published.read(cue, into.raw);
        into.unpack();
    }

    public int cues() {
        return doses.length;
    }

    /** Cue {@code cue}'s dose itself, for {@link DoseSecondWarmup} on its own bank. */
    HearingDose dose(int cue) {
        return doses[cue];
    }
}
