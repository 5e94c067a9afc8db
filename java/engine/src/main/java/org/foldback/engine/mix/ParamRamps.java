package org.foldback.engine.mix;

import org.foldback.engine.dsp.Ramp;
import org.foldback.engine.param.ParamSpec;
import org.foldback.engine.param.Params;

/**
 * Ramp lengths from the parameter table: each of the engine's ramps carries one or more
 * parameters and takes the time their specs declare ({@link ParamSpec#smoothingMs}), so the
 * table and the engine cannot disagree. At prepare, not on the audio thread.
 */
final class ParamRamps {
    private ParamRamps() {}

    /**
     * Samples of a ramp that carries these parameters.
     *
     * @throws IllegalStateException if their specs declare different times (one ramp cannot
     *         honour both: the table is wrong)
     */
    static int samples(double sampleRate, int... params) {
        float ms = Params.get(params[0]).smoothingMs();
        for (int p : params) {
            ParamSpec spec = Params.get(p);
            if (spec.smoothingMs() != ms) {
                throw new IllegalStateException("one ramp carries " + Params.get(params[0]).id() + " (" + ms
                        + " ms) and " + spec.id() + " (" + spec.smoothingMs() + " ms)");
            }
        }
        return Ramp.samplesFor(ms, sampleRate);
    }
}
