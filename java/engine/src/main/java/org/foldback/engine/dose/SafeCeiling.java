package org.foldback.engine.dose;

import org.foldback.engine.param.ParamRole;
import org.foldback.engine.param.ParamSpec;
import org.foldback.engine.param.Params;

/**
 * The rule that turns a cue's maximum level in dB SPL ({@code cueN.maxspl}) into its safety
 * limiter's ceiling: once the cue is calibrated and the maximum is on, the stricter of the
 * ceiling parameter and {@code maxspl - calibration} (clamped to the limiter's range, see
 * {@link HearingDose#ceilingDbfs}) rules, and the limiter is on whatever {@code cueN.limiter}
 * says (a safety setting cannot be defeated by another switch). Otherwise the ceiling parameter
 * and the limiter switch rule alone, unchanged. One rule for the engine, the controller and the
 * editor. Allocation-free.
 */
public final class SafeCeiling {
    private static final ParamSpec MAX_SPL = Params.get(Params.index(ParamRole.CUE_MAX_SPL, 0, 0));
    private static final ParamSpec CEILING = Params.get(Params.index(ParamRole.CUE_CEILING, 0, 0));

    private SafeCeiling() {}

    /** Whether the maximum level rules this cue: it is on and the cue is calibrated. */
    public static boolean inForce(float maxSplDb, double calibrationDbSpl) {
        return !MAX_SPL.isOff(maxSplDb) && !Double.isNaN(calibrationDbSpl);
    }

    /** The ceiling the limiter uses, in dBFS. */
    public static float ceilingDb(float ceilingDb, float maxSplDb, double calibrationDbSpl) {
        if (!inForce(maxSplDb, calibrationDbSpl)) {
            return ceilingDb;
        }
        double fromSpl = HearingDose.ceilingDbfs(maxSplDb, calibrationDbSpl, CEILING.min(), CEILING.max());
        return (float) Math.min(ceilingDb, fromSpl);
    }

    /** Whether the limiter runs: its switch, or a maximum level in force. */
    public static boolean limiterOn(boolean limiterSwitch, float maxSplDb, double calibrationDbSpl) {
        return limiterSwitch || inForce(maxSplDb, calibrationDbSpl);
    }
}
