package org.foldback.cli.bench;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.foldback.bridge.NativeProcessor;
import org.foldback.engine.FoldbackProcessor;
import org.foldback.engine.Layout;

/**
 * The Java half of the hand-off, in this JVM: NativeProcessor.process (direct buffers to the
 * engine's arrays and back, as the shim calls it) against FoldbackProcessor.process on the same
 * configuration and signal, measured in alternating runs of 1,000 blocks so that both see the same
 * machine load. Also times what a new plugin instance costs on the Java side.
 */
final class BridgeTiming {
    record Result(double bridgedMicros, double directMicros, double instanceMillis) {
        double javaHandOffMicros() {
            return bridgedMicros - directMicros;
        }
    }

    private BridgeTiming() {}

    static Result measure(int block, double sampleRate, int rounds) {
        BenchConfig config = BenchConfig.FULL;
        NativeProcessor bridged = new NativeProcessor(0L, "");
        config.apply(bridged.params());
        bridged.prepare(sampleRate, block, config.sources, config.cues);
        FoldbackProcessor direct = new FoldbackProcessor();
        config.apply(direct.params());
        direct.prepare(sampleRate, block, config.sources, config.cues);

        float[][] noise = EngineTiming.noise(Layout.MAX_INPUT_CHANNELS, (int) sampleRate);
        FloatBuffer in = bridged.inputBuffer().order(ByteOrder.nativeOrder()).asFloatBuffer();
        float[][] inputs = new float[Layout.MAX_INPUT_CHANNELS][block];
        float[][] outputs = new float[Layout.MAX_OUTPUT_CHANNELS][block];
        for (int ch = 0; ch < Layout.MAX_INPUT_CHANNELS; ch++) {
            in.put(ch * block, noise[ch], 0, block);
            System.arraycopy(noise[ch], 0, inputs[ch], 0, block);
        }

        int chunk = 1000;
        long[] a = new long[rounds * chunk];
        long[] b = new long[rounds * chunk];
        for (int r = -20; r < rounds; r++) { // 20 rounds of warm-up: C2 compiles both paths
            for (int i = 0; i < chunk; i++) {
                long t0 = System.nanoTime();
                direct.process(inputs, outputs, block);
                long t1 = System.nanoTime();
                bridged.process(block, 0);
                long t2 = System.nanoTime();
                if (r >= 0) {
                    a[r * chunk + i] = t1 - t0;
                    b[r * chunk + i] = t2 - t1;
                }
            }
        }
        Arrays.sort(a);
        Arrays.sort(b);

        long[] instances = new long[9];
        for (int i = 0; i < instances.length; i++) {
            long t0 = System.nanoTime();
            NativeProcessor p = new NativeProcessor(0L, "");
            p.programNames();
            p.prepare(sampleRate, block, config.sources, config.cues);
            p.process(block, 0);
            instances[i] = System.nanoTime() - t0;
            p.release();
        }
        Arrays.sort(instances);
        return new Result(b[b.length / 2] / 1e3, a[a.length / 2] / 1e3, instances[instances.length / 2] / 1e6);
    }

}
