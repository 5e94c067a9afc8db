package org.foldback.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.foldback.engine.param.ParamSpec;
import org.foldback.engine.param.ParamStore;
import org.foldback.engine.param.Params;

/**
 * One set of parameter values (an A/B slot), by table index, plus the parameters a newer version
 * wrote that this version does not know. Those are kept, in file order, so saving again loses
 * nothing. Not thread-safe: lives on the message or background thread, never the audio thread.
 */
public final class ParamValues {
    private final float[] values;
    private final LinkedHashMap<String, JsonNode> unknown;

    private ParamValues(float[] values, LinkedHashMap<String, JsonNode> unknown) {
        this.values = values;
        this.unknown = unknown;
    }

    /** Every parameter at its default. */
    public static ParamValues defaults() {
        return new ParamValues(Params.defaults(), new LinkedHashMap<>());
    }

    /** The values a live store holds now. */
    public static ParamValues of(ParamStore store) {
        ParamValues v = defaults();
        v.copyFrom(store);
        return v;
    }

    public ParamValues copy() {
        return new ParamValues(values.clone(), new LinkedHashMap<>(unknown));
    }

    public float get(int index) {
        return values[index];
    }

    /** The value of a known ID; throws IllegalArgumentException for an unknown one. */
    public float get(String id) {
        return values[spec(id).index()];
    }

    /** Sets a value, clamped to the parameter's range as {@link ParamStore} would. */
    public void set(int index, float value) {
        values[index] = Params.get(index).clamp(value);
    }

    /** Sets a host's normalized value (0-1), as {@link ParamStore#setNormalized} would store it. */
    public void setNormalized(int index, float normalized) {
        set(index, Params.get(index).denormalize(normalized));
    }

    public void set(String id, float value) {
        set(spec(id).index(), value);
    }

    /** Parameters from a newer version, kept to be written back; read-only view. */
    public Map<String, JsonNode> unknown() {
        return Collections.unmodifiableMap(unknown);
    }

    void putUnknown(String id, JsonNode value) {
        unknown.put(id, value);
    }

    /** Reads every value from the live store (the unknown ones stay as they are). */
    public void copyFrom(ParamStore store) {
        for (int i = 0; i < values.length; i++) {
            values[i] = store.get(i);
        }
    }

    /**
     * Writes every value into the live store. Each {@link ParamStore#set} is atomic and
     * lock-free, so this is safe while audio runs; the engine smooths the change.
     */
    public void applyTo(ParamStore store) {
        for (int i = 0; i < values.length; i++) {
            store.set(i, values[i]);
        }
    }

    /** Whether both hold the same bits for every known parameter and the same unknown ones. */
    public boolean sameAs(ParamValues other) {
        for (int i = 0; i < values.length; i++) {
            if (Float.floatToRawIntBits(values[i]) != Float.floatToRawIntBits(other.values[i])) {
                return false;
            }
        }
        return unknown.equals(other.unknown);
    }

    private static ParamSpec spec(String id) {
        ParamSpec p = Params.byId(id);
        if (p == null) {
            throw new IllegalArgumentException("no parameter with ID '" + id + "'");
        }
        return p;
    }
}
