package org.foldback.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.foldback.engine.AllocationProbe;
import org.foldback.engine.FoldbackProcessor;
import org.foldback.engine.Layout;
import org.foldback.engine.Processor;
import org.foldback.engine.param.ParamStore;
import org.foldback.engine.param.Params;
import org.foldback.engine.simd.Simd;
import org.junit.jupiter.api.Test;

/**
 * The bridge as the shim drives it, without the shim: direct buffers in, one process call, direct
 * buffers out. Proves the whole Java audio path (bridge, engine, meters) allocates nothing, that
 * the bridge adds no change to the engine's output, and that failures come back as results.
 */
class NativeProcessorTest {
    private static final int BLOCK = 64;

    private static NativeProcessor bridge(Processor p) {
        return new NativeProcessor(p, ShimCalls.connect(0, ""));
    }

    private static FloatBuffer floats(ByteBuffer b) {
        return b.duplicate().order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    @Test
    void wholeJavaAudioPathAllocatesZeroBytes() {
        NativeProcessor np = bridge(new FoldbackProcessor());
        assertNull(np.prepare(48000, BLOCK, Layout.MAX_SOURCES, Layout.MAX_CUES));
        FloatBuffer in = floats(np.inputBuffer());
        Random rnd = new Random(3);
        for (int i = 0; i < in.capacity(); i++) {
            in.put(i, (float) rnd.nextGaussian() * 0.3f);
        }
        ByteBuffer changes = np.changeBuffer().duplicate().order(ByteOrder.nativeOrder());
        int level = Params.cue(2).send(5).level();

        long bytes = AllocationProbe.steadyStateBytes(b -> {
            // One host automation change per block, written where the shim writes it.
            changes.putInt(Boundary.CHANGE_INDICES_OFFSET_BYTES, level);
            changes.putFloat(Boundary.CHANGE_VALUES_OFFSET_BYTES, (b & 255) / 255f);
            if (np.process(BLOCK, 1) != NativeProcessor.OK) {
                throw new AssertionError(np.lastError());
            }
        }, 20_000, 30, 100_000, NativeProcessor.class);
        assertEquals(0, bytes, "bytes allocated over 100,000 blocks of 16 x 8 with meters (vector kernels "
                + Simd.describe() + ")");
        System.out.println("whole Java audio path: 0 bytes over 100,000 blocks; vector kernels " + Simd.describe());
    }

    @Test
    void bridgeOutputEqualsTheProcessorsOwnToTheBit() {
        FoldbackProcessor direct = new FoldbackProcessor();
        NativeProcessor np = bridge(new FoldbackProcessor());
        Random rnd = new Random(9);
        for (int c = 0; c < 3; c++) {
            for (int s = 0; s < 3; s++) {
                float db = -12f + 12f * rnd.nextFloat();
                direct.params().set(Params.cue(c).send(s).level(), db);
                np.params().set(Params.cue(c).send(s).level(), db);
            }
        }
        direct.prepare(44100, BLOCK, 3, 3);
        assertNull(np.prepare(44100, BLOCK, 3, 3));
        float[][] in = new float[Layout.MAX_INPUT_CHANNELS][BLOCK];
        float[][] out = new float[Layout.MAX_OUTPUT_CHANNELS][BLOCK];
        FloatBuffer nin = floats(np.inputBuffer());
        FloatBuffer nout = floats(np.outputBuffer());
        for (int b = 0; b < 50; b++) {
            for (int ch = 0; ch < 6; ch++) {
                for (int i = 0; i < BLOCK; i++) {
                    in[ch][i] = (float) rnd.nextGaussian() * 0.2f;
                    nin.put(ch * BLOCK + i, in[ch][i]);
                }
            }
            direct.process(in, out, BLOCK);
            assertEquals(NativeProcessor.OK, np.process(BLOCK, 0));
            for (int ch = 0; ch < 6; ch++) {
                float[] got = new float[BLOCK];
                nout.get(ch * BLOCK, got, 0, BLOCK);
                assertArrayEquals(out[ch], got, 0f, "block " + b + " channel " + ch);
            }
        }
    }

    @Test
    void hostEchoOfJavasOwnValueKeepsTheExactPlainValue() {
        NativeProcessor np = bridge(new FoldbackProcessor());
        assertNull(np.prepare(48000, BLOCK, 1, 1));
        int level = Params.cue(0).level();
        np.params().set(level, -6.3f);   // as a state load would
        float normalized = np.normalizedValues()[level];
        ByteBuffer changes = np.changeBuffer().duplicate().order(ByteOrder.nativeOrder());
        changes.putInt(Boundary.CHANGE_INDICES_OFFSET_BYTES, level);
        changes.putFloat(Boundary.CHANGE_VALUES_OFFSET_BYTES, normalized);
        np.process(BLOCK, 1);
        assertEquals(Float.floatToRawIntBits(-6.3f), Float.floatToRawIntBits(np.params().get(level)));
    }

    @Test
    void anExceptionInProcessComesBackAsFailedWithItsReason() {
        Processor throwing = new Processor() {
            private final ParamStore params = new ParamStore();
            public void prepare(double sr, int max, int s, int c) {}
            public void process(float[][] in, float[][] out, int n) { throw new IllegalStateException("boom"); }
            public void release() {}
            public ParamStore params() { return params; }
        };
        NativeProcessor np = bridge(throwing);
        assertNull(np.prepare(48000, BLOCK, 1, 1));
        assertEquals(NativeProcessor.FAILED, np.process(BLOCK, 0));
        assertTrue(np.lastError().contains("boom"), np.lastError());
    }

    @Test
    void theStateHoldsWhatTheHostChangedSinceTheLastBlock() {
        // A VST3 parameter flush: the host turned bypass on, no block ran, the host saves.
        NativeProcessor np = bridge(new FoldbackProcessor());
        float[] pending = new float[Params.count()];
        java.util.Arrays.fill(pending, Float.NaN);
        pending[Params.global().bypass()] = 1f;
        np.setState(np.getState(pending));
        assertEquals(1f, np.params().normalized(Params.global().bypass()), 0f);
        assertEquals(0f, np.params().normalized(Params.cue(0).mute()), 0f, "parameters without a pending change keep the engine's value");
    }

    @Test
    void aSavedStateIsReusedOnlyWhileNothingChanged() throws Exception {
        // The bytes of the last save come back while the state is the same (StateHolder's
        // WrittenState); every kind of change after a save reaches the next one.
        NativeProcessor np = bridge(new FoldbackProcessor());
        byte[] fresh = np.getState();
        assertArrayEquals(fresh, np.getState(), "asked twice");

        np.params().set(Params.cue(3).level(), -4f);   // the engine's store, as a block applies a host change
        byte[] edited = np.getState();
        assertEquals(-4f, org.foldback.state.StateCodec.decode(edited).state().params().get(Params.cue(3).level()), 0f);

        float[] pending = new float[Params.count()];
        java.util.Arrays.fill(pending, Float.NaN);
        pending[Params.global().bypass()] = 1f;
        byte[] flushed = np.getState(pending);
        assertEquals(1f, org.foldback.state.StateCodec.decode(flushed).state().params().get(Params.global().bypass()), 0f);
        assertArrayEquals(edited, np.getState(), "a pending value is the host's, not the engine's: the next save without it");

        np.controller().renameCue(2, "Drums");
        String named = new String(np.getState(), StandardCharsets.UTF_8);
        assertTrue(named.contains("\"name\": \"Drums\""), "a cue name after a save");
        np.controller().setMeterReference(-20);
        assertTrue(new String(np.getState(), StandardCharsets.UTF_8).contains("\"reference_dbfs\": -20"));

        assertNull(np.setState(fresh));
        assertArrayEquals(fresh, np.getState(), "a loaded state saves as the bytes it was loaded from");
    }

    @Test
    void aBrokenStateIsRefusedAndChangesNothing() {
        NativeProcessor np = bridge(new FoldbackProcessor());
        np.params().set(Params.cue(3).level(), -4f);
        byte[] good = np.getState();
        String error = np.setState("{\"format\":\"foldback-state\",\"schema\":1,\"params\":{\"cue4.level\":".getBytes(StandardCharsets.UTF_8));
        assertNotNull(error);
        assertTrue(np.controller().snapshot().notice().startsWith("State not loaded, settings kept: "), np.controller().snapshot().notice());
        assertEquals(-4f, np.params().get(Params.cue(3).level()), 0f);
        np.params().set(Params.cue(3).level(), 2f);
        assertNull(np.setState(good));
        assertNull(np.controller().snapshot().notice(), "a clean load clears the notice");
        assertEquals(-4f, np.params().get(Params.cue(3).level()), 0f);
        assertArrayEquals(good, np.getState());
    }

    @Test
    void aClampedValueLoadsAndTheNoticeSaysWhich() {
        NativeProcessor np = bridge(new FoldbackProcessor());
        String tooLoud = "{\"format\":\"foldback-state\",\"schema\":3,\"params\":{\"cue4.level\":99}}";
        assertNull(np.setState(tooLoud.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Params.get(Params.cue(3).level()).max(), np.params().get(Params.cue(3).level()), 0f);
        assertTrue(np.controller().snapshot().notice().startsWith("State loaded with 1 warning"), np.controller().snapshot().notice());
        assertTrue(np.controller().snapshot().notice().contains("cue4.level"), np.controller().snapshot().notice());
    }

    @Test
    void theDefaultAndTheFactoryPresetsAreTheHostsPrograms() {
        NativeProcessor np = bridge(new FoldbackProcessor());
        String[] names = np.programNames().split("\n");
        assertEquals(7, names.length, np.programNames()); // Default and the six factory presets
        assertEquals(Boundary.DEFAULT_PROGRAM, names[0]);
        for (int i = names.length - 1; i >= 0; i--) {
            assertNull(np.loadProgram(i), names[i]);
        }
        // Program 0 brings back every default.
        for (int p = 0; p < Params.count(); p++) {
            assertEquals(Params.get(p).defaultValue(), np.params().get(p), 0f, Params.get(p).id());
        }
        assertNotNull(np.loadProgram(names.length));
    }
}
