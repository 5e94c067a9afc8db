package org.foldback.engine.param;

import java.util.List;

/**
 * The values a parameter takes, whatever cue or source it belongs to.
 *
 * @param unit         "dB", "Hz", "%", "s", "ms", "dB SPL", or "" for pans, toggles and choices
 * @param min          lowest plain value; for dB levels the minimum means "off" (-inf)
 * @param max          highest plain value
 * @param defaultValue plain value at load
 * @param kind         FLOAT, BOOL or CHOICE
 * @param choices      labels for CHOICE (value = index), "Off", "On" for BOOL, empty for FLOAT
 * @param smoothingMs  how long the engine's ramp to a new value takes (a gain ramp or a crossfade)
 * @param automatable  false for setup choices a host should not automate
 * @param offBelow     values below this mean "Off" (the lowest value stands for it: a high-pass's
 *                     or a maximum level's off position); NaN where every value is a setting
 */
public record ParamShape(
        String unit,
        float min,
        float max,
        float defaultValue,
        ParamKind kind,
        List<String> choices,
        float smoothingMs,
        boolean automatable,
        float offBelow) {

    /** Gains ramp over 20 ms: no zipper noise (docs/MIXING.md, "Smoothing"). */
    private static final float GAIN_RAMP_MS = 20f;
    /**
     * Toggles and choices crossfade over 10 ms; a gain that belongs to a switch (a dim amount)
     * moves with its switch's ramp, also when it changes while the switch is on.
     */
    private static final float SWITCH_RAMP_MS = 10f;

    /** A level from off to +10 dB. */
    static ParamShape level(float defaultDb) {
        return new ParamShape("dB", Params.LEVEL_MIN_DB, Params.LEVEL_MAX_DB, defaultDb, ParamKind.FLOAT,
                List.of(), GAIN_RAMP_MS, true, Float.NaN);
    }

    /** A gain in dB that ramps on its own. */
    static ParamShape gain(float minDb, float maxDb, float defaultDb) {
        return new ParamShape("dB", minDb, maxDb, defaultDb, ParamKind.FLOAT, List.of(), GAIN_RAMP_MS, true, Float.NaN);
    }

    /** A gain in dB applied through a switch's ramp (cue dim amount, talkback dim). */
    static ParamShape switchedGain(float minDb, float maxDb, float defaultDb) {
        return new ParamShape("dB", minDb, maxDb, defaultDb, ParamKind.FLOAT, List.of(), SWITCH_RAMP_MS, true, Float.NaN);
    }

    /** Pan from -1 (left) to +1 (right), centre by default. */
    static ParamShape pan() {
        return new ParamShape("", -1f, 1f, 0f, ParamKind.FLOAT, List.of(), GAIN_RAMP_MS, true, Float.NaN);
    }

    static ParamShape toggle(boolean on, boolean automatable) {
        return new ParamShape("", 0f, 1f, on ? 1f : 0f, ParamKind.BOOL, List.of("Off", "On"), SWITCH_RAMP_MS,
                automatable, Float.NaN);
    }

    /** One of {@code labels}; setup choices, so hosts do not automate them. */
    static ParamShape choice(List<String> labels, int defaultIndex) {
        return choice(labels, defaultIndex, false);
    }

    /** One of {@code labels}, a performer's setting a host may automate (crossfeed). */
    static ParamShape choice(List<String> labels, int defaultIndex, boolean automatable) {
        return new ParamShape("", 0f, labels.size() - 1, defaultIndex, ParamKind.CHOICE, List.copyOf(labels),
                SWITCH_RAMP_MS, automatable, Float.NaN);
    }

    /** A setting in {@code unit} that ramps like a gain (20 ms): a decay time. */
    static ParamShape ramped(String unit, float min, float max, float defaultValue) {
        return new ParamShape(unit, min, max, defaultValue, ParamKind.FLOAT, List.of(), GAIN_RAMP_MS, true, Float.NaN);
    }

    /**
     * A setting in {@code unit} that cannot glide (it moves read positions: a room's size, a
     * pre-delay), so the engine fades out, changes and fades in over a switch's time.
     */
    static ParamShape faded(String unit, float min, float max, float defaultValue) {
        return new ParamShape(unit, min, max, defaultValue, ParamKind.FLOAT, List.of(), SWITCH_RAMP_MS, true,
                Float.NaN);
    }

    /**
     * Off, or {@code lowest} to {@code max} in {@code unit}: the minimum {@code off} (under
     * {@code lowest}) stands for Off and is the default. Ramps like a gain.
     */
    static ParamShape offOr(String unit, float off, float lowest, float max) {
        return new ParamShape(unit, off, max, off, ParamKind.FLOAT, List.of(), GAIN_RAMP_MS, true, lowest);
    }

    /** The same shape with another default. */
    ParamShape withDefault(float value) {
        return new ParamShape(unit, min, max, value, kind, choices, smoothingMs, automatable, offBelow);
    }
}
