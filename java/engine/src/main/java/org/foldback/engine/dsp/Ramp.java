package org.foldback.engine.dsp;

/**
 * A linear ramp towards a target over a fixed number of samples, advanced a block at a time.
 *
 * <p>Linear (not exponential) on purpose: it lands exactly on its target after its length, so it
 * never leaves a tail of ever-smaller values (no denormals), and its steepest step is known:
 * {@code |target - start| / length} per sample. A new target restarts the ramp from where it is.
 */
public final class Ramp {
    private float current;
    private float target;
    private float start;
    private int remaining;
    private int length = 1;

    /** Sets how many samples a full ramp takes (at least 1). */
    public void setLength(int samples) {
        length = Math.max(1, samples);
    }

    public int length() {
        return length;
    }

    /** Jumps to a value with no ramp. */
    public void reset(float value) {
        current = value;
        target = value;
        start = value;
        remaining = 0;
    }

    /** Heads for {@code value}; if {@code snap}, jumps there instead. */
    public void setTarget(float value, boolean snap) {
        if (snap) {
            reset(value);
        } else if (value != target) {
            target = value;
            start = current;
            remaining = length;
        }
    }

    /** Moves {@code n} samples along and returns the value reached. */
    public float advance(int n) {
        if (remaining > 0) {
            if (n >= remaining) {
                current = target;
                remaining = 0;
            } else {
                remaining -= n;
                // From the start each time (not by accumulated steps): no rounding drift.
                current = (float) (start + (target - (double) start) * (length - remaining) / length);
            }
        }
        return current;
    }

    public float current() {
        return current;
    }

    public float target() {
        return target;
    }

    public boolean isMoving() {
        return remaining > 0;
    }

    /** Samples needed for {@code ms} milliseconds at {@code sampleRate}, at least 1. */
    public static int samplesFor(float ms, double sampleRate) {
        return (int) Math.max(1, Math.round(ms * sampleRate / 1000.0));
    }
}
