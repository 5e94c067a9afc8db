package org.foldback.engine.mix;

import org.foldback.engine.dsp.Ramp;
import org.foldback.engine.param.ParamStore;

/**
 * How the engine takes a whole new scene (a state, a program, an A/B switch): it keeps playing the
 * old settings while every cue fades out, takes all the new values at once while silent, and fades
 * back in. 10 ms out and 10 ms in.
 *
 * <p>Why not let each parameter ramp on its own, as edits do: the ramps have different lengths
 * (20 ms for gains, 10 ms for switches and choices), so on the way a cue passes through mixes
 * that neither scene has. A muted cue at +10 dB that the new scene unmutes at -60 dB is heard at
 * nearly +10 dB until its level ramp catches up: loads between random states made bursts up to
 * 0.29 (-11 dBFS) on cues that were at 0.004 before and after (StateLoadWhilePlayingTest).
 *
 * <p>The engine plays its own copy of the parameters ({@code mix}); this class decides when that
 * copy may follow the live store. Audio thread only, except construction.
 */
final class SceneFade {
    private final Ramp gain = new Ramp();   // 1 = playing, 0 = silent between two scenes
    private int seenStarted;
    private boolean holding;                // playing the old scene until silent and the new one is complete
    private long mixVersion = Long.MIN_VALUE;

    void prepare(int fadeSamples, ParamStore params, ParamStore mix) {
        gain.setLength(fadeSamples);
        gain.reset(1f);
        holding = false;
        seenStarted = params.scenesStarted();
        follow(params, mix);
    }

    /**
     * At the top of each block: brings {@code mix} up to date with {@code params} unless a scene
     * change is fading. Returns true in the block where a new scene was taken whole, so the engine
     * snaps every ramp to it instead of ramping. {@code firstBlock}: nothing has been heard since
     * prepare, so a scene loaded in between (hosts restore state after prepare) needs no fade.
     */
    boolean beginBlock(ParamStore params, ParamStore mix, boolean firstBlock) {
        int finished = params.scenesFinished();   // read before started: see below
        int started = params.scenesStarted();
        if (firstBlock && !holding && finished == started) {
            seenStarted = started;
            follow(params, mix);
            return false;
        }
        if (started != seenStarted) {
            seenStarted = started;
            holding = true;
            gain.setTarget(0f, false);
        }
        if (!holding) {
            follow(params, mix);
            return false;
        }
        if (gain.current() != 0f || finished != started) {
            return false;   // still fading out, or the new scene is still being written
        }
        long v = params.version();
        mix.copyFrom(params);
        if (params.scenesStarted() != started) {
            return false;   // another scene began while copying: keep silent and take that one
        }
        mixVersion = v;
        holding = false;
        gain.setTarget(1f, false);
        return true;
    }

    private void follow(ParamStore params, ParamStore mix) {
        long v = params.version();   // read first: a write during the copy shows up next block
        if (v != mixVersion) {
            mix.copyFrom(params);
            mixVersion = v;
        }
    }

    /** The cue gain at the start of the block. */
    float current() {
        return gain.current();
    }

    /** Moves the gain along one block; returns the gain at its end. */
    float advance(int n) {
        return gain.advance(n);
    }
}
