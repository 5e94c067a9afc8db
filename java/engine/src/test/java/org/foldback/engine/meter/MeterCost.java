package org.foldback.engine.meter;

/**
 * Manual timing harness (not a test; CPU time of this thread, so other load on the machine counts less): the cost of the full meter set per stereo bus per 64-sample
 * block, on 24 buses at 48 kHz. Run with
 * {@code java -cp java/engine/target/classes:java/engine/target/test-classes org.foldback.engine.meter.MeterCost}.
 */
public final class MeterCost {
    public static void main(String[] args) {
        int buses = 24, block = 64;
        MeterBank bank = new MeterBank(buses);
        bank.prepare(48000);
        float[][] l = MeterBankTest.blocks(97, 1), r = MeterBankTest.blocks(89, 2);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 6; round++) {
            int blocks = 100_000;
            long worst = 0;
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (int k = 0; k < blocks; k++) {
                long s = System.nanoTime();
                for (int b = 0; b < buses; b++) {
                    bank.accept(b, l[(k + b) % l.length], r[(k + 3 * b) % r.length], block);
                }
                worst = Math.max(worst, System.nanoTime() - s);
            }
            long wall = System.nanoTime() - t0;
            long t = threads.getCurrentThreadCpuTime() - cpu0;
            double perBusBlock = t / 1e3 / blocks / buses;
            double blockPeriod = block / 48000.0 * 1e6;
            System.out.printf("round %d: %.3f us CPU per bus per block (wall %.3f); 24 buses %.1f us of a %.0f us block"
                    + " (%.1f %%); worst 24-bus block %.1f us wall%n", round, perBusBlock, wall / 1e3 / blocks / buses,
                    perBusBlock * buses, blockPeriod, 100 * perBusBlock * buses / blockPeriod, worst / 1e3);
        }
    }
}
