package org.foldback.engine.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MeterBankTest {
    static final double FS = 48000;
    static final int BUSES = 24; // Layout.MAX_SOURCES + Layout.MAX_CUES
    static final int BLOCK = 64;

    /** Programme-like test blocks, precomputed so the measured loop does nothing but meter. */
    static float[][] blocks(int count, long seed) {
        java.util.Random random = new java.util.Random(seed);
        float[][] b = new float[count][BLOCK];
        for (float[] x : b) {
            for (int i = 0; i < BLOCK; i++) {
                x[i] = (float) (0.2 * random.nextGaussian());
            }
        }
        return b;
    }

    /** The audio thread allocates nothing: 24 buses, 100,000 blocks of 64 samples, after warm-up. */
    @Test
    void acceptAllocatesNothingInSteadyState() {
        MeterBank bank = new MeterBank(BUSES);
        bank.prepare(FS);
        float[][] l = blocks(97, 1), r = blocks(89, 2);
        long bytes = org.foldback.engine.AllocationProbe.steadyStateBytes(k -> {
            for (int b = 0; b < BUSES; b++) {
                bank.accept(b, l[(k + b) % l.length], r[(k + 3 * b) % r.length], BLOCK);
            }
        }, 20_000, 30, 100_000);
        assertEquals(0, bytes, "bytes allocated over 100,000 blocks x 24 buses");
    }

    /**
     * A reader on another thread always sees one block's values together: block k carries a constant
     * k/1000 in both channels, so the peak maximum seen must belong to the sample count seen.
     */
    @Test
    void readersSeeConsistentSnapshots() throws Exception {
        MeterBank bank = new MeterBank(2);
        bank.prepare(FS);
        int blocks = 1000;
        float[][] data = new float[blocks][BLOCK];
        for (int k = 0; k < blocks; k++) {
            java.util.Arrays.fill(data[k], (k + 1) / 1000f);
        }
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> error = new AtomicReference<>();
        int[] reads = {0};
        Thread reader = new Thread(() -> {
            MeterReading r = new MeterReading();
            while (!done.get()) {
                bank.read(1, r);
                long k = r.samples / BLOCK;
                double expected = k == 0 ? Double.NEGATIVE_INFINITY : 20 * Math.log10(k / 1000f);
                if (Math.abs(r.samplePeakMaxDbfs[0] - expected) > 1e-4 && !(k == 0 && r.samplePeakMaxDbfs[0] == expected)) {
                    error.set("samples " + r.samples + " with peak " + r.samplePeakMaxDbfs[0]);
                }
                reads[0]++;
            }
        });
        reader.start();
        for (int repeat = 0; repeat < 50; repeat++) {
            bank.requestReset(1, BusMeter.RESET_ALL);
            for (int k = 0; k < blocks; k++) {
                bank.accept(1, data[k], data[k], BLOCK);
            }
        }
        done.set(true);
        reader.join();
        assertEquals(null, error.get());
        assertTrue(reads[0] > 0);
    }

    @Test
    void resetsRequestedByReadersApplyAtTheNextBlock() {
        MeterBank bank = new MeterBank(3);
        bank.prepare(FS);
        float[] loud = new float[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            loud[i] = i % 2 == 0 ? 1.0f : -1.0f;
        }
        for (int k = 0; k < 10_000; k++) {
            bank.accept(2, loud, loud, BLOCK);
        }
        MeterReading r = new MeterReading();
        bank.read(2, r);
        assertEquals(10_000L * BLOCK, r.clipCount[0]);
        assertTrue(r.integratedLufs > -10);
        bank.requestReset(2, BusMeter.RESET_CLIPS | BusMeter.RESET_LOUDNESS);
        bank.read(2, r);
        assertEquals(10_000L * BLOCK, r.clipCount[0], "not before the audio thread's next block");
        float[] quiet = new float[BLOCK];
        bank.accept(2, quiet, quiet, BLOCK);
        bank.read(2, r);
        assertEquals(0, r.clipCount[0]);
        assertEquals(Double.NEGATIVE_INFINITY, r.integratedLufs);
        assertEquals(0.0, r.samplePeakMaxDbfs[0], 1e-9, "peaks were not asked to reset");
        bank.read(0, r);
        assertEquals(0, r.samples, "other buses untouched");
    }

    @Test
    void beforeAnyAudioReadersSeeSilence() {
        MeterBank bank = new MeterBank(2);
        MeterReading r = new MeterReading();
        bank.read(0, r);
        assertEquals(Double.NEGATIVE_INFINITY, r.samplePeakMaxDbfs[0]);
        assertEquals(Double.NEGATIVE_INFINITY, r.integratedLufs);
        bank.prepare(FS);
        bank.read(1, r);
        assertEquals(Double.NEGATIVE_INFINITY, r.truePeakDbtp[1]);
    }
}
