package org.foldback.engine.mix;

import static org.foldback.engine.Layout.MAX_CUES;
import static org.foldback.engine.Layout.MAX_SOURCES;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntToDoubleFunction;
import org.foldback.engine.BusTap;
import org.foldback.engine.Processor;
import org.foldback.engine.ambience.FdnReverb;
import org.foldback.engine.crossfeed.Crossfeed;
import org.foldback.engine.dsp.Decibels;
import org.foldback.engine.dsp.Ramp;
import org.foldback.engine.dsp.SafetyLimiter;
import org.foldback.engine.param.GlobalParams;
import org.foldback.engine.param.ParamStore;
import org.foldback.engine.param.Params;
import org.foldback.engine.simd.Simd;
import org.foldback.engine.tone.ToneControl;

/**
 * The cue engine: up to 16 stereo sources mixed into up to 8 stereo cues.
 *
 * <p>Per block: sanitise the sources that are heard ({@link SourceGuard}), then for each active cue
 * sum the sends (2x2 matrix per source: level, pan or balance, mute, mono mode, talkback role),
 * add the ambience return (one {@link FdnReverb} per instance, fed by a send per source), shape the
 * bus with the cue's tone ({@link org.foldback.engine.tone.ToneControl}) and crossfeed
 * ({@link Crossfeed}), apply the output matrix (level, dim, mute, fold-down, swap, polarity), limit
 * ({@link org.foldback.engine.dsp.SafetyLimiter}) and blend towards bypass. See docs/MIXING.md for the
 * formulas, laws and ramp times. With the Vector API and some cue's tone or crossfeed on, the cues
 * go through that in three passes (every bus, then every tone and crossfeed, then every output
 * stage and limiter), so that the cues' settled filters run side by side in vector lanes
 * ({@link EarLanes}); each cue's own order is unchanged.
 *
 * <p>Work is skipped where nothing is heard: cues beyond activeCues are not touched, a send whose
 * matrix is zero at both ends of the block costs a few parameter reads, a source no cue hears is
 * not even copied (unless a source tap is set), and a cue with no live send only writes zeros.
 *
 * <p>Readouts ({@link #limiterGainReductionDb}, {@link #isLimiting}, {@link #nonFiniteBlocks},
 * {@link #isSourceQuarantined}) are lock-free and may be read from any thread.
 */
public final class CueEngine implements Processor {
    /**
     * Not a parameter's ramp: how long a scene change (state, program, A/B) fades each way, and
     * how long a quarantined source must be good before it fades back in, and that fade.
     */
    static final float FADE_MS = 10f;

    // The parameters the block reads, looked up once: a lookup goes through two objects of the
    // shared parameter table (a group and its by-role array), which a block would fetch cold
    // after the host's work between periods (PERFORMANCE.md, "Session 9").
    private static final int BYPASS = Params.global().bypass();
    private static final int TALKBACK_SOURCE = Params.global().talkbackSource();
    private static final int CLICK_SOURCE = Params.global().clickSource();
    private static final int TALKBACK_ON = Params.global().talkbackOn();
    private static final int TALKBACK_DIM = Params.global().talkbackDim();
    private static final int[] SOURCE_MODE = new int[MAX_SOURCES];
    private static final int[] SOURCE_AMBIENCE = new int[MAX_SOURCES];

    static {
        for (int s = 0; s < MAX_SOURCES; s++) {
            SOURCE_MODE[s] = Params.source(s).mode();
            SOURCE_AMBIENCE[s] = Params.source(s).ambience();
        }
    }

    private final ParamStore params;
    /** What the engine plays: {@link #params}, except while a scene change fades ({@link SceneFade}). */
    private final ParamStore mix = new ParamStore();
    private final SceneFade scene = new SceneFade();
    private BusTap sourceTap;
    private BusTap cueTap;

