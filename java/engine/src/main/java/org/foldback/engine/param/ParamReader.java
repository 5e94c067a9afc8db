package org.foldback.engine.param;

/**
 * Reads parameter values (plain units), never writes: what a control surface gets to draw from
 * (the live {@link ParamStore}, without a way to change it behind the host's back).
 */
public interface ParamReader {
    /** The plain value at {@code index}. Real-time safe in every implementation. */
    float get(int index);

    /** A toggle's state. */
    default boolean isOn(int index) {
        return get(index) >= 0.5f;
    }

    /** A choice's index. */
    default int choice(int index) {
        return (int) get(index);
    }

    /** The value as hosts hold it, 0..1. */
    default float normalized(int index) {
        return Params.get(index).normalize(get(index));
    }
}
