package org.foldback.cli.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;
import org.foldback.engine.FoldbackProcessor;
import org.foldback.engine.Processor;

/**
 * The engine alone, in this JVM: FoldbackProcessor (cue engine and every meter) on 64-sample
 * blocks at 48 kHz, each block timed with System.nanoTime, and the bytes this thread allocated
 * over the measured blocks (ThreadMXBean).
 */
final class EngineTiming {
    record Result(double medianMicros, double meanMicros, double p9999Micros, double maxMicros,
                  double allocBytesPerBlock, long blocks) {}

    private EngineTiming() {}

    static Result measure(BenchConfig config, int block, double sampleRate, double warmupSeconds, double seconds) {
        return measure(FoldbackProcessor::new, config, block, sampleRate, warmupSeconds, seconds);
    }

    /** As above for any processor, e.g. the cue engine without its meters. */
    static Result measure(Supplier<Processor> factory, BenchConfig config, int block, double sampleRate,
                          double warmupSeconds, double seconds) {
        return measure(factory, config, config.sources, config.cues, block, sampleRate, warmupSeconds, seconds);
    }

    /**
     * As above with the processor prepared for more buses than the configuration uses, as a host
     * that cannot leave buses out prepares it (LV2: every one of the 16 sources and 8 cues): the
     * configuration's sources carry the noise, the others digital silence, and every prepared bus
     * is metered at its floor.
     */
    static Result measure(Supplier<Processor> factory, BenchConfig config, int preparedSources, int preparedCues,
                          int block, double sampleRate, double warmupSeconds, double seconds) {
        Processor processor = factory.get();
        config.apply(processor.params());
        config.calibrate(processor);
        processor.prepare(sampleRate, block, preparedSources, preparedCues);
        float[][] noise = noise(2 * preparedSources, (int) sampleRate);
        for (int ch = 2 * config.sources; ch < noise.length; ch++) {
            Arrays.fill(noise[ch], 0f);
        }
        float[][] in = new float[2 * preparedSources][block];
        float[][] out = new float[2 * preparedCues][block];
        int warmup = (int) Math.ceil(warmupSeconds * sampleRate / block);
        int blocks = Math.max(1, (int) Math.ceil(seconds * sampleRate / block));
        long[] nanos = new long[blocks];

        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        int offset = 0;
        long allocatedBefore = 0;
        long counterCost = 0;
        for (int b = 0; b < warmup + blocks; b++) {
            if (b == warmup) {
                // What the plugin resolves after its warm-up (CompilePrerequisites), resolved here too.
                org.foldback.engine.CompilePrerequisites.resolve(org.foldback.engine.Processor.class);
                // What one reading of the counter itself costs (0 on current JDKs), taken off below.
                long a = threads.getThreadAllocatedBytes(thread);
                allocatedBefore = threads.getThreadAllocatedBytes(thread);
                counterCost = allocatedBefore - a;
            }
            for (int ch = 0; ch < in.length; ch++) {
                System.arraycopy(noise[ch], offset, in[ch], 0, block);
            }
            offset = (offset + block) % (noise[0].length - block);
            long t0 = System.nanoTime();
            processor.process(in, out, block);
            long t1 = System.nanoTime();
            if (b >= warmup) {
                nanos[b - warmup] = t1 - t0;
            }
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore - counterCost;
        processor.release();

        Arrays.sort(nanos);
        double sum = 0;
        for (long n : nanos) {
            sum += n;
        }
        return new Result(nanos[blocks / 2] / 1e3, sum / blocks / 1e3,
                nanos[Math.min(blocks - 1, (int) Math.ceil(0.9999 * blocks) - 1)] / 1e3,
                nanos[blocks - 1] / 1e3, (double) allocated / blocks, blocks);
    }

    /** Gaussian noise at -12 dBFS RMS, the same kind of signal the host bench feeds. */
    static float[][] noise(int channels, int frames) {
        Random rnd = new Random(1);
        float[][] table = new float[channels][frames];
        for (float[] ch : table) {
            for (int i = 0; i < frames; i++) {
                ch[i] = (float) Math.max(-1, Math.min(1, rnd.nextGaussian() * 0.25));
            }
        }
        return table;
    }
}
