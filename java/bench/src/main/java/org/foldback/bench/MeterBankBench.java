package org.foldback.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.foldback.engine.meter.MeterBank;
import org.foldback.engine.meter.MeterDemand;
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
 * One 64-sample block of the meters of 24 stereo buses (16 sources + 8 cues) at 48 kHz, in µs,
 * by what is demanded of them (docs/METERS.md, "Meters cost what is read"):
 * <ul>
 *   <li>{@code always}: sample peak, clips, RMS on every bus (the floor nothing lowers);</li>
 *   <li>{@code default}: the engine's floors: sources as above, cues with loudness and true peak;</li>
 *   <li>{@code editor}: the defaults plus the selected cue's whole set (what the editor shows);</li>
 *   <li>{@code all}: every unit on every bus (the engine before demand existed).</li>
 * </ul>
 * Programme-like noise whose level changes every 100 ms, so gating and the true-peak skip act.
 * Run: {@code java -jar java/bench/target/benchmarks.jar MeterBankBench -f 1 -wi 3 -i 5}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MeterBankBench {
    private static final int BLOCK = 64, BUSES = 24, SOURCES = 16, TABLE = 3000;

    @Param({"always", "default", "editor", "all"})
    public String demand;

    private MeterBank bank;
    private float[][][] blocks;
    private int k;

    @Setup(Level.Trial)
    public void setUp() {
        bank = new MeterBank(BUSES);
        bank.prepare(48000);
        for (int b = 0; b < BUSES; b++) {
            boolean cue = b >= SOURCES;
            int floor = switch (demand) {
                case "always" -> MeterDemand.ALWAYS;
                case "all" -> MeterDemand.ALL;
                default -> cue ? MeterDemand.CUE_DEFAULT : MeterDemand.SOURCE_DEFAULT;
            };
            bank.floor(b, floor);
        }
        if (demand.equals("editor")) {
            bank.demand(SOURCES, MeterDemand.ALL);
        }
        Random random = new Random(1);
        blocks = new float[TABLE][2][BLOCK];
        for (int i = 0; i < TABLE; i++) {
            double g = Math.pow(10, -2.0 * ((i / 75 * 7) % 20) / 20);
            for (int j = 0; j < BLOCK; j++) {
                double common = random.nextGaussian();
                blocks[i][0][j] = (float) (g * 0.3 * (common + 0.5 * random.nextGaussian()));
                blocks[i][1][j] = (float) (g * 0.3 * (common + 0.5 * random.nextGaussian()));
            }
        }
    }

    @Benchmark
    public void block() {
        int i = k;
        for (int b = 0; b < BUSES; b++) {
            float[][] x = blocks[(i + 13 * b) % TABLE];
            bank.accept(b, x[0], x[1], BLOCK);
        }
        k = i + 1 == TABLE ? 0 : i + 1;
    }
}
