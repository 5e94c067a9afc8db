package org.foldback.engine.dose;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import org.foldback.engine.BusTap;
import org.foldback.engine.SeqlockSlots;

/**
 * The hearing dose of every cue, fed on the audio thread through {@link BusTap} (the cue's final
 * output) and read by any thread without locks, with the protocol of
 * {@link org.foldback.engine.meter.MeterBank}: a seqlock per cue, the audio thread the single
 * writer. Calibrations and resets travel the other way through atomics that the audio thread
 * applies at the start of that cue's next block. A reading is published when a second completes
 * and when a calibration or reset is applied.
 */
public final class DoseBank implements BusTap {
    private static final long UNCALIBRATED = Double.doubleToRawLongBits(Double.NaN);

    private final HearingDose[] doses;
    private final DoseReading packer = new DoseReading();
    private final SeqlockSlots published;
    private final AtomicIntegerArray resets;
    private final AtomicLongArray calibrations;

    public DoseBank(int cues) {
        if (cues <= 0) {
            throw new IllegalArgumentException("cues must be positive: " + cues);
        }
        doses = new HearingDose[cues];
        published = new SeqlockSlots(cues, DoseReading.SLOTS);
        resets = new AtomicIntegerArray(cues);
        calibrations = new AtomicLongArray(cues);
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

    /** Audio thread. */
    @Override
    public void accept(int cue, float[] left, float[] right, int numSamples) {
        HearingDose d = doses[cue];
        boolean changed = false;
        if (resets.get(cue) != 0 && resets.getAndSet(cue, 0) != 0) {
            d.reset();
            changed = true;
        }
        double calibration = Double.longBitsToDouble(calibrations.get(cue));
        if (Double.doubleToRawLongBits(calibration) != Double.doubleToRawLongBits(d.calibration())) {
            d.setCalibration(calibration);
            changed = true;
        }
        if (d.accept(left, right, numSamples) | changed) {
            publish(cue);
        }
    }

    private void publish(int cue) {
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
}
