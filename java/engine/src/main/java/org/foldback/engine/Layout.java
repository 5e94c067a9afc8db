package org.foldback.engine;

/**
 * The bus layout, defined once. The native shim asks for these numbers at load time
 * (through the bridge) and builds its JUCE buses from them.
 *
 * <p>Source 1 is the plugin's main input; sources 2..16 are aux inputs. Cue N is output bus N.
 * Every bus is stereo. Hosts may enable fewer buses; the engine is told how many are active
 * in {@link Processor#prepare}.
 */
public final class Layout {
    /** Stereo source buses: the main input plus aux inputs. */
    public static final int MAX_SOURCES = 16;
    /** Stereo cue mixes, one output bus each. */
    public static final int MAX_CUES = 8;
    /** Every bus is stereo. */
    public static final int CHANNELS_PER_BUS = 2;

    public static final int MAX_INPUT_CHANNELS = MAX_SOURCES * CHANNELS_PER_BUS;
    public static final int MAX_OUTPUT_CHANNELS = MAX_CUES * CHANNELS_PER_BUS;

    /** Longest cue name (and user preset name), in code points: the state cuts, surfaces size by it. */
    public static final int MAX_NAME_LENGTH = 64;

    private Layout() {}
}
