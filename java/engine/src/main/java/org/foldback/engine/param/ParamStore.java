package org.foldback.engine.param;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live plain values of every parameter, one slot per {@link Params#TABLE} entry.
 *
 * <p>Any thread may write; the audio thread reads. Each slot is an atomic int holding the float's
 * bits, so a read never tears, never locks and never allocates. Writes are clamped to the
 * parameter's range, so the audio thread can trust what it reads.
 *
 * <p>Two counters let a reader follow along without comparing every slot: {@link #version()}
 * moves on every write, and {@link #changeAll} brackets a scene change (a state, a program, an
 * A/B switch) so the engine can fade out, take the whole scene at once and fade back in.
 */
public final class ParamStore implements ParamReader {
    private final AtomicIntegerArray bits;
    private final AtomicLong version = new AtomicLong();
    private final AtomicInteger scenesStarted = new AtomicInteger();
    private final AtomicInteger scenesFinished = new AtomicInteger();

    /** A store holding every parameter's default. */
    public ParamStore() {
        bits = new AtomicIntegerArray(Params.sharedDefaultBits()); // a copy: resetToDefaults in one step
        version.incrementAndGet();
    }

    public void resetToDefaults() {
        int[] defaults = Params.sharedDefaultBits(); // the same defaults the constructor copies
        for (int i = 0; i < defaults.length; i++) {
            bits.set(i, defaults[i]);
        }
        version.incrementAndGet();
    }

    /** The plain value at {@code index}. Real-time safe (as are {@code isOn} and {@code choice}). */
    @Override
    public float get(int index) {
        return Float.intBitsToFloat(bits.getOpaque(index));
    }

    /** Sets a plain value, clamped to the parameter's range. Real-time safe. */
    public void set(int index, float plainValue) {
        float v = Params.get(index).clamp(plainValue);
        bits.setRelease(index, Float.floatToRawIntBits(v));
        version.incrementAndGet();
    }

    /** Sets a value given as 0..1, as hosts send it. */
    public void setNormalized(int index, float normalized) {
        set(index, Params.get(index).denormalize(normalized));
    }

    public int size() {
        return bits.length();
    }

    /** Copies every value from another store. Real-time safe. */
    public void copyFrom(ParamStore other) {
        for (int i = 0; i < size(); i++) {
            bits.setOpaque(i, other.bits.getAcquire(i));
        }
        version.incrementAndGet();
    }

    /** Moves on with every write; equal readings mean nothing was written in between. Real-time safe. */
    public long version() {
        return version.getAcquire();
    }

    /**
     * Runs {@code change}, which sets many values, as one scene change: the engine keeps playing
     * the old values, fades out, takes all the new ones at once and fades back in, instead of
     * ramping each parameter on its own (see CueEngine). Any thread but the audio thread.
     */
    public void changeAll(Runnable change) {
        scenesStarted.incrementAndGet();
        try {
            change.run();
        } finally {
            scenesFinished.incrementAndGet();
        }
    }

    /** How many scene changes have begun. Real-time safe. */
    public int scenesStarted() {
        return scenesStarted.get();
    }

    /** How many scene changes have ended; equal to {@link #scenesStarted()} when none is under way. */
    public int scenesFinished() {
        return scenesFinished.get();
    }
}
