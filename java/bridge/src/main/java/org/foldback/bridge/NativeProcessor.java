package org.foldback.bridge;

import java.nio.ByteBuffer;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import org.foldback.bridge.control.InstanceController;
import org.foldback.bridge.control.Presets;
import org.foldback.bridge.control.StateHolder;
import org.foldback.control.Controller;
import org.foldback.control.Controllers;
import org.foldback.control.EditorFactory;
import org.foldback.control.EditorView;
import org.foldback.engine.FoldbackProcessor;
import org.foldback.engine.Layout;
import org.foldback.engine.simd.ColdStart;
import org.foldback.engine.simd.Simd;
import org.foldback.engine.Processor;
import org.foldback.engine.param.ParamStore;
import org.foldback.engine.param.Params;

/**
 * One plugin instance as the native shim sees it: the lifecycle adapter (prepare, process,
 * release, state, programs) the shim calls through JNI, one per JUCE AudioProcessor. Nothing here
 * is static and mutable, so instances in one JVM never share state. Everything a control surface
 * needs is behind {@link #controller()} (org.foldback.control.Controller); the state beside the
 * parameters lives in a {@link StateHolder}, the presets in {@link Presets}.
 *
 * <p>Audio moves through direct buffers ({@link BlockBuffers}, allocated in {@link #prepare}): the
 * shim copies the host's channels into {@link #inputBuffer()} with memcpy, makes ONE JNI call to
 * {@link #process}, and copies the cues out of {@link #outputBuffer()}. Parameter changes from the
 * host travel the same way, as (index, normalized value) pairs in {@link #changeBuffer()}, so a
 * block costs one JNI transition.
 */
public final class NativeProcessor {
    /** Process result: the block was mixed. */
    public static final int OK = 0;
    /** Process result: Java failed; the shim bypasses this instance and logs {@link #lastError()}. */
    public static final int FAILED = 1;

    private final Processor processor;
    private final ParamStore params;
    private final ShimCalls shim;

    private final BlockBuffers buffers = new BlockBuffers();
    private int activeSources;
    private int activeCues;
    private volatile String lastError;
    private final FaultInjection faults;
    private final StateHolder state;
    private final Presets presets;
    private InstanceController controller;

    static {
        Controllers.logTo(BridgeLog::line);   // the surfaces' log lines go to foldback.log
    }

    /**
     * {@code shimHandle}: the native instance for every JNA call back; {@code shimLibrary}: the
     * shim binary ("" for none). JNA is not started here but at the first call back (ShimCalls).
     */
    @ShimEntry
    public NativeProcessor(long shimHandle, String shimLibrary) {
        this(ProcessorFactory.create(), ShimCalls.connect(shimHandle, shimLibrary));
    }

    NativeProcessor(Processor processor, ShimCalls shim) {
        this.processor = processor;
        this.params = processor.params();
        this.shim = shim;
        faults = FaultInjection.fromEnvironment();
        state = new StateHolder(params);
        if (processor instanceof FoldbackProcessor fp) {
            state.calibrate(fp.doses());
        }
        presets = new Presets(state, shim);
        if (shim.connected()) {
            Controllers.register(controller()); // a plugin instance (not a test's or the JIT warm-up's)
        }
    }

    /**
     * The fingerprint of the boundary contract this jar was built with (BoundaryHeader). The shim
     * compiled its own copy in and refuses a jar whose fingerprint differs (another build).
     */
    @ShimEntry
    public static long boundaryFingerprint() {
        return BoundaryHeader.fingerprint();
    }

    // ---- Lifecycle --------------------------------------------------------------------------

    /** {@link #prepare(double, int, int, int, boolean)} for a host that plays in real time. */
    public String prepare(double sampleRate, int maxBlockSize, int sources, int cues) {
        return prepare(sampleRate, maxBlockSize, sources, cues, true);
    }

