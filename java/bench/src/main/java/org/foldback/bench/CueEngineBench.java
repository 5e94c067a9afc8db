package org.foldback.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.foldback.engine.Layout;
import org.foldback.engine.crossfeed.Crossfeed;
import org.foldback.engine.mix.CueEngine;
import org.foldback.engine.param.ParamStore;
import org.foldback.engine.param.Params;
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
 * One 64-sample block of the cue engine at 48 kHz (1.333 ms of audio), in µs.
 *
 * <ul>
 *   <li>{@code 16x8}: every source sent to every cue at non-trivial level and pan, half the
 *       sources in mono mode, fold-down and polarity varied, limiters on and working.</li>
 *   <li>{@code 16x8moving}: as 16x8, with two parameters changing every block (ramping sends).</li>
 *   <li>{@code 1x1}: one source, one cue: the floor.</li>
 *   <li>{@code 16x8unused}: 16 sources and 8 cues enabled but only source 1 sent to cue 1:
 *       shows that unused buses cost nearly nothing.</li>
 *   <li>{@code 16x8ears}: as 16x8, with every performer's-ear stage on: tone (high-pass and both
 *       shelves) and crossfeed on every cue, every source sent to the reverb, every cue hearing it.</li>
 * </ul>
 * Run: {@code java -jar java/bench/target/benchmarks.jar CueEngineBench -f 1 -wi 3 -i 5}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CueEngineBench {
    private static final int BLOCK = 64;

    @Param({"16x8", "16x8moving", "1x1", "16x8unused", "16x8ears"})
    public String config;

    private CueEngine engine;
    private ParamStore params;
    private float[][] in;
    private float[][] out;
    private boolean moving;
    private int tick;

    @Setup(Level.Trial)
    public void setUp() {
        boolean full = config.startsWith("16x8");
        boolean unused = config.equals("16x8unused");
        boolean ears = config.equals("16x8ears");
        moving = config.equals("16x8moving");
        int sources = full ? Layout.MAX_SOURCES : 1;
        int cues = full ? Layout.MAX_CUES : 1;
        engine = new CueEngine();
        params = engine.params();
        Random rnd = new Random(1);
        for (int c = 0; c < cues; c++) {
            params.set(Params.cue(c).level(), 3f);
            params.set(Params.cue(c).limiter(), 1);
            params.set(Params.cue(c).ceiling(), -3f);
            params.set(Params.cue(c).fold(), c % 3 == 2 ? 1 : 0);
            params.set(Params.cue(c).polarityRight(), c % 4 == 3 ? 1 : 0);
            for (int s = 0; s < sources; s++) {
                boolean sent = !unused || (c == 0 && s == 0);
                params.set(Params.cue(c).send(s).level(), sent ? -12f + 12f * rnd.nextFloat() : Params.LEVEL_MIN_DB);
                params.set(Params.cue(c).send(s).pan(), rnd.nextFloat() * 2 - 1);
            }
        }
        for (int s = 0; s < sources; s++) {
            params.set(Params.source(s).mode(), s % 2);
        }
        if (ears) {
            for (int c = 0; c < cues; c++) {
                params.set(Params.cue(c).toneHighPass(), 80);
                params.set(Params.cue(c).toneLow(), 4);
                params.set(Params.cue(c).toneHigh(), -3);
                params.set(Params.cue(c).crossfeed(), Crossfeed.Level.DEFAULT.ordinal());
                params.set(Params.cue(c).ambience(), -10);
            }
            for (int s = 0; s < sources; s++) {
                params.set(Params.source(s).ambience(), -12);
            }
        }
        engine.prepare(48000, BLOCK, sources, cues);
        in = new float[2 * sources][BLOCK];
        out = new float[2 * cues][BLOCK];
        for (float[] ch : in) {
            for (int i = 0; i < BLOCK; i++) {
                ch[i] = (float) (rnd.nextGaussian() * 0.5);
            }
        }
    }

    @Benchmark
    public float[][] block() {
        if (moving) {
            int t = tick++;
            params.set(Params.cue(t & 7).send((t >> 3) & 15).level(), -12f + (t & 63) * 0.1f);
            params.set(Params.cue((t + 3) & 7).send((t >> 2) & 15).pan(), ((t & 31) - 16) / 16f);
        }
        engine.process(in, out, BLOCK);
        return out;
    }
}
