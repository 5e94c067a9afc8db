package org.foldback.engine.meter;

/** The level a VU meter reads as 0 VU: a sine of this peak level in dBFS. */
public enum VuReference {
    /** EBU R68: 0 VU (alignment level, 0 dBu) = -18 dBFS. The default. */
    EBU_R68(-18.0),
    /** SMPTE RP155: 0 VU = -20 dBFS. */
    SMPTE_RP155(-20.0);

    public final double dbfs;

    VuReference(double dbfs) {
        this.dbfs = dbfs;
    }
}