    /**
     * Allocates the buffers; returns null on success, else the reason. The first real-time prepare
     * in the JVM runs the JIT warm-up ({@link JitWarmup}); an offline one (a bounce, a render, a
     * validation: JUCE's isNonRealtime) has no deadlines to protect and skips it.
     */
    @ShimEntry
    public String prepare(double sampleRate, int maxBlockSize, int sources, int cues, boolean realtime) {
        try {
            int block = Math.max(1, maxBlockSize);
            this.activeSources = Math.max(1, Math.min(Layout.MAX_SOURCES, sources));
            this.activeCues = Math.max(1, Math.min(Layout.MAX_CUES, cues));
            buffers.prepare(block);
            processor.prepare(sampleRate, block, activeSources, activeCues);
            released(false);
            JitWarmup.Result warmup = realtime ? JitWarmup.once(sampleRate, block) : null;
            if (warmup != null) {
                BridgeLog.line(String.format("JIT warm-up (vector kernels %s): %d blocks in %.0f ms, %s; %s; %s; %s; %s",
                        Simd.describe(), warmup.blocks(),
                        warmup.millis() - warmup.resolved().millis() - warmup.compiled().millis() - warmup.periodic().millis()
                                - warmup.settled().millis(),
                        warmup.compiled().describe(), warmup.periodic().describe(),
                        warmup.kernelCheck(), warmup.settled().describe(),
                        warmup.resolved().available()
                                ? String.format("%d constants of %d classes resolved in %.0f ms", warmup.resolved().strings(),
                                        warmup.resolved().classes(), warmup.resolved().millis())
                                : "constants NOT resolved, the audio thread may allocate while C2 compiles: "
                                        + warmup.resolved().unavailableReason()));
                KERNELS_OFF_LOGGED.compareAndSet(false, Simd.fellBack()); // that line said so
            }
            lastError = null;
            return null;
        } catch (Throwable t) {
            lastError = "Java prepare failed: " + t;
            return lastError;
        }
    }

    @ShimEntry
    public ByteBuffer inputBuffer() {
        return buffers.inputBytes();
    }

    @ShimEntry
    public ByteBuffer outputBuffer() {
        return buffers.outputBytes();
    }

    @ShimEntry
    public ByteBuffer changeBuffer() {
        return buffers.changeBytes();
    }

    /**
     * Mixes one block of {@code numSamples} (≤ maxBlockSize) after applying {@code changeCount}
     * host parameter changes. Real-time: no allocation, no locks. Returns {@link #OK} or
     * {@link #FAILED}; on failure the reason is in {@link #lastError()}.
     */
    @ShimEntry
    public int process(int numSamples, int changeCount) {
        try {
            for (int i = 0; i < changeCount; i++) {
                applyHostValue(buffers.changedIndex(i), buffers.changedValue(i));
            }
            faults.beforeBlock();
            processor.process(buffers.copyIn(activeSources, numSamples), buffers.outputs(), numSamples);
            buffers.copyOut(activeCues, numSamples);
            return OK;
        } catch (Throwable t) {
            lastError = "Java process failed: " + t;
            return FAILED;
        }
    }

    /**
     * A value the host holds for a parameter. The host only knows normalized values, and
     * denormalize(normalize(v)) is not always v to the bit; so a value that merely echoes what
     * Java already has (after a state load, or at prepare) leaves the exact plain value alone.
     * That is what makes a restored state render bit-identical audio.
     */
    private void applyHostValue(int index, float normalized) {
        if (params.normalized(index) != normalized) {
            params.setNormalized(index, normalized);
        }
    }

    /**
     * The host's name for the track this instance sits on (JUCE's updateTrackProperties: VST3
     * hosts tell it), or null when it has none. The web remote lists the instance under it unless
     * the engineer named the instance. Message thread.
     */
    @ShimEntry
    public void trackName(String name) {
        instanceController().setHostTrackName(name);
    }

    /**
     * Message thread, twice a second (the shim's timer): the block timing the shim measured around
     * every processBlock, for the editor's DSP read-out ({@link Controller#readDspLoad}).
     * {@code percent} covers the interval since the previous call; the rest is since prepare.
     */
    @ShimEntry
    public void blockFigures(long blocks, long lateBlocks, double percent, double worstMillis) {
        instanceController().blockFigures(blocks, lateBlocks, percent, worstMillis);
        logKernelSwitches();
    }

    private static final AtomicBoolean KERNELS_OFF_LOGGED = new AtomicBoolean();
    private static final AtomicBoolean KERNELS_ON_LOGGED = new AtomicBoolean();

    /**
     * Once per JVM, on the message thread: that an engine switched the cold vector kernels on
     * (Simd.switchOn from the audio thread, which cannot log; the JIT warm-up's line says so for
     * its own switch), and that a guard switched them off while playing (Simd.fallBack).
     */
    static void logKernelSwitches() {
        if (ColdStart.NAME.equals(Simd.switchedOnBy()) && KERNELS_ON_LOGGED.compareAndSet(false, true)) {
            BridgeLog.line("vector kernels " + Simd.describe());
        }
        if (Simd.fellBack() && KERNELS_OFF_LOGGED.compareAndSet(false, true)) {
            BridgeLog.line("vector kernels " + Simd.describe());
        }
    }

    @ShimEntry
    public void release() {
        processor.release();
        released(true);
    }

    /** Surfaces serve an instance only while the host runs it (the web remote lists running instances only). */
    private void released(boolean now) {
        instanceController().hostReleased(now);
        Controllers.surfacesChanged();
    }

