package org.foldback.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.foldback.engine.ambience.FdnReverb;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The ambience reverb alone: one 64-sample block at 48 kHz (1333 µs of audio), in µs. The goal is
 * 0.5 % of a core, i.e. at most 6.7 µs per block.
 *
 * <ul>
 *   <li>{@code running}: noise on the send bus, size 1, T60 2 s, 30 ms pre-delay.</li>
 *   <li>{@code idle}: every send off and the tail gone: the cost of "no cost".</li>
 * </ul>
 * Run: {@code java -jar java/bench/target/benchmarks.jar ReverbBench -f 1 -wi 3 -i 5}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ReverbBench {
    private static final int BLOCK = 64;

    @Param({"running", "idle"})
    public String config;

    private FdnReverb reverb;
    private float[] inL;
    private float[] inR;
    private float[] outL;
    private float[] outR;
    private boolean silent;

    @Setup(Level.Trial)
    public void setUp() {
        reverb = new FdnReverb();
        reverb.set(1f, 2f, 30f, true);
        reverb.prepare(48000, 960, 480);
        silent = config.equals("idle");
        Random rnd = new Random(1);
        inL = new float[BLOCK];
        inR = new float[BLOCK];
        outL = new float[BLOCK];
        outR = new float[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            inL[i] = silent ? 0f : (float) (0.3 * rnd.nextGaussian());
            inR[i] = silent ? 0f : (float) (0.3 * rnd.nextGaussian());
        }
    }

    @Benchmark
    public boolean block() {
        return reverb.process(inL, inR, outL, outR, BLOCK, silent);
    }
}
