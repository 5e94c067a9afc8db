package org.foldback.engine.mix;

import static org.foldback.engine.Layout.MAX_SOURCES;

import org.foldback.engine.crossfeed.Crossfeed;
import org.foldback.engine.dsp.Decibels;
import org.foldback.engine.dsp.Denormals;
import org.foldback.engine.dsp.Ramp;
import org.foldback.engine.dsp.SafetyLimiter;
import org.foldback.engine.dose.SafeCeiling;
import org.foldback.engine.param.CueParams;
import org.foldback.engine.param.GlobalParams;
import org.foldback.engine.param.ParamStore;
import org.foldback.engine.param.Params;
import org.foldback.engine.param.SendParams;
import org.foldback.engine.tone.ToneControl;

/**
 * One cue's state: its sends (a 2x2 matrix per source), its ambience return, its tone and
 * crossfeed, and its output stage (one 2x2 matrix for level, dim, mute, fold-down, swap and
 * polarity), then its safety limiter.
 *
 * <p>Every parameter feeds a {@link Ramp}; matrices are computed at block ends from the ramps and
 * interpolated per sample inside the block, so no coefficient ever steps.
 */
final class CueStrip {
    final int cue;
    /** This cue's parameters (and, through them, its sends'). */
    final CueParams params;
    /**
     * The indices of those read every block, looked up once: each lookup reads the shared table's
     * {@link CueParams} and its by-role array, two more objects a cold block would fetch.
     */
    private final int toneHighPassParam, toneLowParam, toneHighParam, crossfeedParam, ambienceParam;
    private final int ceilingParam, maxSplParam, limiterParam;

    // Sends, per source.
    private final Ramp[] sendLevel = ramps(MAX_SOURCES);
    private final Ramp[] sendMute = ramps(MAX_SOURCES);
    private final Ramp[] sendRole = ramps(MAX_SOURCES);
    private final Ramp[] sendPan = ramps(MAX_SOURCES);
    private final float[] levelDb = new float[MAX_SOURCES];
    private final float[] levelGain = new float[MAX_SOURCES];
    private final float[] panAt = new float[MAX_SOURCES];
    // What the last update saw, to skip sends whose settings and ramps have not moved.
    private final float[] seenPan = new float[MAX_SOURCES];
    private final float[] seenMute = new float[MAX_SOURCES];
    private final float[] seenRole = new float[MAX_SOURCES];
    private final float[] seenMono = new float[MAX_SOURCES];
    private final boolean[] settled = new boolean[MAX_SOURCES];
    /** bL, bR (balance), pL, pR (mono pan) per source. */
    private final float[] panGains = new float[MAX_SOURCES * 4];
    /** Send matrices at the start and at the end of the block, 4 per source. */
    float[] k0 = new float[MAX_SOURCES * 4];
    float[] k1 = new float[MAX_SOURCES * 4];
    /** Whether the send from a source is non-zero anywhere in this block. */
    final boolean[] live = new boolean[MAX_SOURCES];
    int liveCount;
    // Whether the sends can be skipped whole: the last update moved nothing (so k0 equals k1), and
    // the parameter store's version and the source count it saw. Reading every send's settings
    // each block was ~10 % of the engine with the vector kernels on.
    private boolean sendsQuiet;
    private long sendsVersion = Long.MIN_VALUE;
    private int sendsSources = -1;

    // Output stage.
    private final Ramp level = new Ramp();
    private final Ramp mute = new Ramp();
    private final Ramp dim = new Ramp();
    private final Ramp[] fold = ramps(4);
    private final Ramp polarityLeft = new Ramp();
    private final Ramp polarityRight = new Ramp();
    private final Ramp swap = new Ramp();
    private float cueLevelDb = Float.NaN;
    private float cueLevelGain;
    private float dimDb = Float.NaN;
    private float dimGain;
    private float ceilingDb = Float.NaN;
    private float ceilingGain;
    private final float[] foldTarget = new float[4];
    float[] o0 = new float[4];
    float[] o1 = new float[4];
    // Whether the output stage can be skipped whole, as the sends can: after its last update no
    // ramp was moving and both matrices were equal, and the parameter store's version it saw. Its
    // ten ramps are ten objects to fetch each block, cold between periods (PERFORMANCE.md,
    // "Session 9: the engine's working set"), for a matrix that has not moved.
    private boolean outputQuiet;
    private long outputVersion = Long.MIN_VALUE;