    private boolean prepared;
    private boolean snapNext;
    private int maxBlock;
    private int sources;
    private int cues;
    private int rampN = -1;
    private float[] ramp = new float[0];
    private float[][] src = new float[0][];
    /** Each cue's bus (its sends and return, then its tone and crossfeed), before the output stage. */
    private float[][] busL = new float[0][];
    private float[][] busR = new float[0][];
    private final boolean[] busSilent = new boolean[MAX_CUES];
    /** The cues' settled tone and crossfeed side by side, or null (no Vector API: cue by cue). */
    private final EarLanes ears;
    /** Per cue: its crossfeed is fading, so it runs in plain form after the lanes ran its tone. */
    private final boolean[] feedAfterLanes = new boolean[MAX_CUES];
    private float[] silence = new float[0];
    private final SourceGuard[] guards = new SourceGuard[MAX_SOURCES];
    private final Ramp[] monoMode = new Ramp[MAX_SOURCES];
    private final float[] mono = new float[MAX_SOURCES];
    private final boolean[] heard = new boolean[MAX_SOURCES];
    private final CueStrip[] strips = new CueStrip[MAX_CUES];
    private final Ramp bypass = new Ramp();
    private float talkDimDb = Float.NaN;
    private float talkDimGain;
    /** Per source L + R, kept while the source is fully in mono mode (halves its mixing work). */
    private float[][] monoSum = new float[0][];
    private final boolean[] monoReady = new boolean[MAX_SOURCES];
    /** Every source's mode fade at rest after the block that saw store version {@link #monoVersion}. */
    private boolean monoSettled;
    private long monoVersion = Long.MIN_VALUE;

    // Ambience: one reverb per instance, a send per source, a return per cue (CueStrip).
    private final FdnReverb reverb = new FdnReverb();
    private final float[] ambienceSendDbSeen = new float[MAX_SOURCES];
    private final float[] ambienceSendTarget = new float[MAX_SOURCES];
    private final Ramp[] ambienceSend = new Ramp[MAX_SOURCES];
    private final float[] ambienceSend0 = new float[MAX_SOURCES];
    private final float[] ambienceSend1 = new float[MAX_SOURCES];
    /** Each cue's calibration ("0 dBFS = N dB SPL", NaN = none), for its maximum level; null = none. */
    private IntToDoubleFunction calibrations;
    private boolean anySendLive;
    private boolean wetLive;
    private float[] sendBusL = new float[0];
    private float[] sendBusR = new float[0];
    private float[] wetL = new float[0];
    private float[] wetR = new float[0];

    private final AtomicIntegerArray limiterReductionBits = new AtomicIntegerArray(MAX_CUES);
    private final AtomicLongArray nonFinite = new AtomicLongArray(MAX_SOURCES);
    private final AtomicIntegerArray quarantined = new AtomicIntegerArray(MAX_SOURCES);

    public CueEngine() {
        this(new ParamStore());
    }

    public CueEngine(ParamStore params) {
        this(params, EarLanes.available());
    }

    /** With {@code earLanes} false, every cue's tone and crossfeed run in plain form (tests compare the two). */
    CueEngine(ParamStore params, boolean earLanes) {
        this.params = params;
        ears = earLanes && EarLanes.available() ? new EarLanes(MAX_CUES) : null;
        int[] guardScratch = new int[2]; // the guards run one after another on the audio thread
        for (int s = 0; s < MAX_SOURCES; s++) {
            guards[s] = new SourceGuard(guardScratch);
            monoMode[s] = new Ramp();
            ambienceSend[s] = new Ramp();
        }
        // The cues are finished one after another on the audio thread: their limiters share one scratch.
        float[][] limiterScratch = new float[2][SafetyLimiter.STRETCH];
        for (int c = 0; c < MAX_CUES; c++) {
            strips[c] = new CueStrip(c, limiterScratch);
        }
    }

    @Override
    public ParamStore params() {
        return params;
    }

