package org.foldback.bridge;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import org.foldback.engine.Layout;

/**
 * The memory the shim and Java share for one instance's audio path: direct buffers the shim
 * memcpys the host's channels into and the cues out of (channel {@code i} starts at float offset
 * {@code i * maxBlockSize}), the float arrays the engine works on, and the change buffer through
 * which host parameter changes arrive (its layout is the boundary's, {@code Boundary.CHANGE_*}).
 * Everything is allocated in {@link #prepare}; the per-block copies allocate nothing.
 */
final class BlockBuffers {
    private int maxBlockSize;
    private float[][] inputs = new float[0][];
    private float[][] outputs = new float[0][];
    private ByteBuffer inBytes;
    private ByteBuffer outBytes;
    private FloatBuffer in;
    private FloatBuffer out;

    private final ByteBuffer changeBytes;
    private final IntBuffer changeIndices;
    private final FloatBuffer changeValues;

    BlockBuffers() {
        changeBytes = ByteBuffer.allocateDirect(Boundary.CHANGE_BUFFER_BYTES).order(ByteOrder.nativeOrder());
        changeIndices = changeBytes.position(Boundary.CHANGE_INDICES_OFFSET_BYTES).slice()
                .order(ByteOrder.nativeOrder()).asIntBuffer();
        changeValues = changeBytes.position(Boundary.CHANGE_VALUES_OFFSET_BYTES).slice()
                .order(ByteOrder.nativeOrder()).asFloatBuffer();
        changeBytes.position(0);
    }

    /** Allocates every audio buffer for blocks of up to {@code maxBlockSize} samples. */
    void prepare(int maxBlockSize) {
        this.maxBlockSize = maxBlockSize;
        inputs = new float[Layout.MAX_INPUT_CHANNELS][maxBlockSize];
        outputs = new float[Layout.MAX_OUTPUT_CHANNELS][maxBlockSize];
        inBytes = ByteBuffer.allocateDirect(Layout.MAX_INPUT_CHANNELS * maxBlockSize * Float.BYTES)
                .order(ByteOrder.nativeOrder());
        outBytes = ByteBuffer.allocateDirect(Layout.MAX_OUTPUT_CHANNELS * maxBlockSize * Float.BYTES)
                .order(ByteOrder.nativeOrder());
        in = inBytes.asFloatBuffer();
        out = outBytes.asFloatBuffer();
    }

    ByteBuffer inputBytes() {
        return inBytes;
    }

    ByteBuffer outputBytes() {
        return outBytes;
    }

    ByteBuffer changeBytes() {
        return changeBytes;
    }

    int changedIndex(int i) {
        return changeIndices.get(i);
    }

    float changedValue(int i) {
        return changeValues.get(i);
    }

    /** The host's channels of the first {@code sources} sources, into the engine's arrays. */
    float[][] copyIn(int sources, int numSamples) {
        for (int ch = 0; ch < 2 * sources; ch++) {
            in.get(ch * maxBlockSize, inputs[ch], 0, numSamples);
        }
        return inputs;
    }

    float[][] outputs() {
        return outputs;
    }

    /** The engine's first {@code cues} cues, out to the shim. */
    void copyOut(int cues, int numSamples) {
        for (int ch = 0; ch < 2 * cues; ch++) {
            out.put(ch * maxBlockSize, outputs[ch], 0, numSamples);
        }
    }
}
