package org.foldback.engine.param;

import static org.foldback.engine.param.ParamScope.CUE;
import static org.foldback.engine.param.ParamScope.GLOBAL;
import static org.foldback.engine.param.ParamScope.SEND;
import static org.foldback.engine.param.ParamScope.SOURCE;
import static org.foldback.engine.param.ParamShape.choice;
import static org.foldback.engine.param.ParamShape.faded;
import static org.foldback.engine.param.ParamShape.gain;
import static org.foldback.engine.param.ParamShape.level;
import static org.foldback.engine.param.ParamShape.offOr;
import static org.foldback.engine.param.ParamShape.pan;
import static org.foldback.engine.param.ParamShape.ramped;
import static org.foldback.engine.param.ParamShape.switchedGain;
import static org.foldback.engine.param.ParamShape.toggle;

import java.util.ArrayList;
import java.util.List;
import org.foldback.engine.Layout;

/**
 * What a parameter does, whatever cue or source it belongs to: the columns of the one parameter
 * table. {@link Params} lays the table out from this list, in this order within each scope, and
 * builds every ID from the scope's prefix and the role's key ({@code cue3.} + {@code src5.} +
 * {@code level}). Never rename, remove or reorder a role: IDs and indices follow from it.
 */
public enum ParamRole {
    // The whole plugin.
    BYPASS(GLOBAL, "bypass", "Bypass", toggle(false, true)),
    TALKBACK_ON(GLOBAL, "talkback.on", "Talkback", toggle(false, true)),
    TALKBACK_LATCH(GLOBAL, "talkback.latch", "Talkback Latch", toggle(false, false)),
    TALKBACK_DIM(GLOBAL, "talkback.dim", "Talkback Dim", switchedGain(-60f, 0f, -15f)),
    TALKBACK_SOURCE(GLOBAL, "talkback.source", "Talkback Source", choice(Labels.SOURCES, 0)),
    CLICK_SOURCE(GLOBAL, "click.source", "Click Source", choice(Labels.SOURCES, 0)),
    // The instance's reverb (FdnReverb): size in % of the largest room, T60 in s, pre-delay in ms.
    AMBIENCE_SIZE(GLOBAL, "ambience.size", "Ambience Size", faded("%", 30f, 100f, 70f)),
    AMBIENCE_DECAY(GLOBAL, "ambience.decay", "Ambience Decay", ramped("s", 0.2f, 8f, 1.5f)),
    AMBIENCE_PREDELAY(GLOBAL, "ambience.predelay", "Ambience Pre-delay", faded("ms", 0f, 200f, 20f)),

    // Each source: srcS.
    SOURCE_MODE(SOURCE, "mode", "Mode", choice(Labels.SOURCE_MODES, 0)),
    /** How much of the source goes to the instance's reverb (one send per source, for every cue). */
    SOURCE_AMBIENCE(SOURCE, "ambience", "Ambience Send", level(Params.LEVEL_MIN_DB)),

    // Each cue: cueN.
    CUE_LEVEL(CUE, "level", "Level", level(0f)),
    CUE_MUTE(CUE, "mute", "Mute", toggle(false, true)),
    CUE_DIM(CUE, "dim", "Dim", toggle(false, true)),
    CUE_DIM_AMOUNT(CUE, "dim.amount", "Dim Amount", switchedGain(-60f, 0f, -20f)),
    CUE_FOLD(CUE, "mono", "Fold-down", choice(Labels.FOLD_MODES, 0)),
    CUE_MONO_LAW(CUE, "mono.law", "Mono Law", choice(Labels.MONO_LAWS, 0)),
    CUE_POLARITY_LEFT(CUE, "polarity.left", "Polarity L", toggle(false, true)),
    CUE_POLARITY_RIGHT(CUE, "polarity.right", "Polarity R", toggle(false, true)),
    CUE_SWAP(CUE, "swap", "Swap L/R", toggle(false, true)),
    CUE_LIMITER(CUE, "limiter", "Limiter", toggle(true, true)),
    CUE_CEILING(CUE, "limiter.ceiling", "Ceiling", gain(-20f, 0f, -1f)),
    CUE_TALKBACK(CUE, "talkback", "Hears Talkback", toggle(true, true)),
    // The performer's ear (docs/MIXING.md): tone, crossfeed, ambience return, maximum level.
    CUE_TONE_HP(CUE, "tone.hp", "High-pass", offOr("Hz", 30f, 40f, 200f)),
    CUE_TONE_LOW(CUE, "tone.low", "Low Shelf", gain(-12f, 12f, 0f)),
    CUE_TONE_HIGH(CUE, "tone.high", "High Shelf", gain(-12f, 12f, 0f)),
    CUE_CROSSFEED(CUE, "crossfeed", "Crossfeed", choice(Labels.CROSSFEEDS, 0, true)),
    /** How much of the instance's reverb this cue hears. */
    CUE_AMBIENCE(CUE, "ambience", "Ambience", level(Params.LEVEL_MIN_DB)),
    /** Off, or the loudest the cue may play in dB SPL: lowers the limiter's ceiling once calibrated. */
    CUE_MAX_SPL(CUE, "maxspl", "Max SPL", offOr("dB SPL", 65f, 70f, 110f)),

    // Each cue's send from each source: cueN.srcS. (The table gives source 1's level 0 dB.)
    SEND_LEVEL(SEND, "level", "Level", level(Params.LEVEL_MIN_DB)),
    SEND_PAN(SEND, "pan", "Pan", pan()),
    SEND_MUTE(SEND, "mute", "Mute", toggle(false, true));

    private final ParamScope scope;
    private final String key;
    private final String label;
    private final ParamShape shape;

    ParamRole(ParamScope scope, String key, String label, ParamShape shape) {
        this.scope = scope;
        this.key = key;
        this.label = label;
        this.shape = shape;
    }

    public ParamScope scope() {
        return scope;
    }

    /** The last part of the ID: "level", "dim.amount", "talkback.on". */
    public String key() {
        return key;
    }

    /** The last part of the name a host shows: "Level", "Dim Amount". */
    public String label() {
        return label;
    }

    /** The values it takes (per-source exceptions are the table's: see {@link Params}). */
    public ParamShape shape() {
        return shape;
    }

    /** The roles of one scope, in table order. */
    public static List<ParamRole> of(ParamScope scope) {
        List<ParamRole> list = new ArrayList<>();
        for (ParamRole r : values()) {
            if (r.scope == scope) {
                list.add(r);
            }
        }
        return List.copyOf(list);
    }

    /** Choice labels, in value order (a choice's value is its label's index). */
    private static final class Labels {
        static final List<String> SOURCE_MODES = List.of("Stereo", "Mono");
        static final List<String> FOLD_MODES = List.of("Stereo", "Mono sum", "Left only", "Right only", "Side");
        static final List<String> MONO_LAWS = List.of("-3 dB", "-6 dB");
        /** In the order of {@link org.foldback.engine.crossfeed.Crossfeed.Level}. */
        static final List<String> CROSSFEEDS = List.of("Off", "Default", "Chu Moy", "Jan Meier");
        /** None, then every source: what talkback and click can come from. */
        static final List<String> SOURCES = sources();

        private static List<String> sources() {
            List<String> list = new ArrayList<>();
            list.add("None");
            for (int s = 1; s <= Layout.MAX_SOURCES; s++) {
                list.add("Src ".concat(Integer.toString(s)));   // not "+": see ParamAddress
            }
            return List.copyOf(list);
        }
    }
}