    /** The sources and cues the host enabled at the last prepare (all, before the first). */
    public int activeSources() {
        return activeSources > 0 ? activeSources : Layout.MAX_SOURCES;
    }

    public int activeCues() {
        return activeCues > 0 ? activeCues : Layout.MAX_CUES;
    }

    @ShimEntry
    public String lastError() {
        return HostileText.onto(lastError);
    }

    // ---- Parameters, message thread (the shim's parameter objects) -----------------------------

    /** The value every parameter has now, normalized, in table order (after a state load). */
    @ShimEntry
    public float[] normalizedValues() {
        float[] values = new float[Params.count()];
        for (int i = 0; i < values.length; i++) {
            values[i] = params.normalized(i);
        }
        return values;
    }

    @ShimEntry
    public String formatValue(int index, float normalized) {
        return HostileText.onto(controller().format(index, normalized));
    }

    /** Text to normalized value, or NaN when the text means nothing for this parameter. */
    @ShimEntry
    public float parseValue(int index, String text) {
        return controller().parse(index, text);
    }

    // ---- State and programs, message or background thread -------------------------------------

    /**
     * The whole state as the host stores it: versioned JSON (see the state module).
     *
     * @param pending the host's value of every parameter it changed since the last processed
     *     block, NaN for the others (indexed as the table). The engine's store learns of a host
     *     change only in the next block, and a VST3 host may change parameters and save without
     *     one: a parameter flush (process() with no samples and no buses), which JUCE's wrapper
     *     applies to the shim's parameters without calling processBlock. Steinberg's validator
     *     saves bypass that way ("Parameter Bypass persistence"). Empty when none is pending.
     */
    @ShimEntry
    public byte[] getState(float[] pending) {
        return state.encode(pending);
    }

    /** The state with the engine's values: what a caller without a host (tests, tools) saves. */
    public byte[] getState() {
        return getState(new float[0]);
    }

    /**
     * Loads a state blob. The blob is parsed and checked whole before anything changes, so a bad
     * one leaves the current state as it was. Returns null on success, else why nothing changed.
     */
    @ShimEntry
    public String setState(byte[] blob) {
        return HostileText.onto(surfacesFollow(state.load(blob)));
    }

    /** Program names, one per line: program 0 (the default state), then the factory presets. */
    @ShimEntry
    public String programNames() {
        StringBuilder names = new StringBuilder();
        for (String name : presets.programNames()) {
            names.append(HostileText.onto(name)).append('\n');
        }
        return names.toString();
    }

    /** The program the current state came from (restored with the state). */
    @ShimEntry
    public int currentProgram() {
        return state.snapshot().program();
    }

    /** Loads program {@code index} as the whole state; null on success, else why not. */
    @ShimEntry
    public String loadProgram(int index) {
        return HostileText.onto(surfacesFollow(presets.loadProgram(index)));
    }

    /** A loaded state may switch the web remote on or off or move its port: the surfaces follow. */
    private static String surfacesFollow(String loadError) {
        if (loadError == null) {
            Controllers.surfacesChanged();
        }
        return loadError;
    }

    // ---- Surfaces ----------------------------------------------------------------------------------

    /** This instance as control surfaces see it (the editor, the remote, OSC). */
    public Controller controller() {
        return instanceController();
    }

    private synchronized InstanceController instanceController() {
        if (controller == null) {
            controller = new InstanceController(processor, shim, state, presets, this::activeSources, this::activeCues);
        }
        return controller;
    }

    /**
     * A new editor view for this instance, from the editor module found through ServiceLoader.
     * Throws when there is none or it fails to start; the shim then shows its plain status editor
     * with the reason.
     */
    @ShimEntry
    public EditorView openEditor() {
        // The editor's edits reach the host through the shim: bind it now, on the message thread,
        // so a shim JNA cannot reach shows in the status editor instead of edits going nowhere.
        if (shim.connected() && !shim.bind()) {
            throw new IllegalStateException(shim.unreachableReason());
        }
        for (EditorFactory f : ServiceLoader.load(EditorFactory.class, NativeProcessor.class.getClassLoader())) {
            return f.open(controller());
        }
        throw new IllegalStateException("foldback.jar has no editor (META-INF/services/" + EditorFactory.class.getName() + ")");
    }

    /** The live parameter store, for benchmarks and tests that drive this adapter as the shim does; surfaces use {@link #controller()}. */
    public ParamStore params() {
        return params;
    }

    /** The shim destroys this instance: it leaves the surfaces' instance list. Message thread. */
    @ShimEntry
    public void dispose() {
        shim.close();   // first: from here the shim may free its instance, so no surface may call it
        Controllers.unregister(controller());
    }
}