    /** Called per active source, after sanitising, each block. Set before prepare; null = none. */
    public void setSourceTap(BusTap tap) {
        sourceTap = tap;
    }

    /** Called per active cue on its final output (after the limiter), each block. Null = none. */
    public void setCueTap(BusTap tap) {
        cueTap = tap;
    }

    /**
     * Where each cue's calibration comes from (dB SPL of a full-scale sine, NaN = uncalibrated),
     * read once per cue and block, lock-free and allocation-free: with {@code cueN.maxspl} it sets
     * the limiter's ceiling ({@link org.foldback.engine.dose.SafeCeiling}). Null = every cue
     * uncalibrated. Set before prepare.
     */
    public void setCalibrations(IntToDoubleFunction calibrations) {
        this.calibrations = calibrations;
    }

    @Override
    public void prepare(double sampleRate, int maxBlockSize, int activeSources, int activeCues) {
        if (!(sampleRate > 0) || maxBlockSize < 0) {
            throw new IllegalArgumentException("sampleRate " + sampleRate + ", maxBlockSize " + maxBlockSize);
        }
        prepared = false;
        maxBlock = maxBlockSize;
        sources = Math.max(0, Math.min(MAX_SOURCES, activeSources));
        cues = Math.max(0, Math.min(MAX_CUES, activeCues));
        int block = Math.max(1, maxBlockSize);
        ramp = new float[block];
        rampN = -1;
        src = new float[2 * MAX_SOURCES][block];
        busL = new float[MAX_CUES][block];
        busR = new float[MAX_CUES][block];
        silence = new float[block];
        monoSum = new float[MAX_SOURCES][block];
        int fade = Ramp.samplesFor(FADE_MS, sampleRate);
        GlobalParams global = Params.global();
        sendBusL = new float[block];
        sendBusR = new float[block];
        wetL = new float[block];
        wetR = new float[block];
        for (int s = 0; s < MAX_SOURCES; s++) {
            guards[s].prepare(fade, fade);
            monoMode[s].setLength(ParamRamps.samples(sampleRate, Params.source(s).mode()));
            ambienceSend[s].setLength(ParamRamps.samples(sampleRate, Params.source(s).ambience()));
            ambienceSendDbSeen[s] = Float.NaN;
            quarantined.set(s, 0);
        }
        monoSettled = false;
        setReverb(params, true);
        // Decay glides; size and pre-delay move read positions, so they fade out and back in.
        reverb.prepare(sampleRate, ParamRamps.samples(sampleRate, global.ambienceDecay()),
                ParamRamps.samples(sampleRate, global.ambienceSize(), global.ambiencePreDelay()));
        for (int c = 0; c < MAX_CUES; c++) {
            strips[c].prepare(sampleRate);
            limiterReductionBits.set(c, 0);
        }
        bypass.setLength(ParamRamps.samples(sampleRate, Params.global().bypass()));
        scene.prepare(fade, params, mix);
        // The first block starts at the current settings instead of fading in from silence.
        snapNext = true;
        prepared = true;
    }

    @Override
    public void release() {
        prepared = false;
        ramp = new float[0];
        src = new float[0][];
        busL = busR = new float[0][];
        silence = new float[0];
        monoSum = new float[0][];
        sendBusL = sendBusR = wetL = wetR = new float[0];
    }

    /** Cue blocks whose tone or crossfeed ran in vector lanes so far (0 without them); for tests. */
    long earLaneBlocks() {
        return ears == null ? 0 : ears.shaped();
    }

    /** Whether the reverb is idle (no send on and its tail gone): it then costs nothing. */
    public boolean isAmbienceIdle() {
        return reverb.isIdle();
    }

