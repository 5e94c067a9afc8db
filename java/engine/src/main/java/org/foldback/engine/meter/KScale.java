package org.foldback.engine.meter;

/**
 * Bob Katz's K-system meter scales: 0 on the scale is -20, -14 or -12 dBFS RMS. RMS here is
 * sine-calibrated as AES17 and Katz ask (a sine reads the same on the RMS and the peak scale),
 * that is the plain RMS plus 3.01 dB; the averaging is the 300 ms RMS window.
 */
public enum KScale {
    K20(-20.0),
    K14(-14.0),
    K12(-12.0);

    /** 20 log10(sqrt(2)): the AES17 sine calibration of an RMS reading. */
    public static final double AES17_SINE_OFFSET_DB = 3.0103;

    public final double zeroDbfs;

    KScale(double zeroDbfs) {
        this.zeroDbfs = zeroDbfs;
    }

    /** Scale reading for a plain RMS level in dBFS. */
    public double reading(double rmsDbfs) {
        return rmsDbfs + AES17_SINE_OFFSET_DB - zeroDbfs;
    }
}
