package org.foldback.bridge;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import org.foldback.engine.Layout;
import org.foldback.engine.Processor;
import org.foldback.engine.param.ParamSpec;
import org.foldback.engine.param.ParamStore;
import org.foldback.engine.param.ParamText;
import org.foldback.engine.param.Params;
import org.foldback.state.Decoded;
import org.foldback.state.PluginState;
import org.foldback.state.PresetException;
import org.foldback.state.PresetLibrary;
import org.foldback.state.Quote;
import org.foldback.state.StateCodec;
import org.foldback.state.StateFormatException;

/**
 * One plugin instance as the native shim sees it. The shim creates one per JUCE AudioProcessor and
 * calls these methods through JNI; nothing here is static and mutable, so instances in one JVM
 * never share state.
 *
 * <p>Audio moves through direct buffers that this object allocates in {@link #prepare}: the shim
 * copies the host's channels into {@link #inputBuffer()} with memcpy, makes ONE JNI call to
 * {@link #process}, and copies the cues out of {@link #outputBuffer()}. Channel {@code i} starts at
 * float offset {@code i * maxBlockSize}. Parameter changes from the host travel the same way, as
 * (index, normalized value) pairs in {@link #changeBuffer()}, so a block costs one JNI transition.
 */
public final class NativeProcessor {
    /** Process result: the block was mixed. */
    public static final int OK = 0;
    /** Process result: Java failed; the shim bypasses this instance and logs {@link #lastError()}. */
    public static final int FAILED = 1;

    private final Processor processor;
    private final ParamStore params;
    private final ShimCalls shim;

    private int maxBlockSize;
    private int activeSources;
    private int activeCues;
    private float[][] inputs = new float[0][];
    private float[][] outputs = new float[0][];
    private FloatBuffer in;
    private FloatBuffer out;
    private ByteBuffer inBytes;
    private ByteBuffer outBytes;
    private final ByteBuffer changeBytes;
    private final IntBuffer changeIndices;
    private final FloatBuffer changeValues;
    private volatile String lastError;
    private final FaultInjection faults;
    private final PresetLibrary library = PresetLibrary.standard(w -> BridgeLog.line("presets: " + w));
    private List<PresetLibrary.Entry> factory;
    private PluginState state = new PluginState();
    /** Grows with every change of the state beside the parameters (names, reference, loads). */
    private final java.util.concurrent.atomic.AtomicLong stateVersion = new java.util.concurrent.atomic.AtomicLong();

    /**
     * @param shimHandle   the native instance, passed back on every JNA call into the shim
     * @param shimLibrary  path of the shim binary that exports those calls ("" when there is none,
     *                     as in tests that drive this class directly)
     */
    public NativeProcessor(long shimHandle, String shimLibrary) {
        this(ProcessorFactory.create(), ShimCalls.connect(shimHandle, shimLibrary));
    }

    NativeProcessor(Processor processor, ShimCalls shim) {
        this.processor = processor;
        this.params = processor.params();
        this.shim = shim;
        int n = Params.count();
        // Layout: n ints of indices, then n floats of values.
        changeBytes = ByteBuffer.allocateDirect(n * 8).order(ByteOrder.nativeOrder());
        changeIndices = changeBytes.asIntBuffer();
        changeValues = changeBytes.position(n * 4).slice().order(ByteOrder.nativeOrder()).asFloatBuffer();
        changeBytes.position(0);
        faults = FaultInjection.fromEnvironment();
    }

    // ---- Description, asked once at load -------------------------------------------------

    /** "sources=16 cues=8": the bus layout the shim declares to the host. */
    public static String describeLayout() {
        return "sources=" + Layout.MAX_SOURCES + " cues=" + Layout.MAX_CUES;
    }

    /**
     * One line per parameter, tab-separated: id, name, unit, kind, default (normalized), number
     * of steps (0 for continuous), automatable (0/1), choices joined by '|'.
     */
    public static String describeParams() {
        StringBuilder sb = new StringBuilder();
        for (ParamSpec p : Params.TABLE) {
            int steps = p.kind() == org.foldback.engine.param.ParamKind.FLOAT ? 0 : p.choices().size();
            sb.append(p.id()).append('\t')
                    .append(p.name()).append('\t')
                    .append(p.unit()).append('\t')
                    .append(p.kind().name()).append('\t')
                    .append(p.normalize(p.defaultValue())).append('\t')
                    .append(steps).append('\t')
                    .append(p.automatable() ? 1 : 0).append('\t')
                    .append(String.join("|", p.choices())).append('\n');
        }
        return sb.toString();
    }