    @Override
    public void process(float[][] inputs, float[][] outputs, int n) {
        if (!prepared || n > maxBlock || n < 0) {
            silenceAll(outputs, n);
            return;
        }
        if (n == 0) {
            return;
        }
        boolean first = snapNext;
        boolean snap = scene.beginBlock(params, mix, snapNext) | snapNext;
        snapNext = false;
        if (snap && !first) {
            // A new scene, taken while every cue is faded to silence: the old room's tail belongs
            // to the old mix, and the new sends open from nothing on their ramps.
            reverb.silence();
            for (int s = 0; s < MAX_SOURCES; s++) {
                ambienceSend[s].reset(0f);
            }
        }
        float scene0 = scene.current();
        float scene1 = scene.advance(n);
        if (n != rampN) {
            for (int i = 0; i < n; i++) {
                ramp[i] = (i + 1) / (float) n;
            }
            rampN = n;
        }
        ParamStore p = mix;
        int inSources = Math.min(sources, inputs.length / 2);

        float b0 = bypass.current();
        bypass.setTarget(p.isOn(BYPASS) ? 1f : 0f, snap);
        if (snap) {
            b0 = bypass.current();
        }
        float b1 = bypass.advance(n);
        boolean fullyBypassed = b0 == 1f && b1 == 1f;

        boolean monoStill = true;
        long version = p.version();
        if (monoSettled && !snap && version == monoVersion) {
            // No parameter written since every mode fade came to rest: each stays where it is
            // (m0 equals mono[s]), without fetching its ramp.
            for (int s = 0; s < sources; s++) {
                monoReady[s] = mono[s] == 1f;
                heard[s] = false;
            }
        } else {
            boolean settled = true;
            for (int s = 0; s < sources; s++) {
                float m0 = monoMode[s].current();
                monoMode[s].setTarget(p.choice(SOURCE_MODE[s]) == 1 ? 1f : 0f, snap);
                mono[s] = monoMode[s].advance(n);
                monoStill &= mono[s] == m0;
                monoReady[s] = mono[s] == 1f && (m0 == 1f || snap);
                heard[s] = false;
                settled &= !monoMode[s].isMoving();
            }
            monoSettled = settled;
            monoVersion = version;
        }
        int talkback = p.choice(TALKBACK_SOURCE) - 1;
        int click = p.choice(CLICK_SOURCE) - 1;
        boolean talking = p.isOn(TALKBACK_ON);
        float talkDimDb = p.get(TALKBACK_DIM);
        if (talkDimDb != this.talkDimDb) {
            this.talkDimDb = talkDimDb;
            talkDimGain = Decibels.toGain(talkDimDb);
        }
        float talkDim = talkDimGain;
        boolean anyReturn = false;
        for (int c = 0; c < cues; c++) {
            CueStrip strip = strips[c];
            strip.updateSends(p, inSources, mono, talkback, click, talking, talkDim, n, snap, monoStill);
            strip.updateOutput(p, n, snap);
            strip.updateEar(p, calibrations == null ? Double.NaN : calibrations.applyAsDouble(c), n, snap);
            if (!strip.outputSilent()) {
                for (int s = 0; s < inSources; s++) {
                    heard[s] |= strip.live[s];
                }
                anyReturn |= strip.returnLive();
            }
        }
        boolean sendsLive = false;
        for (int s = 0; s < sources; s++) {
            float db = p.get(SOURCE_AMBIENCE[s]);
            if (db != ambienceSendDbSeen[s]) {
                ambienceSendDbSeen[s] = db;
                ambienceSendTarget[s] = Decibels.toGain(db);
            }
            Ramp r = ambienceSend[s];
            float g0 = r.current();
            // Talkback and click stay dry: neither belongs in a room, and an ungated talkback mic
            // would reach the reverb while nobody talks. While no cue hears the reverb its sends
            // close, so it can rest; they reopen on their ramp.
            // The reverb remembers its input for longer than any fade here covers, so its input
            // never steps: a send that jumped (when a cue starts hearing the reverb, or at a scene
            // change) would come out of the reverb as a step once the fade is over. So the sends
            // ramp even across a scene change; only the first block after prepare snaps.
            boolean dry = s == talkback || s == click || !anyReturn;
            r.setTarget(dry ? 0f : ambienceSendTarget[s], first);
            ambienceSend0[s] = first ? r.current() : g0;
            float g1 = r.advance(n);
            ambienceSend1[s] = g1;
            sendsLive |= g0 != 0f || g1 != 0f;
        }
        // The reverb runs while it is fed, or while some cue hears its tail; else it costs nothing.
        anySendLive = sendsLive;
        if (anySendLive) {
            for (int s = 0; s < inSources; s++) {
                heard[s] |= ambienceSend0[s] != 0f || ambienceSend1[s] != 0f;
            }
        }
        if (b0 != 0f || b1 != 0f) {
            heard[0] = true;
        }

        for (int s = 0; s < inSources; s++) {
            if (heard[s] || sourceTap != null) {
                float[] l = src[2 * s], r = src[2 * s + 1];
                if (guards[s].process(inputs[2 * s], inputs[2 * s + 1], l, r, n, ramp)) {
                    nonFinite.incrementAndGet(s);
                }
                quarantined.lazySet(s, guards[s].isQuarantined() ? 1 : 0);
                if (monoReady[s]) {
                    float[] m = monoSum[s];
                    for (int i = 0; i < n; i++) {
                        m[i] = l[i] + r[i];
                    }
                }
                if (sourceTap != null) {
                    if (guards[s].isSilent()) {
                        sourceTap.acceptSilent(s, l, r, n);
                    } else {
                        sourceTap.accept(s, l, r, n);
                    }
                }
            }
        }
        for (int s = inSources; s < sources; s++) {
            if (sourceTap != null) {
                sourceTap.acceptSilent(s, silence, silence, n);
            }
        }
        wetLive = false;
        if (anySendLive || (anyReturn && !reverb.isIdle())) {
            ambience(inSources, n);
        }

        // With the lanes and some cue's tone or crossfeed on: three passes over the cues, every
        // cue's bus, then every cue's tone and crossfeed (side by side in vector lanes where they
        // are settled), then each cue's output stage and limiter, each cue in its own bus. Else
        // each cue is finished in one go in a bus they share, as before the lanes (measured: the
        // separate buses cost the stages-off path 1-3 % on JDK 25). Each cue's own order, and
        // its output, is the same either way.
        // Simd.on(): a guard may switch the kernels off while playing (Simd.fallBack), and the
        // lanes are one of them.
        boolean passes = !fullyBypassed && ears != null && Simd.on() && anyEarStage();
        if (passes) {
            for (int c = 0; c < cues; c++) {
                mixBus(strips[c], c, inSources, n);
            }
            shapeBuses(n);
        }
        for (int c = 0; c < cues; c++) {
            float[] outL = outputs[2 * c], outR = outputs[2 * c + 1];
            // Whether this cue's output is known to be zeros (±0) without looking: nothing live
            // reached its bus (finishCue wrote zeros, which the limiter, the fades and the scene
            // only scale), and no bypass blend brings the main input in.
            boolean silentOut;
            if (fullyBypassed) {
                silentOut = c != 0 || inSources == 0;
                if (c == 0 && inSources > 0) {
                    System.arraycopy(src[0], 0, outL, 0, n);
                    System.arraycopy(src[1], 0, outR, 0, n);
                } else {
                    Arrays.fill(outL, 0, n, 0f);
                    Arrays.fill(outR, 0, n, 0f);
                }
                limiterReductionBits.lazySet(c, 0);
            } else {
                if (passes) {
                    finishCue(strips[c], c, outL, outR, n, snap);
                } else {
                    CueStrip strip = strips[c];
                    if (mixBus(strip, 0, inSources, n)) {
                        strip.shape(busL[0], busR[0], n);
                    }
                    finishCue(strip, 0, outL, outR, n, snap);
                }
                silentOut = busSilent[c]; // mixBus set it, this block, in either form
                if (b0 != 0f || b1 != 0f) {
                    if (c == 0 && inSources > 0) {
                        silentOut = false;
                        MixLoops.blend(outL, outR, src[0], src[1], n, b0, b1, ramp);
                    } else {
                        MixLoops.fadeOut(outL, outR, n, b0, b1, ramp);
                    }
                }
            }
            if (scene0 != 1f || scene1 != 1f) {
                MixLoops.fadeOut(outL, outR, n, 1f - scene0, 1f - scene1, ramp);
            }
            if (cueTap != null) {
                if (silentOut) {
                    cueTap.acceptSilent(c, outL, outR, n);
                } else {
                    cueTap.accept(c, outL, outR, n);
                }
            }
        }
        for (int ch = 2 * cues; ch < outputs.length; ch++) {
            Arrays.fill(outputs[ch], 0, n, 0f);
        }
    }