    final SafetyLimiter limiter;

    // The performer's ear: tone, crossfeed and the ambience return, read once per block.
    final ToneControl tone = new ToneControl();
    final Crossfeed crossfeed = new Crossfeed();
    private static final Crossfeed.Level[] CROSSFEEDS = Crossfeed.Level.values();
    private float highPassSeen, lowShelfSeen, highShelfSeen;
    /** This block's calibration (NaN = none): with the maximum level it may lower the ceiling. */
    private double calibration = Double.NaN;
    private float maxSplDb = Float.NaN;
    private double ceilingCalibration = Double.NaN;
    private final Ramp returnGain = new Ramp();
    private float returnDbSeen = Float.NaN;
    private float returnGainTarget;
    /** The talkback dim of this block (1 when not talking): the return is programme and dims with it. */
    private float returnProgramme = 1f;
    /** The return gain at the block's start and end (interpolated across it). */
    float return0;
    float return1;

    /** {@code limiterScratch}: the two scratch arrays every cue's limiter of the engine shares. */
    CueStrip(int cue, float[][] limiterScratch) {
        this.cue = cue;
        this.params = Params.cue(cue);
        toneHighPassParam = params.toneHighPass();
        toneLowParam = params.toneLow();
        toneHighParam = params.toneHigh();
        crossfeedParam = params.crossfeed();
        ambienceParam = params.ambience();
        ceilingParam = params.ceiling();
        maxSplParam = params.maxSpl();
        limiterParam = params.limiter();
        limiter = new SafetyLimiter(limiterScratch[0], limiterScratch[1]);
    }

    /** Sizes every ramp from the smoothing time of the parameters it carries. */
    void prepare(double sampleRate) {
        GlobalParams global = Params.global();
        // A source's role in this cue: talkback gated by the talk switch and dimming the rest by
        // talkback.dim, click never dimmed, or programme; it moves when any of these changes.
        int roleRamp = ParamRamps.samples(sampleRate, global.talkbackOn(), global.talkbackDim(),
                global.talkbackSource(), global.clickSource(), params.talkback());
        for (int s = 0; s < MAX_SOURCES; s++) {
            SendParams send = params.send(s);
            sendLevel[s].setLength(ParamRamps.samples(sampleRate, send.level()));
            sendPan[s].setLength(ParamRamps.samples(sampleRate, send.pan()));
            sendMute[s].setLength(ParamRamps.samples(sampleRate, send.mute()));
            sendRole[s].setLength(roleRamp);
            levelDb[s] = Float.NaN;
            panAt[s] = Float.NaN;
            settled[s] = false;
        }
        level.setLength(ParamRamps.samples(sampleRate, params.level()));
        mute.setLength(ParamRamps.samples(sampleRate, params.mute()));
        dim.setLength(ParamRamps.samples(sampleRate, params.dim(), params.dimAmount()));
        int foldRamp = ParamRamps.samples(sampleRate, params.fold(), params.monoLaw());
        for (Ramp r : fold) {
            r.setLength(foldRamp);
        }
        polarityLeft.setLength(ParamRamps.samples(sampleRate, params.polarityLeft()));
        polarityRight.setLength(ParamRamps.samples(sampleRate, params.polarityRight()));
        swap.setLength(ParamRamps.samples(sampleRate, params.swap()));
        cueLevelDb = Float.NaN;
        dimDb = Float.NaN;
        outputQuiet = false;
        ceilingDb = Float.NaN;
        maxSplDb = Float.NaN;
        // A maximum level moves the ceiling, so it ramps with it.
        limiter.prepare(sampleRate, ParamRamps.samples(sampleRate, params.ceiling(), params.maxSpl()),
                ParamRamps.samples(sampleRate, params.limiter()));
        // The high-pass's frequency and the shelves glide; the high-pass switching on or off (its
        // frequency crossing into Off) crossfades filtered and dry like any switch of the engine.
        tone.prepare(sampleRate, ParamRamps.samples(sampleRate, params.toneHighPass(), params.toneLow(),
                params.toneHigh()), Ramp.samplesFor(CueEngine.FADE_MS, sampleRate));
        crossfeed.prepare(sampleRate, ParamRamps.samples(sampleRate, params.crossfeed()));
        returnGain.setLength(ParamRamps.samples(sampleRate, params.ambience()));
        returnDbSeen = Float.NaN;
    }

