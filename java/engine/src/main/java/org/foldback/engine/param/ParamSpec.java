package org.foldback.engine.param;

import java.util.List;

/**
 * One parameter, declared once. The ID is stable forever once released: host sessions and
 * automation refer to it.
 *
 * @param index   position in {@link Params#TABLE}, also the index into {@link ParamStore}
 * @param id      stable, readable ID such as {@code cue3.src5.level}
 * @param name    what a host shows, such as {@code Cue 3 Src 5 Level}
 * @param address its role and the cue and source it belongs to
 * @param shape   its unit, range, default, kind, ramp time
 */
public record ParamSpec(int index, String id, String name, ParamAddress address, ParamShape shape) {

    /** Levels at or below this many dB are silence. */
    public static final float MINUS_INF_DB = -90f;

    public ParamRole role() {
        return address.role();
    }

    /** "dB", or "" for pans, toggles and choices. */
    public String unit() {
        return shape.unit();
    }

    /** Lowest plain value; for dB levels the minimum means "off" (-inf). */
    public float min() {
        return shape.min();
    }

    public float max() {
        return shape.max();
    }

    /** Plain value at load. */
    public float defaultValue() {
        return shape.defaultValue();
    }

    public ParamKind kind() {
        return shape.kind();
    }

    /** Labels for CHOICE (value = index) and BOOL, empty for FLOAT. */
    public List<String> choices() {
        return shape.choices();
    }

    /** How long the engine ramps to a new value (a gain ramp or a crossfade); the engine sizes its ramps from it. */
    public float smoothingMs() {
        return shape.smoothingMs();
    }

    /** False for setup choices a host should not automate. */
    public boolean automatable() {
        return shape.automatable();
    }

    /** Whether {@code plain} is this parameter's Off position (a high-pass or maximum level switched off). */
    public boolean isOff(float plain) {
        return plain < shape.offBelow();
    }

    /** Whether the parameter has an Off position below its settings ({@link #isOff}). */
    public boolean hasOff() {
        return !Float.isNaN(shape.offBelow());
    }

    /** The lowest value that is a setting rather than Off (NaN without an Off position). */
    public float offBelow() {
        return shape.offBelow();
    }

    /** Clamps a plain value into range and, for toggles and choices, to a whole step. */
    public float clamp(float value) {
        if (Float.isNaN(value)) {
            return defaultValue();
        }
        float v = Math.max(min(), Math.min(max(), value));
        return kind() == ParamKind.FLOAT ? v : Math.round(v);
    }

    /** Plain value to 0..1, as hosts see it. */
    public float normalize(float plain) {
        return (clamp(plain) - min()) / (max() - min());
    }

    /** 0..1 to plain value. */
    public float denormalize(float normalized) {
        float n = Math.max(0f, Math.min(1f, normalized));
        return clamp(min() + n * (max() - min()));
    }

    /** Whether this is a dB level whose minimum stands for -inf. */
    public boolean isLevelDb() {
        return kind() == ParamKind.FLOAT && "dB".equals(unit()) && min() <= MINUS_INF_DB;
    }
}