    /** The reverb's send bus (each source through its send), then the reverb into wetL/wetR. */
    private void ambience(int inSources, int n) {
        setReverb(mix, false);
        boolean silentIn = true;
        if (anySendLive) {
            Arrays.fill(sendBusL, 0, n, 0f);
            Arrays.fill(sendBusR, 0, n, 0f);
            for (int s = 0; s < inSources; s++) {
                float g0 = ambienceSend0[s], g1 = ambienceSend1[s];
                if (g0 != 0f || g1 != 0f) {
                    MixLoops.addScaled(src[2 * s], src[2 * s + 1], sendBusL, sendBusR, n, g0, g1, ramp);
                    silentIn = false;
                }
            }
        }
        wetLive = reverb.process(sendBusL, sendBusR, wetL, wetR, n, silentIn);
    }

    /** The reverb's room from the parameters (size in %, decay in s, pre-delay in ms). */
    private void setReverb(ParamStore p, boolean snap) {
        GlobalParams global = Params.global();
        reverb.set(p.get(global.ambienceSize()) / 100f, p.get(global.ambienceDecay()),
                p.get(global.ambiencePreDelay()), snap);
    }

    /** Whether some cue's tone or crossfeed is doing anything this block. */
    private boolean anyEarStage() {
        for (int c = 0; c < cues; c++) {
            if (!strips[c].tone.isFlat() || !strips[c].crossfeed.isOff()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Pass 1: cue {@code strip}'s bus, the sum of its sends and its ambience return, into bus
     * {@code bus}; returns false when the cue is silent this block (the bus is then not written).
     */
    private boolean mixBus(CueStrip strip, int bus, int inSources, int n) {
        int c = strip.cue;
        boolean wet = wetLive && strip.returnLive();
        boolean silent = (strip.liveCount == 0 && !wet) || strip.outputSilent();
        busSilent[c] = silent;
        if (silent) {
            strip.clearEar();
            return false;
        }
        float[] al = busL[bus], ar = busR[bus];
        Arrays.fill(al, 0, n, 0f);
        Arrays.fill(ar, 0, n, 0f);
        float[] k0 = strip.k0, k1 = strip.k1;
        for (int s = 0; s < inSources; s++) {
            if (!strip.live[s]) {
                continue;
            }
            int o = 4 * s;
            float[] xl = src[2 * s], xr = src[2 * s + 1];
            if (k0[o] == k1[o] && k0[o + 1] == k1[o + 1] && k0[o + 2] == k1[o + 2] && k0[o + 3] == k1[o + 3]) {
                if (monoReady[s] && k1[o] == k1[o + 1] && k1[o + 2] == k1[o + 3]) {
                    MixLoops.addMono(monoSum[s], al, ar, n, k1[o], k1[o + 2]);
                } else {
                    MixLoops.addConstant(xl, xr, al, ar, n, k1, o);
                }
            } else {
                MixLoops.addRamp(xl, xr, al, ar, n, k0, k1, o, ramp);
            }
        }
        if (wet) {
            MixLoops.addScaled(wetL, wetR, al, ar, n, strip.return0, strip.return1, ramp);
        }
        return true;
    }

    /**
     * Pass 2: tone and crossfeed shape what the performer hears, before the fold-down and limiter.
     * Settled stages of every cue go into the vector lanes together ({@link EarLanes}); the rest
     * run cue by cue in their plain form. Only with the lanes.
     */
    private void shapeBuses(int n) {
        for (int c = 0; c < cues; c++) {
            if (busSilent[c]) {
                continue;
            }
            CueStrip strip = strips[c];
            ToneControl tone = strip.tone;
            Crossfeed crossfeed = strip.crossfeed;
            boolean toneLane = !tone.isFlat() && tone.settledCascade();
            boolean feedLane = crossfeed.settledOn();
            if (!toneLane && !tone.isFlat()) {
                tone.process(busL[c], busR[c], n); // before the lanes: the crossfeed comes after it
            }
            feedAfterLanes[c] = false;
            if (toneLane || feedLane) {
                ears.add(c, toneLane ? tone : null, feedLane ? crossfeed : null, busL[c], busR[c]);
                feedAfterLanes[c] = !feedLane && !crossfeed.isOff();
            } else if (!crossfeed.isOff()) {
                crossfeed.process(busL[c], busR[c], n);
            }
        }
        if (ears.any()) {
            ears.run(n);
            for (int c = 0; c < cues; c++) {
                if (feedAfterLanes[c]) {
                    strips[c].crossfeed.process(busL[c], busR[c], n);
                    feedAfterLanes[c] = false;
                }
            }
        }
    }

    /** Pass 3: cue {@code strip}'s output stage (level, dim, mute, fold-down, swap, polarity) from bus {@code bus}, and limiter. */
    private void finishCue(CueStrip strip, int bus, float[] outL, float[] outR, int n, boolean snap) {
        int c = strip.cue;
        boolean silent = busSilent[c];
        if (silent) {
            Arrays.fill(outL, 0, n, 0f);
            Arrays.fill(outR, 0, n, 0f);
        } else {
            float[] al = busL[bus], ar = busR[bus];
            float[] m0 = strip.o0, m1 = strip.o1;
            if (m0[0] == m1[0] && m0[1] == m1[1] && m0[2] == m1[2] && m0[3] == m1[3]) {
                MixLoops.applyConstant(al, ar, outL, outR, n, m1);
            } else {
                MixLoops.applyRamp(al, ar, outL, outR, n, m0, m1, ramp);
            }
        }
        float ceiling = strip.ceilingGain(mix);
        float smallest = strip.limiter.process(outL, outR, n, ceiling, strip.limiterOn(mix), snap, ramp, silent);
        limiterReductionBits.lazySet(c, Float.floatToRawIntBits(smallest < 1f ? -Decibels.fromGain(smallest) : 0f));
    }

    private static void silenceAll(float[][] outputs, int n) {
        if (outputs == null || n <= 0) {
            return;
        }
        for (float[] ch : outputs) {
            if (ch != null) {
                Arrays.fill(ch, 0, Math.min(n, ch.length), 0f);
            }
        }
    }

    /** The limiter's largest gain reduction in the last block of this cue, in dB (0 = none). */
    public float limiterGainReductionDb(int cue) {
        return Float.intBitsToFloat(limiterReductionBits.get(cue));
    }

    /** Whether this cue's limiter reduced gain in the last block (the editor's light). */
    public boolean isLimiting(int cue) {
        return limiterGainReductionDb(cue) > 0f;
    }

    /** How many blocks of this source held NaN, infinite or absurdly large samples, since creation. */
    public long nonFiniteBlocks(int source) {
        return nonFinite.get(source);
    }

    /** Whether this source is muted now because of broken input (until it recovers). */
    public boolean isSourceQuarantined(int source) {
        return quarantined.get(source) != 0;
    }
}
