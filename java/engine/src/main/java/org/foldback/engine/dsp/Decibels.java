package org.foldback.engine.dsp;

import org.foldback.engine.param.ParamSpec;

/** Decibels and linear gain, with the parameter table's floor (-90 dB) meaning silence. */
public final class Decibels {
    private Decibels() {}

    /** 10^(dB/20); exactly 0 at or below {@link ParamSpec#MINUS_INF_DB}. */
    public static float toGain(float db) {
        if (db <= ParamSpec.MINUS_INF_DB) {
            return 0f;
        }
        return (float) Math.pow(10.0, db / 20.0);
    }

    /** 20·log10(gain); negative infinity for 0. */
    public static float fromGain(float gain) {
        return (float) (20.0 * Math.log10(gain));
    }
}
