package org.foldback.engine.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.foldback.engine.AllocationProbe;
import org.foldback.engine.FoldbackProcessor;
import org.foldback.engine.Layout;
import org.junit.jupiter.api.Test;

/**
 * A bus's loudness histograms are made only where loudness is computed: a cue's at prepare, a
 * source's when a reader first asks, on the reader's thread; the audio thread takes them without
 * allocating and starts the loudness there.
 */
class LoudnessOnDemandTest {
    static final double FS = 48000;
    static final int BLOCK = 64;

    @Test
    void aNewInstanceMakesHistogramsForItsCuesOnly() {
        FoldbackProcessor p = new FoldbackProcessor();
        p.prepare(FS, BLOCK, Layout.MAX_SOURCES, Layout.MAX_CUES);
        MeterBank bank = p.meters();
        for (int s = 0; s < Layout.MAX_SOURCES; s++) {
            assertFalse(bank.hasHistograms(FoldbackProcessor.sourceBus(s)), "source " + s);
        }
        for (int c = 0; c < Layout.MAX_CUES; c++) {
            assertTrue(bank.hasHistograms(FoldbackProcessor.cueBus(c)), "cue " + c);
        }
        p.demandMeters(FoldbackProcessor.sourceBus(3), MeterDemand.TRUE_PEAK | MeterDemand.VU);
        assertFalse(bank.hasHistograms(FoldbackProcessor.sourceBus(3)), "no loudness asked");
        p.demandMeters(FoldbackProcessor.sourceBus(3), MeterDemand.LOUDNESS);
        assertTrue(bank.hasHistograms(FoldbackProcessor.sourceBus(3)), "made by the demand");
        p.demandMeters(FoldbackProcessor.sourceBus(3), 0);
        p.prepare(FS, BLOCK, Layout.MAX_SOURCES, Layout.MAX_CUES);
        assertTrue(bank.hasHistograms(FoldbackProcessor.sourceBus(3)), "kept once made");
    }

    @Test
    void aDemandBeforePrepareIsMadeAtPrepare() {
        MeterBank bank = new MeterBank(2);
        bank.floor(0, MeterDemand.ALWAYS);
        bank.floor(1, MeterDemand.ALWAYS);
        bank.demand(1, MeterDemand.LOUDNESS);
        assertFalse(bank.hasHistograms(1), "not before prepare: the meters' state comes first");
        bank.prepare(FS);
        assertFalse(bank.hasHistograms(0));
        assertTrue(bank.hasHistograms(1));
    }

    /**
     * Another thread asks for one bus's loudness after another; the thread feeding the bank (the
     * audio thread) allocates nothing while it takes each bus's histograms and meters its loudness.
     */
    @Test
    void theAudioThreadTakesHistogramsMadeElsewhereWithoutAllocating() throws InterruptedException {
        final int blocksPerBus = 320; // 427 ms: four 100 ms hops, the first into the integrated histogram
        final int roundBlocks = 2000, maxRounds = 8, measured = 10_000;
        final int buses = (roundBlocks * maxRounds + measured) / blocksPerBus + 1;
        MeterBank bank = new MeterBank(buses);
        for (int b = 0; b < buses; b++) {
            bank.floor(b, MeterDemand.ALWAYS);
        }
        bank.prepare(FS);
        float[][][] x = MeterDemandTest.programme(blocksPerBus, 6);

        AtomicInteger asked = new AtomicInteger(-1), made = new AtomicInteger(-1);
        Thread reader = new Thread(() -> {
            int last = -1;
            while (last < buses - 1 && !Thread.currentThread().isInterrupted()) {
                int bus = asked.get();
                if (bus != last) {
                    bank.demand(bus, MeterDemand.LOUDNESS); // allocates the histograms, on this thread
                    made.set(bus);
                    last = bus;
                } else {
                    LockSupport.parkNanos(20_000);
                }
            }
        }, "meter reader");
        reader.setDaemon(true);
        reader.start();
        int[] lastBus = {-1};
        long bytes;
        try {
            bytes = AllocationProbe.steadyStateBytes(b -> {
                int bus = b / blocksPerBus;
                if (bus >= buses) {
                    throw new IllegalStateException("more blocks than the test's buses");
                }
                if (b % blocksPerBus == 0) {
                    asked.set(bus);
                    while (made.get() != bus) {
                        Thread.onSpinWait();
                    }
                }
                float[][] block = x[b % blocksPerBus];
                bank.accept(bus, block[0], block[1], BLOCK);
                lastBus[0] = bus;
            }, roundBlocks, maxRounds, measured);
        } finally {
            reader.interrupt();
            reader.join(5000);
        }
        assertEquals(0, bytes, "bytes allocated by the audio thread taking histograms made elsewhere");
        MeterReading r = new MeterReading();
        bank.read(lastBus[0] - 1, r); // the last bus played whole
        assertTrue(r.momentaryLufs > -60 && r.integratedLufs > -60,
                "a bus's loudness ran: momentary " + r.momentaryLufs + ", integrated " + r.integratedLufs);
        assertTrue(lastBus[0] >= measured / blocksPerBus, "the measured run took histograms of " + measured / blocksPerBus + " buses");
    }
}
