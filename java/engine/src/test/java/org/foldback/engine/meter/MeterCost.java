package org.foldback.engine.meter;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Manual timing harness (not a test): the cost of the full meter set per stereo bus per 64-sample
 * block, 24 buses at 48 kHz, measured in CPU time of this thread (so other load on the machine
 * counts less). The level changes every 100 ms over a 60 dB span so the loudness histograms are
 * wide (the integrated and range scans are at their costliest). Run with
 * {@code java -cp java/engine/target/classes:java/engine/target/test-classes org.foldback.engine.meter.MeterCost}.
 */
public final class MeterCost {
    public static void main(String[] args) {
        int buses = 24, block = 64, levels = 16;
        MeterBank bank = new MeterBank(buses);
        bank.prepare(48000);
        float[][] l = MeterBankTest.blocks(97, 1), r = MeterBankTest.blocks(89, 2);
        float[][][] ls = new float[levels][][], rs = new float[levels][][];
        for (int v = 0; v < levels; v++) {
            float g = (float) Math.pow(10, -4.0 * v / 20);
            ls[v] = scaled(l, g);
            rs[v] = scaled(r, g);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int blocks = 100_000;
        long[] each = new long[blocks];
        for (int round = 0; round < 5; round++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            for (int k = 0; k < blocks; k++) {
                long s = threads.getCurrentThreadCpuTime();
                int level = k / 75; // 75 blocks of 64 = 100 ms
                for (int b = 0; b < buses; b++) {
                    int v = (level * 7 + b) % levels;
                    bank.accept(b, ls[v][(k + b) % l.length], rs[v][(k + 3 * b) % r.length], block);
                }
                each[k] = threads.getCurrentThreadCpuTime() - s;
            }
            long total = threads.getCurrentThreadCpuTime() - cpu0;
            Arrays.sort(each);
            double perBusBlock = total / 1e3 / blocks / buses;
            double blockPeriod = block / 48000.0 * 1e6;
            System.out.printf("round %d: %.3f us CPU per bus per block (incl. timer calls); 24-bus block: median %.1f us,"
                    + " 99%% %.1f us, 99.9%% %.1f us, max %.1f us, of a %.0f us block period (mean load %.1f %%)%n", round, perBusBlock,
                    each[blocks / 2] / 1e3, each[blocks - blocks / 100] / 1e3, each[blocks - blocks / 1000] / 1e3, each[blocks - 1] / 1e3, blockPeriod,
                    100 * perBusBlock * buses / blockPeriod);
        }
    }

    static float[][] scaled(float[][] x, float g) {
        float[][] y = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i].clone();
            for (int j = 0; j < y[i].length; j++) {
                y[i][j] *= g;
            }
        }
        return y;
    }
}
