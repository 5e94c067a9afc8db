package org.foldback.engine.param;

import java.util.List;

/**
 * One parameter, declared once. The ID is stable forever once released: host sessions and
 * automation refer to it.
 *
 * @param index       position in {@link Params#TABLE}, also the index into {@link ParamStore}
 * @param id          stable, readable ID such as {@code cue3.src5.level}
 * @param name        what a host shows, such as {@code Cue 3 Src 5 Level}
 * @param unit        "dB", "%" or "" for toggles and choices
 * @param min         lowest plain value; for dB levels the minimum means "off" (-inf)
 * @param max         highest plain value
 * @param defaultValue plain value at load
 * @param kind        FLOAT, BOOL or CHOICE
 * @param choices     labels for CHOICE (value = index), empty otherwise
 * @param smoothingMs ramp time for changes on the audio thread (gain ramp or crossfade)
 * @param automatable false for setup choices a host should not automate
 */
public record ParamSpec(
        int index,
        String id,
        String name,
        String unit,
        float min,
        float max,
        float defaultValue,
        ParamKind kind,
        List<String> choices,
        float smoothingMs,
        boolean automatable) {

    /** Levels at or below this many dB are silence. */
    public static final float MINUS_INF_DB = -90f;

    /** Clamps a plain value into range and, for toggles and choices, to a whole step. */
    public float clamp(float value) {
        if (Float.isNaN(value)) {
            return defaultValue;
        }
        float v = Math.max(min, Math.min(max, value));
        return kind == ParamKind.FLOAT ? v : Math.round(v);
    }

    /** Plain value to 0..1, as hosts see it. */
    public float normalize(float plain) {
        return (clamp(plain) - min) / (max - min);
    }

    /** 0..1 to plain value. */
    public float denormalize(float normalized) {
        float n = Math.max(0f, Math.min(1f, normalized));
        return clamp(min + n * (max - min));
    }

    /** Whether this is a dB level whose minimum stands for -inf. */
    public boolean isLevelDb() {
        return kind == ParamKind.FLOAT && "dB".equals(unit) && min <= MINUS_INF_DB;
    }
}