    /**
     * Hands this block's tone, crossfeed and return settings to their ramps, and notes the cue's
     * calibration for the limiter's ceiling.
     */
    void updateEar(ParamStore p, double calibrationDbSpl, int n, boolean snap) {
        calibration = calibrationDbSpl;
        float highPassHz = p.get(toneHighPassParam);
        float lowShelfDb = p.get(toneLowParam);
        float highShelfDb = p.get(toneHighParam);
        if (snap || highPassHz != highPassSeen || lowShelfDb != lowShelfSeen || highShelfDb != highShelfSeen) {
            highPassSeen = highPassHz;
            lowShelfSeen = lowShelfDb;
            highShelfSeen = highShelfDb;
            tone.set(highPassHz, lowShelfDb, highShelfDb, snap);
        }
        crossfeed.set(CROSSFEEDS[p.choice(crossfeedParam)], snap);
        float returnDb = p.get(ambienceParam);
        if (returnDb != returnDbSeen) {
            returnDbSeen = returnDb;
            returnGainTarget = Decibels.toGain(returnDb);
        }
        return0 = returnGain.current();
        returnGain.setTarget(returnGainTarget * returnProgramme, snap);
        if (snap) {
            return0 = returnGain.current();
        }
        return1 = returnGain.advance(n);
    }

    /** Whether the ambience return is heard anywhere in this block. */
    boolean returnLive() {
        return return0 != 0f || return1 != 0f;
    }

    /** Tone and crossfeed on the cue bus, before the output stage; nothing at all while both are off. */
    void shape(float[] left, float[] right, int n) {
        if (!tone.isFlat()) {
            tone.process(left, right, n);
        }
        if (!crossfeed.isOff()) {
            crossfeed.process(left, right, n);
        }
    }

    /** The cue bus is silent this block: the filters restart from silence rather than stale samples. */
    void clearEar() {
        tone.clear();
        crossfeed.clear();
    }

