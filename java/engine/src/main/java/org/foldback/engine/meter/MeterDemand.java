package org.foldback.engine.meter;

/**
 * What a reader of a bus's meters looks at, as bits of a mask: the audio thread computes a figure
 * only where it is demanded (or where it must accumulate), as libebur128's modes do.
 *
 * <p>{@link #ALWAYS} (sample peak with its hold and maximum, clip counts, 300 ms and run RMS) is
 * computed on every bus whatever the demand: it is one cheap pass over the samples, and its
 * maxima and counts must never miss a block. The other units are computed while demanded; when a
 * unit's demand switches on, that unit restarts from silence at that block, exactly as a meter
 * created at that moment would (its windows fill again: VU and correlation settle within
 * 300 ms, momentary loudness after 400 ms, short-term after 3 s; integrated loudness, loudness
 * range, the true-peak maximum and the correlation mean count from then on). While a unit is not
 * demanded its figures read NaN.
 */
public final class MeterDemand {
    /** Sample peak (display, hold, maximum) and clip counts. Always computed. */
    public static final int PEAK = 1;
    /** RMS over 300 ms and over the run, hence K-scale readings. Always computed. */
    public static final int RMS = 2;
    /** True peak (BS.1770-4 Annex 2, 4x oversampled): display and maximum. */
    public static final int TRUE_PEAK = 4;
    /** VU needle (IEC 60268-17). */
    public static final int VU = 8;
    /** Loudness: momentary, short-term, their maxima, integrated, loudness range (EBU R128). */
    public static final int LOUDNESS = 16;
    /** Phase correlation and its mean. */
    public static final int CORRELATION = 32;

    /** Computed whatever is demanded. */
    public static final int ALWAYS = PEAK | RMS;
    /** Every figure. */
    public static final int ALL = PEAK | RMS | TRUE_PEAK | VU | LOUDNESS | CORRELATION;

    /**
     * What a source bus computes when nobody reads more: what the editor's source strips show
     * (sample peak, hold, clips, RMS). A source's loudness and true peak start when someone asks,
     * and its loudness histograms (192 kB) are made only then ({@link MeterBank}): a new instance
     * neither allocates nor zeroes the 16 sources' 3 MB.
     */
    public static final int SOURCE_DEFAULT = ALWAYS;
    /**
     * What a cue bus computes when nobody reads more: besides the always-on figures, its
     * integrated loudness, loudness range and true-peak maximum accumulate for the whole run (what
     * a performer hears, to be checked at any time without a gap), so a cue never restarts them.
     */
    public static final int CUE_DEFAULT = ALWAYS | LOUDNESS | TRUE_PEAK;

    private MeterDemand() {}
}
