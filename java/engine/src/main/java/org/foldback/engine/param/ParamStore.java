package org.foldback.engine.param;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The live plain values of every parameter, one slot per {@link Params#TABLE} entry.
 *
 * <p>Any thread may write; the audio thread reads. Each slot is an atomic int holding the float's
 * bits, so a read never tears, never locks and never allocates. Writes are clamped to the
 * parameter's range, so the audio thread can trust what it reads.
 */
public final class ParamStore {
    private final AtomicIntegerArray bits;

    /** A store holding every parameter's default. */
    public ParamStore() {
        bits = new AtomicIntegerArray(Params.count());
        resetToDefaults();
    }

    public void resetToDefaults() {
        for (ParamSpec p : Params.TABLE) {
            bits.set(p.index(), Float.floatToRawIntBits(p.defaultValue()));
        }
    }

    /** The plain value at {@code index}. Real-time safe. */
    public float get(int index) {
        return Float.intBitsToFloat(bits.getOpaque(index));
    }

    /** A toggle's state. Real-time safe. */
    public boolean isOn(int index) {
        return get(index) >= 0.5f;
    }

    /** A choice's index. Real-time safe. */
    public int choice(int index) {
        return (int) get(index);
    }

    /** Sets a plain value, clamped to the parameter's range. Real-time safe. */
    public void set(int index, float plainValue) {
        float v = Params.get(index).clamp(plainValue);
        bits.setRelease(index, Float.floatToRawIntBits(v));
    }

    /** Sets a value given as 0..1, as hosts send it. */
    public void setNormalized(int index, float normalized) {
        set(index, Params.get(index).denormalize(normalized));
    }

    public int size() {
        return bits.length();
    }

    /** Copies every value from another store. */
    public void copyFrom(ParamStore other) {
        for (int i = 0; i < size(); i++) {
            bits.set(i, other.bits.get(i));
        }
    }
}