    /**
     * Reads this cue's send parameters and computes the send matrices at the block's end.
     *
     * @param sources   active sources
     * @param mono      per source, the mono-mode fade at the block's end (0 stereo, 1 mono)
     * @param talkback  the talkback source (0-based) or -1
     * @param click     the click source (0-based) or -1
     * @param talking   talkback.on
     * @param talkDim   talkback.dim as gain
     * @param monoStill whether no source's mono-mode fade moved since the last block
     */
    void updateSends(ParamStore p, int sources, float[] mono, int talkback, int click, boolean talking,
                     float talkDim, int n, boolean snap, boolean monoStill) {
        long version = p.version();
        if (sendsQuiet && !snap && monoStill && version == sendsVersion && sources == sendsSources) {
            // No parameter written since an update that moved nothing: every matrix stays as it
            // is (k0 equals k1), and so do live and liveCount; the talkback role comes from the
            // same store, so it has not moved either.
            return;
        }
        sendsVersion = version;
        sendsSources = sources;
        boolean moved = snap;
        boolean hearsTalk = talking && p.isOn(params.talkback());
        float programme = hearsTalk ? talkDim : 1f;
        returnProgramme = programme;
        float[] swapK = k0;
        k0 = k1;
        k1 = swapK;
        int count = 0;
        for (int s = 0; s < sources; s++) {
            int o = 4 * s;
            float db = p.get(params.send(s).level());
            if (settled[s] && !snap && db == levelDb[s] && levelGain[s] == 0f) {
                // An off send that has finished fading costs one read: nothing else can matter.
                k1[o] = 0f;
                k1[o + 1] = 0f;
                k1[o + 2] = 0f;
                k1[o + 3] = 0f;
                live[s] = false;
                continue;
            }
            float panParam = p.get(params.send(s).pan());
            float muteGain = p.isOn(params.send(s).mute()) ? 0f : 1f;
            // Talkback is gated by the talk switch and never dimmed by it; click is never dimmed.
            float role = s == talkback ? (hearsTalk ? 1f : 0f) : s == click ? 1f : programme;
            if (settled[s] && !snap && db == levelDb[s] && panParam == seenPan[s] && muteGain == seenMute[s]
                    && role == seenRole[s] && mono[s] == seenMono[s]) {
                // Nothing moved: the matrix stays as it ended last block.
                k1[o] = k0[o];
                k1[o + 1] = k0[o + 1];
                k1[o + 2] = k0[o + 2];
                k1[o + 3] = k0[o + 3];
                boolean on = k1[o] != 0f || k1[o + 1] != 0f || k1[o + 2] != 0f || k1[o + 3] != 0f;
                live[s] = on;
                if (on) {
                    count++;
                }
                continue;
            }
            moved = true;
            seenPan[s] = panParam;
            seenMute[s] = muteGain;
            seenRole[s] = role;
            seenMono[s] = mono[s];
            if (db != levelDb[s]) {
                levelDb[s] = db;
                levelGain[s] = Decibels.toGain(db);
            }
            sendLevel[s].setTarget(levelGain[s], snap);
            sendMute[s].setTarget(muteGain, snap);
            sendRole[s].setTarget(role, snap);
            sendPan[s].setTarget(panParam, snap);

            float g = sendLevel[s].advance(n) * sendMute[s].advance(n) * sendRole[s].advance(n);
            float pan = sendPan[s].advance(n);
            settled[s] = !sendLevel[s].isMoving() && !sendMute[s].isMoving() && !sendRole[s].isMoving()
                    && !sendPan[s].isMoving();
            if (pan != panAt[s]) {
                panAt[s] = pan;
                panGains[o] = PanLaw.balanceLeft(pan);
                panGains[o + 1] = PanLaw.balanceRight(pan);
                panGains[o + 2] = PanLaw.monoLeft(pan);
                panGains[o + 3] = PanLaw.monoRight(pan);
            }
            // Mono mode sums to m = (L + R)/2 before the mono pan law; the mode crossfades.
            float f = mono[s];
            float st = 1f - f;
            float half = 0.5f * f;
            float bl = panGains[o], br = panGains[o + 1], pl = panGains[o + 2], pr = panGains[o + 3];
            k1[o] = flush(g * (st * bl + half * pl));
            k1[o + 1] = flush(g * (half * pl));
            k1[o + 2] = flush(g * (half * pr));
            k1[o + 3] = flush(g * (st * br + half * pr));
            if (snap) {
                System.arraycopy(k1, o, k0, o, 4);
            }
            boolean on = k1[o] != 0f || k1[o + 1] != 0f || k1[o + 2] != 0f || k1[o + 3] != 0f
                    || k0[o] != 0f || k0[o + 1] != 0f || k0[o + 2] != 0f || k0[o + 3] != 0f;
            live[s] = on;
            if (on) {
                count++;
            }
        }
        liveCount = count;
        sendsQuiet = !moved;
    }