    // ---- Lifecycle --------------------------------------------------------------------------

    /** Allocates the buffers; returns null on success, else the reason. */
    public String prepare(double sampleRate, int maxBlockSize, int sources, int cues) {
        try {
            this.maxBlockSize = Math.max(1, maxBlockSize);
            this.activeSources = Math.max(1, Math.min(Layout.MAX_SOURCES, sources));
            this.activeCues = Math.max(1, Math.min(Layout.MAX_CUES, cues));
            inputs = new float[Layout.MAX_INPUT_CHANNELS][this.maxBlockSize];
            outputs = new float[Layout.MAX_OUTPUT_CHANNELS][this.maxBlockSize];
            inBytes = ByteBuffer.allocateDirect(Layout.MAX_INPUT_CHANNELS * this.maxBlockSize * 4)
                    .order(ByteOrder.nativeOrder());
            outBytes = ByteBuffer.allocateDirect(Layout.MAX_OUTPUT_CHANNELS * this.maxBlockSize * 4)
                    .order(ByteOrder.nativeOrder());
            in = inBytes.asFloatBuffer();
            out = outBytes.asFloatBuffer();
            processor.prepare(sampleRate, this.maxBlockSize, activeSources, activeCues);
            double warmupMs = JitWarmup.once(sampleRate);
            if (warmupMs > 0) {
                BridgeLog.line(String.format("JIT warm-up: %d blocks in %.0f ms", JitWarmup.BLOCKS, warmupMs));
            }
            lastError = null;
            return null;
        } catch (Throwable t) {
            lastError = describe("prepare", t);
            return lastError;
        }
    }

    public ByteBuffer inputBuffer() {
        return inBytes;
    }

    public ByteBuffer outputBuffer() {
        return outBytes;
    }

    public ByteBuffer changeBuffer() {
        return changeBytes;
    }

