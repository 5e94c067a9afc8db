package org.foldback.engine;

import org.foldback.engine.dose.DoseBank;
import org.foldback.engine.meter.MeterBank;
import org.foldback.engine.meter.MeterDemand;
import org.foldback.engine.mix.CueEngine;
import org.foldback.engine.param.ParamStore;
import org.foldback.engine.simd.ColdStart;
import org.foldback.engine.simd.KernelGuard;

/**
 * The whole product behind one plugin instance: the cue engine, with a meter on every source
 * (after the input guard) and every cue (after the limiter, what the performer hears), and a hearing
 * dose (ITU-T H.870) on every cue's output.
 *
 * <p>Meter bus numbering: source s is bus s, cue c is bus {@link Layout#MAX_SOURCES} + c. Sources
 * meter {@link MeterDemand#SOURCE_DEFAULT} and cues {@link MeterDemand#CUE_DEFAULT} unless a reader
 * demands more ({@link #demandMeters}).
 */
public final class FoldbackProcessor implements Processor {
    private final CueEngine engine;
    private final MeterBank meters = new MeterBank(Layout.MAX_SOURCES + Layout.MAX_CUES);
    private final DoseBank doses = new DoseBank(Layout.MAX_CUES);
    /** Switches the vector kernels off if the blocks keep allocating with them on (a boxed vector). */
    private final KernelGuard kernelGuard = new KernelGuard();
    /** While the kernels are cold: the plain loops for this engine's first block, then it switches them on. */
    private final ColdStart coldStart = new ColdStart();

    public FoldbackProcessor() {
        this(new ParamStore());
    }

    public FoldbackProcessor(ParamStore params) {
        engine = new CueEngine(params);
        // What must accumulate when nobody reads; readers add what they show (MeterBank.demand).
        for (int s = 0; s < Layout.MAX_SOURCES; s++) {
            meters.floor(sourceBus(s), MeterDemand.SOURCE_DEFAULT);
        }
        for (int c = 0; c < Layout.MAX_CUES; c++) {
            meters.floor(cueBus(c), MeterDemand.CUE_DEFAULT);
        }
        // Made once here, so the audio thread calls them without allocating.
        // Deferred: the meters of a block's buses run together after it (MeterBank.endBlock),
        // so their K-weighting can share vectors where the JVM has the Vector API; the doses'
        // A-weighting likewise (DoseBank.endBlock).
        BusTap metered = meters.deferred();
        BusTap dosed = doses.deferred();
        engine.setSourceTap(metered);
        engine.setCueTap(new CueTap(metered, dosed));
        // A cue's maximum level in dB SPL becomes a limiter ceiling through its calibration.
        engine.setCalibrations(doses::calibration);
    }

    /**
     * A cue's block to its meter bus and to its dose, silent or not. A static class, not an
     * anonymous one: it holds the two taps and nothing of the processor (the bench's working-set
     * census charges what each stage reaches first).
     */
    private static final class CueTap implements BusTap {
        private final BusTap metered;
        private final BusTap dosed;

        CueTap(BusTap metered, BusTap dosed) {
            this.metered = metered;
            this.dosed = dosed;
        }

        @Override
        public void accept(int cue, float[] left, float[] right, int n) {
            metered.accept(cueBus(cue), left, right, n);
            dosed.accept(cue, left, right, n);
        }

        @Override
        public void acceptSilent(int cue, float[] left, float[] right, int n) {
            metered.acceptSilent(cueBus(cue), left, right, n);
            dosed.acceptSilent(cue, left, right, n);
        }
    }

    /** The meter bus of cue {@code cue} (0-based). */
    public static int cueBus(int cue) {
        return Layout.MAX_SOURCES + cue;
    }

    /** The meter bus of source {@code source} (0-based). */
    public static int sourceBus(int source) {
        return source;
    }

    @Override
    public void prepare(double sampleRate, int maxBlockSize, int activeSources, int activeCues) {
        meters.prepare(sampleRate);
        doses.prepare(sampleRate);
        kernelGuard.prepare(sampleRate);
        engine.prepare(sampleRate, maxBlockSize, activeSources, activeCues);
    }

    @Override
    public void process(float[][] inputs, float[][] outputs, int numSamples) {
        coldStart.beforeBlock();
        long allocated = kernelGuard.beforeBlock();
        engine.process(inputs, outputs, numSamples);
        meters.endBlock();
        doses.endBlock();
        kernelGuard.afterBlock(allocated, numSamples);
    }

    @Override
    public void release() {
        engine.release();
    }

    @Override
    public ParamStore params() {
        return engine.params();
    }

    /**
     * No kernel guard and no cold start for this instance: its owner plays the vector kernels into
     * their first compilations on purpose, judges them and switches them itself (the JIT warm-up;
     * {@link KernelGuard#stopWatching}, {@link ColdStart#stopCounting}).
     */
    public void leaveKernelsToCaller() {
        kernelGuard.stopWatching();
        coldStart.stopCounting();
    }

    /** Lock-free meter readings for the editor, the command line and benchmarks. */
    public MeterBank meters() {
        return meters;
    }

    /** Lock-free hearing-dose readings per cue; calibrations and resets go in here too. */
    public DoseBank doses() {
        return doses;
    }

    /**
     * Any thread: what a surface shows of meter bus {@code bus} (bits of {@link MeterDemand}; 0 when
     * it stops showing it). The method a control surface's controller calls; see {@link MeterBank#demand}.
     */
    public void demandMeters(int bus, int mask) {
        meters.demand(bus, mask);
    }

    /** Limiter state and input-guard counters, lock-free. */
    public CueEngine engine() {
        return engine;
    }
}