    /** Reads the output-stage parameters and computes the output matrix at the block's end. */
    void updateOutput(ParamStore p, int n, boolean snap) {
        long version = p.version();
        if (outputQuiet && !snap && version == outputVersion) {
            // No parameter written since an update that left every ramp at rest and o0 equal to
            // o1: this update would compute the same o1 again and swap equal matrices.
            return;
        }
        outputVersion = version;
        float[] swapO = o0;
        o0 = o1;
        o1 = swapO;
        float db = p.get(params.level());
        if (db != cueLevelDb) {
            cueLevelDb = db;
            cueLevelGain = Decibels.toGain(db);
        }
        level.setTarget(cueLevelGain, snap);
        mute.setTarget(p.isOn(params.mute()) ? 0f : 1f, snap);
        float dimAmount = p.get(params.dimAmount());
        if (dimAmount != dimDb) {
            dimDb = dimAmount;
            dimGain = Decibels.toGain(dimAmount);
        }
        dim.setTarget(p.isOn(params.dim()) ? dimGain : 1f, snap);
        FoldDown.matrix(p.choice(params.fold()), p.choice(params.monoLaw()), foldTarget);
        for (int j = 0; j < 4; j++) {
            fold[j].setTarget(foldTarget[j], snap);
        }
        polarityLeft.setTarget(p.isOn(params.polarityLeft()) ? -1f : 1f, snap);
        polarityRight.setTarget(p.isOn(params.polarityRight()) ? -1f : 1f, snap);
        swap.setTarget(p.isOn(params.swap()) ? 1f : 0f, snap);

        float g = level.advance(n) * mute.advance(n) * dim.advance(n);
        float f00 = fold[0].advance(n), f01 = fold[1].advance(n);
        float f10 = fold[2].advance(n), f11 = fold[3].advance(n);
        float w = swap.advance(n);
        float u = 1f - w;
        float gl = g * polarityLeft.advance(n);
        float gr = g * polarityRight.advance(n);
        // O = diag(polarity) · swap(w) · F · gain; swap(w) = [[1-w, w], [w, 1-w]].
        o1[0] = flush(gl * (u * f00 + w * f10));
        o1[1] = flush(gl * (u * f01 + w * f11));
        o1[2] = flush(gr * (w * f00 + u * f10));
        o1[3] = flush(gr * (w * f01 + u * f11));
        if (snap) {
            System.arraycopy(o1, 0, o0, 0, 4);
        }
        outputQuiet = !level.isMoving() && !mute.isMoving() && !dim.isMoving() && !fold[0].isMoving()
                && !fold[1].isMoving() && !fold[2].isMoving() && !fold[3].isMoving() && !swap.isMoving()
                && !polarityLeft.isMoving() && !polarityRight.isMoving() && sameBits(o0, o1);
    }

    private static boolean sameBits(float[] a, float[] b) {
        for (int j = 0; j < 4; j++) {
            if (Float.floatToRawIntBits(a[j]) != Float.floatToRawIntBits(b[j])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The limiter ceiling as gain: the parameter, or lower where a maximum level in dB SPL rules
     * ({@link SafeCeiling}). Cached: pow only when a setting changes.
     */
    float ceilingGain(ParamStore p) {
        float db = p.get(ceilingParam);
        float max = p.get(maxSplParam);
        if (db != ceilingDb || max != maxSplDb
                || Double.doubleToRawLongBits(calibration) != Double.doubleToRawLongBits(ceilingCalibration)) {
            ceilingDb = db;
            maxSplDb = max;
            ceilingCalibration = calibration;
            ceilingGain = Decibels.toGain(SafeCeiling.ceilingDb(db, max, calibration));
        }
        return ceilingGain;
    }

    /** Whether the limiter runs: its switch, or a maximum level in force. */
    boolean limiterOn(ParamStore p) {
        return SafeCeiling.limiterOn(p.isOn(limiterParam), p.get(maxSplParam), calibration);
    }

    boolean outputSilent() {
        return o0[0] == 0f && o0[1] == 0f && o0[2] == 0f && o0[3] == 0f
                && o1[0] == 0f && o1[1] == 0f && o1[2] == 0f && o1[3] == 0f;
    }

    private static float flush(float k) {
        return Denormals.flush(k, Denormals.COEFFICIENT_FLOOR);
    }

    private static Ramp[] ramps(int count) {
        Ramp[] r = new Ramp[count];
        for (int i = 0; i < count; i++) {
            r[i] = new Ramp();
        }
        return r;
    }
}
