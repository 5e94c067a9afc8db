package org.foldback.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.foldback.engine.FoldbackProcessor;
import org.foldback.engine.Layout;
import org.foldback.engine.Processor;
import org.foldback.engine.param.ParamStore;
import org.foldback.engine.param.Params;
import org.foldback.state.PluginState;
import org.foldback.state.StateCodec;

/**
 * The configurations the figures are measured in, set on a {@link ParamStore} so the in-JVM
 * engine and the plugin (through its own state file) run exactly the same mix.
 */
enum BenchConfig {
    /**
     * 16 stereo sources, every one sent to all 8 cues at varied level and pan, half of them in mono
     * mode, fold-down and polarity varied, limiters on and working (the JMH CueEngineBench 16x8).
     */
    FULL(Layout.MAX_SOURCES, Layout.MAX_CUES),
    /**
     * FULL with every stage of the performer's ear on: tone (high-pass and both shelves) and
     * crossfeed on every cue, every source sent to the reverb and every cue hearing it, every cue
     * calibrated (the dose meter's A-weighting runs) with a maximum level that sets its ceiling
     * (the JMH CueEngineBench 16x8ears, plus the dose).
     */
    FULL_EARS(Layout.MAX_SOURCES, Layout.MAX_CUES),
    /**
     * An 8 x 8 mono matrix as Foldback can express it: 8 sources in mono mode (their left input
     * carries the signal), each sent to 4 stereo cues panned hard left or right so every cue channel
     * is one matrix output; limiters off. The meters cannot be switched off (no parameter).
     */
    MATRIX_8X8(8, 4);

    final int sources;
    final int cues;

    BenchConfig(int sources, int cues) {
        this.sources = sources;
        this.cues = cues;
    }

    void apply(ParamStore params) {
        switch (this) {
            case FULL -> applyFull(params);
            case FULL_EARS -> {
                applyFull(params);
                applyEars(params);
            }
            default -> applyMatrix(params);
        }
    }

    /** What is not a parameter: FULL_EARS calibrates every cue of a processor that measures the dose. */
    void calibrate(Processor processor) {
        if (this == FULL_EARS && processor instanceof FoldbackProcessor fp) {
            for (int c = 0; c < cues; c++) {
                fp.doses().setCalibration(c, 100);
            }
        }
    }

    private static void applyEars(ParamStore params) {
        for (int c = 0; c < Layout.MAX_CUES; c++) {
            params.set(Params.cue(c).toneHighPass(), 80f);
            params.set(Params.cue(c).toneLow(), 4f);
            params.set(Params.cue(c).toneHigh(), -3f);
            params.set(Params.cue(c).crossfeed(), 1 + c % 3);
            params.set(Params.cue(c).ambience(), -10f);
            params.set(Params.cue(c).maxSpl(), 98f);
        }
        for (int s = 0; s < Layout.MAX_SOURCES; s++) {
            params.set(Params.source(s).ambience(), -12f);
        }
    }

    private static void applyFull(ParamStore params) {
        Random rnd = new Random(1);
        for (int c = 0; c < Layout.MAX_CUES; c++) {
            params.set(Params.cue(c).level(), 3f);
            params.set(Params.cue(c).limiter(), 1);
            params.set(Params.cue(c).ceiling(), -3f);
            params.set(Params.cue(c).fold(), c % 3 == 2 ? 1 : 0);
            params.set(Params.cue(c).polarityRight(), c % 4 == 3 ? 1 : 0);
            for (int s = 0; s < Layout.MAX_SOURCES; s++) {
                params.set(Params.cue(c).send(s).level(), -12f + 12f * rnd.nextFloat());
                params.set(Params.cue(c).send(s).pan(), rnd.nextFloat() * 2 - 1);
            }
        }
        for (int s = 0; s < Layout.MAX_SOURCES; s++) {
            params.set(Params.source(s).mode(), s % 2);
        }
    }

    private static void applyMatrix(ParamStore params) {
        Random rnd = new Random(2);
        for (int c = 0; c < Layout.MAX_CUES; c++) {
            params.set(Params.cue(c).limiter(), 0);
            for (int s = 0; s < Layout.MAX_SOURCES; s++) {
                boolean inMatrix = c < 4 && s < 8;
                params.set(Params.cue(c).send(s).level(), inMatrix ? -12f + 12f * rnd.nextFloat() : Params.LEVEL_MIN_DB);
                params.set(Params.cue(c).send(s).pan(), s % 2 == 0 ? -1f : 1f);
            }
        }
        for (int s = 0; s < Layout.MAX_SOURCES; s++) {
            params.set(Params.source(s).mode(), 1);
        }
    }

    /** The plugin's own state (JSON) holding this configuration. */
    byte[] state() {
        ParamStore params = new ParamStore();
        apply(params);
        PluginState state = new PluginState();
        state.capture(params);
        return StateCodec.encode(state);
    }

    /** The state as a file, for foldback-host --plugin-state. */
    Path writeState(Path dir) throws IOException {
        Path file = dir.resolve(name().toLowerCase() + "-state.json");
        Files.write(file, state());
        return file;
    }
}
