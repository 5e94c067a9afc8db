package org.foldback.cli.bench;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import org.foldback.engine.FoldbackProcessor;

/**
 * The engine as a host such as jalv calls it: one block per period, with other work between two
 * blocks. In jalv the Java call costs about twice the engine's back-to-back time, and what makes
 * the difference is what runs between the calls: it evicts the block's code and data from the
 * caches (PERFORMANCE.md, "Session 8: the Java call in jalv": walking 8 MB between blocks cost the
 * block what sleeping to the next period cost while other processes ran). So three ways of
 * calling the same processor, in rounds, alternated:
 * <ul>
 *   <li>{@link Mode#BACK_TO_BACK}: block after block, everything stays in the caches;</li>
 *   <li>{@link Mode#WALK}: before each block, read one word of every 64-byte line of
 *   {@link #WALK_BYTES} of other memory (more than this machine's L2 share; the L1s and the TLBs
 *   go too): the stand-in for the host's work between periods, the same in any minute;</li>
 *   <li>{@link Mode#PACED}: sleep to the next period's deadline (1333 µs at 64 samples), as a
 *   host does; what it costs depends on what else runs on the machine meanwhile.</li>
 * </ul>
 * Only the block is timed. The walk's figure is what a smaller working set lowers.
 */
final class ColdCacheTiming {
    /** 8 MB: four times a core's 2 MB L2 on the machine where the jalv gap was measured. */
    static final int WALK_BYTES = 8 << 20;

    enum Mode { BACK_TO_BACK, WALK, PACED }

    record Result(double[] medianMicros, double[] p99Micros) {
        double median(Mode m) {
            return medianMicros[m.ordinal()];
        }

        double p99(Mode m) {
            return p99Micros[m.ordinal()];
        }
    }

    private final long[] walk = new long[WALK_BYTES / Long.BYTES];
    /** Keeps the walk from being optimised away. */
    static volatile long sink;

    /**
     * {@code rounds} rounds of {@code blocks} blocks per mode on one prepared, warmed-up processor
     * fed noise; per mode the median and p99 over all its blocks.
     */
    Result measure(FoldbackProcessor processor, int sources, int cues, int block, double rate,
                   int rounds, int blocks) {
        float[][] noise = EngineTiming.noise(2 * sources, (int) rate);
        float[][] in = new float[2 * sources][block];
        float[][] out = new float[2 * cues][block];
        long period = Math.round(1e9 * block / rate);
        Mode[] modes = Mode.values();
        long[][] nanos = new long[modes.length][rounds * blocks];
        int[] offset = {0};
        for (int r = 0; r < rounds; r++) {
            for (Mode mode : modes) {
                long deadline = System.nanoTime() + period;
                for (int b = 0; b < blocks; b++) {
                    for (int ch = 0; ch < in.length; ch++) {
                        System.arraycopy(noise[ch], offset[0], in[ch], 0, block);
                    }
                    offset[0] = (offset[0] + block) % (noise[0].length - block);
                    if (mode == Mode.WALK) {
                        walk();
                    } else if (mode == Mode.PACED) {
                        long now;
                        while ((now = System.nanoTime()) < deadline) {
                            LockSupport.parkNanos(deadline - now);
                        }
                        deadline += period;
                        if (deadline < now) {
                            deadline = now + period; // late: start again from now
                        }
                    }
                    long t0 = System.nanoTime();
                    processor.process(in, out, block);
                    nanos[mode.ordinal()][r * blocks + b] = System.nanoTime() - t0;
                }
            }
        }
        double[] median = new double[modes.length];
        double[] p99 = new double[modes.length];
        for (Mode m : modes) {
            long[] t = nanos[m.ordinal()];
            Arrays.sort(t);
            median[m.ordinal()] = t[t.length / 2] / 1e3;
            p99[m.ordinal()] = t[Math.min(t.length - 1, (int) Math.ceil(0.99 * t.length) - 1)] / 1e3;
        }
        return new Result(median, p99);
    }

    /** One read per 64-byte line of the walk's memory. */
    private void walk() {
        long sum = 0;
        long[] w = walk;
        for (int i = 0; i < w.length; i += 8) {
            sum += w[i];
        }
        w[(int) (sum & 7)]++;
        sink = sum;
    }
}
