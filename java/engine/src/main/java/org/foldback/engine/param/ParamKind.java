package org.foldback.engine.param;

/** How a parameter's value is interpreted and shown. */
public enum ParamKind {
    /** A continuous value in its unit (dB, pan position). Smoothed on the audio thread. */
    FLOAT,
    /** Off (0) or on (1). Changes are crossfaded, never stepped. */
    BOOL,
    /** An index into {@link ParamSpec#choices()}. */
    CHOICE
}