    /**
     * Mixes one block of {@code numSamples} (≤ maxBlockSize) after applying {@code changeCount}
     * host parameter changes. Real-time: no allocation, no locks. Returns {@link #OK} or
     * {@link #FAILED}; on failure the reason is in {@link #lastError()}.
     */
    public int process(int numSamples, int changeCount) {
        try {
            for (int i = 0; i < changeCount; i++) {
                applyHostValue(changeIndices.get(i), changeValues.get(i));
            }
            faults.beforeBlock();
            int stride = maxBlockSize;
            for (int ch = 0; ch < 2 * activeSources; ch++) {
                in.get(ch * stride, inputs[ch], 0, numSamples);
            }
            processor.process(inputs, outputs, numSamples);
            for (int ch = 0; ch < 2 * activeCues; ch++) {
                out.put(ch * stride, outputs[ch], 0, numSamples);
            }
            return OK;
        } catch (Throwable t) {
            lastError = describe("process", t);
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
        if (Params.get(index).normalize(params.get(index)) != normalized) {
            params.setNormalized(index, normalized);
        }
    }

    public void release() {
        processor.release();
    }

    /** The sources and cues the host enabled at the last prepare (all, before the first). */
    public int activeSources() {
        return activeSources > 0 ? activeSources : Layout.MAX_SOURCES;
    }

    public int activeCues() {
        return activeCues > 0 ? activeCues : Layout.MAX_CUES;
    }

    /** Grows with every change of the state beside the parameters. Any thread. */
    public long stateVersion() {
        return stateVersion.get();
    }

    /** A surface changed the state beside the parameters (renamed a cue). */
    public void stateEdited() {
        stateVersion.incrementAndGet();
    }

    public String lastError() {
        return HostileText.onto(lastError);
    }

    // ---- Parameters, message thread -------------------------------------------------------------

    /** The value every parameter has now, normalized, in table order (after a state load). */
    public float[] normalizedValues() {
        float[] values = new float[Params.count()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Params.get(i).normalize(params.get(i));
        }
        return values;
    }

    public String formatValue(int index, float normalized) {
        ParamSpec p = Params.get(index);
        return HostileText.onto(ParamText.format(p, p.denormalize(normalized)));
    }

    /** Text to normalized value, or NaN when the text means nothing for this parameter. */
    public float parseValue(int index, String text) {
        ParamSpec p = Params.get(index);
        try {
            return p.normalize(ParamText.parse(p, text));
        } catch (IllegalArgumentException e) {
            return Float.NaN;
        }
    }

    // ---- State and programs, message thread -----------------------------------------------

    /** The whole state as the host stores it: versioned JSON (see the state module). */
    public byte[] getState() {
        state.capture(params);
        return StateCodec.encode(state);
    }

    /**
     * Loads a state blob. The blob is parsed and checked whole before anything changes, so a bad
     * one leaves the current state as it was. Returns null on success, else why nothing changed.
     */
    public String setState(byte[] blob) {
        try {
            Decoded decoded = StateCodec.decode(blob);
            decoded.warnings().forEach(w -> BridgeLog.line("state: " + w));
            adopt(decoded, "State");
            loadedUserPreset = null;
            return null;
        } catch (StateFormatException e) {
            setNotice("State not loaded, settings kept: " + e.getMessage(), false);
            return HostileText.onto(e.getMessage());
        }
    }

    /**
     * A decoded state becomes the live one: one scene change for the engine (it fades every cue
     * out with the old values and in with the new ones), and the notice says what the load
     * changed or warned about, or is cleared by a clean load.
     */
    private void adopt(Decoded decoded, String what) {
        state = decoded.state();
        stateVersion.incrementAndGet();
        state.applyTo(params);
        List<String> warnings = decoded.warnings();
        setNotice(warnings.isEmpty() ? null
                : what + " loaded with " + warnings.size() + (warnings.size() == 1 ? " warning" : " warnings")
                  + " (all in the log): " + warnings.get(0), false);
    }

    /**
     * What went wrong or was changed at the last state or program load, for the editor to show
     * (the log has it too); null when the last load was clean. Any thread.
     */
    public String notice() {
        return notice;
    }

    private volatile String notice;
    /** Whether the notice is a preset action's refusal, which the next successful action clears. */
    private boolean noticeFromPresetAction;

    private void setNotice(String text, boolean fromPresetAction) {
        notice = text;
        noticeFromPresetAction = text != null && fromPresetAction;
    }

    /** The name of program 0: the state a new instance starts in. */
    static final String DEFAULT_PROGRAM = "Default";

    /**
     * Program names, one per line: program 0 is the default state (what a new instance holds, so
     * that hosts, which treat the current program as loaded, never skip loading a real preset),
     * then the factory presets.
     */
    public String programNames() {
        StringBuilder sb = new StringBuilder(DEFAULT_PROGRAM).append('\n');
        for (PresetLibrary.Entry e : factoryPresets()) {
            sb.append(HostileText.onto(e.name())).append('\n');
        }
        return sb.toString();
    }

    /** The program the current state came from (restored with the state). */
    public int currentProgram() {
        return state.program();
    }

    /** Loads program {@code index} as the whole state; null on success, else why not. */
    public String loadProgram(int index) {
        try {
            List<PresetLibrary.Entry> presets = factoryPresets();
            if (index < 0 || index > presets.size()) {
                return HostileText.onto("no program " + index);
            }
            state = index == 0 ? new PluginState() : library.load(presets.get(index - 1).id()).state();
            state.setProgram(index);
            state.applyTo(params);
            stateVersion.incrementAndGet();
            setNotice(null, false);
            loadedUserPreset = null;
            return null;
        } catch (PresetException e) {
            setNotice("Program " + index + " not loaded, settings kept: " + e.getMessage(), false);
            return HostileText.onto(e.getMessage());
        }
    }

    // ---- User presets, message thread (the editor) ------------------------------------------
    //
    // The files are small (about 30 KiB) and read or written only on a click, like a factory
    // preset on a program change, so these run on the message thread that asks for them. Every
    // refusal also goes to the notice, which the editor shows.

    private volatile String loadedUserPreset;

    /** The user's preset names (the XDG data dir), sorted; empty when none or unreadable. */
    public List<String> userPresetNames() {
        List<String> names = new ArrayList<>();
        try {
            for (PresetLibrary.Entry e : library.list()) {
                if (e.source() == PresetLibrary.Source.USER) {
                    names.add(e.id());
                }
            }
        } catch (PresetException e) {
            presetRefused("User presets not listed: " + e.getMessage());
        }
        return names;
    }

    /**
     * Loads a user preset as the whole state, the way a state load does (one scene change, the
     * notice for its warnings), then has the shim tell the host: the new parameter values and
     * "state changed". Not a program change: a user preset is no host program, so the host's
     * program stays what it was. Null on success, else why nothing changed.
     */
    public String loadUserPreset(String name) {
        try {
            Decoded decoded = library.load(name);
            int program = state.program();
            adopt(decoded, "Preset '" + Quote.text(name) + "'");
            state.setProgram(program);
            loadedUserPreset = name;
            shim.stateLoaded();
            return null;
        } catch (PresetException e) {
            return presetRefused("Preset '" + Quote.text(name) + "' not loaded, settings kept: " + e.getMessage());
        }
    }

    /** Saves the current state (both A/B slots, cue names, meter reference) as a new user preset. */
    public String saveUserPreset(String name) {
        try {
            if (library.exists(name)) {
                throw new PresetException("a preset named '" + Quote.text(name) + "' already exists; choose another name");
            }
            state.capture(params);
            library.save(name, "Saved from the editor", state);
            loadedUserPreset = name;
            presetDone();
            return null;
        } catch (PresetException e) {
            return presetRefused("Preset not saved: " + e.getMessage());
        }
    }

    public String renameUserPreset(String from, String to) {
        try {
            library.rename(from, to);
            if (from.equals(loadedUserPreset)) {
                loadedUserPreset = to;
            }
            presetDone();
            return null;
        } catch (PresetException e) {
            return presetRefused("Preset not renamed: " + e.getMessage());
        }
    }

    public String deleteUserPreset(String name) {
        try {
            library.delete(name);
            if (name.equals(loadedUserPreset)) {
                loadedUserPreset = null;
            }
            presetDone();
            return null;
        } catch (PresetException e) {
            return presetRefused("Preset not deleted: " + e.getMessage());
        }
    }

    /** The user preset loaded (or saved) last, or null when a program or state was loaded since. Any thread. */
    public String loadedUserPreset() {
        return loadedUserPreset;
    }

    private String presetRefused(String why) {
        BridgeLog.line("presets: " + why);
        setNotice(why, true);
        return why;
    }

    /** A preset action worked: an earlier action's refusal no longer applies; a load's warning still does. */
    private void presetDone() {
        if (noticeFromPresetAction) {
            setNotice(null, false);
        }
    }

    private List<PresetLibrary.Entry> factoryPresets() {
        if (factory == null) {
            List<PresetLibrary.Entry> list = new ArrayList<>();
            try {
                for (PresetLibrary.Entry e : library.list()) {
                    if (e.source() == PresetLibrary.Source.FACTORY) {
                        list.add(e);
                    }
                }
            } catch (PresetException e) {
                BridgeLog.line("factory presets unavailable: " + e.getMessage());
            }
            factory = List.copyOf(list);
        }
        return factory;
    }

    private org.foldback.bridge.control.Controller controller;

    /** This instance as control surfaces see it (the editor, the remote, OSC). */
    public synchronized org.foldback.bridge.control.Controller controller() {
        if (controller == null) {
            controller = new org.foldback.bridge.control.InstanceController(this);
        }
        return controller;
    }

    /** The shim's calls, for Java-side edits (the editor). */
    public ShimCalls shim() {
        return shim;
    }

    public ParamStore params() {
        return params;
    }

    // ---- Editor, message thread -----------------------------------------------------------------

    /** The class that draws the editor (java/ui); looked up by name so the bridge does not depend on it. */
    static final String EDITOR_CLASS = "org.foldback.ui.FoldbackEditor";

    /**
     * A new editor view for this instance. Throws when the editor classes are missing or fail to
     * start; the shim then shows its plain status editor with the reason.
     */
    public EditorView openEditor() throws ReflectiveOperationException {
        Class<?> c = Class.forName(EDITOR_CLASS, true, NativeProcessor.class.getClassLoader());
        return (EditorView) c.getConstructor(NativeProcessor.class).newInstance(this);
    }

    /** The processor that mixes; the editor reads its meters and limiter state. */
    public Processor processor() {
        return processor;
    }

    /** The state beside the parameters (cue names, meter reference, A/B slots). */
    public PluginState pluginState() {
        return state;
    }

    private static String describe(String where, Throwable t) {
        return "Java " + where + " failed: " + t;
    }
}
