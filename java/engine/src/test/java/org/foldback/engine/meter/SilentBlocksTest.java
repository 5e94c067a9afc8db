package org.foldback.engine.meter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.foldback.engine.BusTap;
import org.junit.jupiter.api.Test;

/**
 * A block handed over as digital silence ({@link BusTap#acceptSilent}) skips the meters' work that
 * zeros cannot change; every published figure must stay what {@link BusTap#accept} of the same
 * zeros gives, to the bit, block after block: right after signal (the true-peak history and the
 * K-weighting still ringing), through the long fall of the displays to their floor, and when
 * signal comes back.
 */
class SilentBlocksTest {
    static final double FS = 48000;
    static final int BLOCK = 64;

    /**
     * The programme of bus {@code bus} at block {@code k}: noise, silence, and short bursts of a
     * quarter-rate sine at 45 degrees whose peaks lie between the samples, ending at a block's
     * end (so their true peak is found in the silent block after them).
     */
    static void fill(int bus, int k, float[] l, float[] r, Random random) {
        java.util.Arrays.fill(l, 0f);
        java.util.Arrays.fill(r, 0f);
        if (bus == 3) {
            return; // silent from the start, as an LV2 instance's unused buses
        }
        // bus 2: the bursts alone
        boolean noise = bus != 2 && (k < 750 || (k >= 19_000 && k < 19_400) || (bus == 1 && k % 5_000 < 40));
        if (noise) {
            for (int i = 0; i < BLOCK; i++) {
                l[i] = (float) (0.3 * random.nextGaussian());
                r[i] = (float) (0.3 * random.nextGaussian());
            }
        }
        if (k == 760 + 37 * bus || k == 17_000 || k == 19_500) {
            float a = 0.7f;
            float[] burst = {a, a, -a, -a, a, a, -a, -a};
            System.arraycopy(burst, 0, l, BLOCK - burst.length, burst.length);
            System.arraycopy(burst, 2, r, BLOCK - burst.length + 2, burst.length - 2);
        }
    }

    static boolean zeros(float[] x) {
        for (float v : x) {
            if (v != 0f) {
                return false;
            }
        }
        return true;
    }

    static long[] bits(double[] raw) {
        long[] b = new long[raw.length];
        for (int i = 0; i < raw.length; i++) {
            b[i] = Double.doubleToLongBits(raw[i]);
        }
        return b;
    }

    /** The bank (K-weighting in vector lanes where the JVM has them): every bus, every unit, ~27 s. */
    @Test
    void bankPublishesTheSameBitsForSilentBlocks() {
        int buses = 4;
        MeterBank plain = new MeterBank(buses), told = new MeterBank(buses);
        for (MeterBank bank : new MeterBank[] {plain, told}) {
            for (int b = 0; b < buses; b++) {
                bank.demand(b, MeterDemand.ALL);
            }
            bank.prepare(FS);
        }
        BusTap plainTap = plain.deferred(), toldTap = told.deferred();
        float[][] l = new float[buses][BLOCK], r = new float[buses][BLOCK];
        Random random = new Random(7);
        MeterReading a = new MeterReading(), b = new MeterReading();
        int silentBlocks = 0;
        for (int k = 0; k < 20_000; k++) {
            for (int bus = 0; bus < buses; bus++) {
                fill(bus, k, l[bus], r[bus], random);
                plainTap.accept(bus, l[bus], r[bus], BLOCK);
                if (zeros(l[bus]) && zeros(r[bus])) {
                    toldTap.acceptSilent(bus, l[bus], r[bus], BLOCK);
                    silentBlocks++;
                } else {
                    toldTap.accept(bus, l[bus], r[bus], BLOCK);
                }
            }
            plain.endBlock();
            told.endBlock();
            for (int bus = 0; bus < buses; bus++) {
                plain.read(bus, a);
                told.read(bus, b);
                int block = k, which = bus;
                assertArrayEquals(bits(a.raw), bits(b.raw), () -> "bus " + which + ", block " + block);
            }
        }
        assertTrue(silentBlocks > 40_000, "most blocks silent: " + silentBlocks);
        plain.read(2, a);
        assertTrue(a.truePeakMaxDbtp[0] > a.samplePeakMaxDbfs[0] + 0.5,
                "the bursts' peaks lie between the samples: " + a.truePeakMaxDbtp[0] + " dBTP, " + a.samplePeakMaxDbfs[0] + " dBFS");
    }

    /** One meter on its own (its own K-weighting filter, as without the Vector API). */
    @Test
    void meterGivesTheSameBitsForSilentBlocks() {
        BusMeter plain = new BusMeter(0), told = new BusMeter(0);
        plain.prepare(FS);
        told.prepare(FS);
        float[] l = new float[BLOCK], r = new float[BLOCK];
        Random random = new Random(11);
        MeterReading a = new MeterReading(), b = new MeterReading();
        for (int k = 0; k < 20_000; k++) {
            fill(0, k, l, r, random);
            plain.accept(l, r, BLOCK);
            if (zeros(l) && zeros(r)) {
                told.acceptSilent(l, r, BLOCK);
            } else {
                told.accept(l, r, BLOCK);
            }
            plain.readInto(a);
            told.readInto(b);
            int block = k;
            assertArrayEquals(bits(a.raw), bits(b.raw), () -> "block " + block);
        }
    }
}
