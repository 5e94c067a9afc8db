package org.foldback.cli.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.foldback.cli.wav.WavEncoding;
import org.foldback.cli.wav.WavReader;
import org.foldback.cli.wav.WavWriter;
import org.foldback.engine.Layout;
import org.foldback.engine.FoldbackProcessor;

/**
 * Renders a job by calling the engine directly, block by block, exactly as the plugin's bridge
 * does: same prepare arguments, same block sizes, so the two paths can be compared bit for bit.
 */
public final class EngineRenderer {
    private EngineRenderer() {}

    public static void render(RenderJob job) throws IOException {
        Inputs in = Inputs.load(job.inputs());
        int sources = Math.max(1, job.inputs().size());
        int block = job.blockSize();

        FoldbackProcessor engine = new FoldbackProcessor();
        job.state().applyTo(engine.params());
        engine.prepare(in.sampleRate(), block, sources, Layout.MAX_CUES);

        float[][] inputs = new float[Layout.MAX_INPUT_CHANNELS][block];
        float[][] outputs = new float[Layout.MAX_OUTPUT_CHANNELS][block];
        Files.createDirectories(job.outDir());
        WavWriter[] writers = new WavWriter[Layout.MAX_CUES];
        try {
            for (int c = 0; c < writers.length; c++) {
                writers[c] = WavWriter.create(job.outDir().resolve("cue-" + (c + 1) + ".wav"), in.sampleRate(), 2,
                        WavEncoding.FLOAT32);
            }
            for (int start = 0; start < in.frames(); start += block) {
                int n = Math.min(block, in.frames() - start);
                in.copyBlock(start, n, inputs);
                engine.process(inputs, outputs, n);
                for (int c = 0; c < writers.length; c++) {
                    writers[c].write(new float[][] {outputs[2 * c], outputs[2 * c + 1]}, 0, n);
                }
            }
        } finally {
            for (WavWriter w : writers) {
                if (w != null) {
                    w.close();
                }
            }
        }
    }

    /** The input files in memory, each as a stereo source (mono files feed both channels). */
    record Inputs(float[][][] sources, int sampleRate, int frames) {
        static Inputs load(java.util.List<Path> files) throws IOException {
            float[][][] sources = new float[files.size()][][];
            int rate = 0, frames = 0;
            for (int s = 0; s < files.size(); s++) {
                try (WavReader r = WavReader.open(files.get(s))) {
                    if (rate != 0 && r.sampleRate() != rate) {
                        throw new IOException(files.get(s) + ": " + r.sampleRate() + " Hz, but the first input is "
                                + rate + " Hz; all inputs must share one sample rate");
                    }
                    rate = r.sampleRate();
                }
                float[][] data = WavReader.readAll(files.get(s));
                sources[s] = new float[][] {data[0], data[data.length > 1 ? 1 : 0]};
                frames = Math.max(frames, data[0].length);
            }
            return new Inputs(sources, rate == 0 ? 48000 : rate, frames);
        }

        /** Copies frames [start, start+n) of every source into the engine's input channels (zero past an input's end). */
        void copyBlock(int start, int n, float[][] channels) {
            for (int s = 0; s < sources.length; s++) {
                for (int ch = 0; ch < 2; ch++) {
                    float[] src = sources[s][ch];
                    float[] dst = channels[2 * s + ch];
                    int available = Math.max(0, Math.min(n, src.length - start));
                    System.arraycopy(src, start, dst, 0, available);
                    java.util.Arrays.fill(dst, available, n, 0f);
                }
            }
        }
    }
}
