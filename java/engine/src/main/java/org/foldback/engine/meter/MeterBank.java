package org.foldback.engine.meter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.foldback.engine.BusTap;
import org.foldback.engine.SeqlockSlots;
import org.foldback.engine.simd.KWeightingKernel;
import org.foldback.engine.simd.Simd;

/**
 * Meters for N stereo buses, fed on the audio thread through {@link BusTap} and read by any number
 * of other threads without locks.
 *
 * <p>Publication is a seqlock per bus ({@link SeqlockSlots}): the audio thread is the single
 * writer; readers never block it, and neither side allocates.
 *
 * <p>Resets are requested by readers through per-bus atomic flags that the audio thread applies
 * at the start of that bus's next block.
 *
 * <p>Meters cost what is read: each bus computes its {@link #floor floor} (what must accumulate
 * whether or not anyone looks; {@link MeterDemand#ALL} unless the owner lowers it) plus what its
 * readers {@link #demand demand}. Both are plain ints that any thread sets and the audio thread
 * reads once per block with an opaque read: no lock, no allocation, effective from the bus's next
 * block. A unit switched on restarts (see {@link MeterDemand}).
 *
 * <p>What is not read is not allocated either, as libebur128 sizes its state by the modes a
 * meter is opened with: a bus's loudness histograms ({@link LoudnessHistograms}, 192 kB, the bulk
 * of a meter; 4.6 MB for an instance's 24 buses, about half a millisecond of a new instance's
 * prepare to allocate and zero) are made only for the buses that compute loudness. A cue's floor
 * has it (its integrated loudness must cover the whole run), so cues get theirs at
 * {@link #prepare}; a source's loudness waits for a reader, so its histograms are made the first
 * time {@link #demand} or {@link #floor} asks for it after prepare, on that caller's thread, and
 * published as one reference. The audio thread takes them at the bus's next block (an acquire
 * read, no allocation) and the loudness starts from silence there, as any unit switched on does;
 * until they are there it leaves the loudness off. Made once per bus, kept for the bank's life.
 *
 * <p>A bus handed over as digital silence ({@link #acceptSilent}, or the deferred tap's) skips
 * what zeros cannot change, to the bit ({@link BusMeter#acceptSilent}): the levels pass always,
 * the true peak and the K-weighting while they are at rest (a bus silent from the start, as an
 * LV2 instance's unused buses, costs little more than its counters and its publication).
 *
 * <p>Where the JVM has the Vector API, the owner can feed the bank through {@link #deferred()}: the
 * buses of a block are queued and metered together at {@link #endBlock()}, so their K-weighting
 * runs side by side in vector lanes ({@link WeightingLanes}) instead of one bus at a time, where
 * each biquad's recursion leaves the CPU waiting. Without the module the deferred tap meters at
 * once, as {@link #accept} does; while the kernels are cold or once they are switched off
 * ({@link Simd#cold}, {@link Simd#fallBack}), {@link #endBlock()} meters the queued buses one at a
 * time. The lanes keep their filter state apart from the meters' own, so when the kernels come
 * on or go off the bank hands every bus's state over ({@link WeightingLanes#handOver}): the
 * loudness goes on with the bits it would have had without the switch.
 */
public final class MeterBank implements BusTap {
    private static final VarHandle MASK = MethodHandles.arrayElementVarHandle(int[].class);
    private static final VarHandle MADE = MethodHandles.arrayElementVarHandle(LoudnessHistograms[].class);

    private final BusMeter[] meters;
    private final SeqlockSlots published;
    private final AtomicIntegerArray resets;
    private final int[] floors;
    private final int[] demands;
    /** Each bus's loudness histograms once made (published with {@link #MADE}), else null. */
    private final LoudnessHistograms[] histograms;
    /**
     * Set as prepare starts: from then on a demand or floor that wants loudness makes the bus's
     * histograms at once (before, prepare makes them, after the meters: see {@link Loudness}).
     * Prepare sets it and then reads the demands; a demand is written and then this is read; all
     * volatile, so of a demand racing a prepare one of the two sees the other and makes them.
     */
    private volatile boolean histogramsOnDemand;

    private static final KWeightingKernel K_VECTOR = Simd.kernel(KWeightingKernel.class, "VectorKWeighting", null, WeightingLanes.CHUNK);
    /** The buses' K-weighting side by side, or null (no Vector API): each meter filters its own. */
    private final WeightingLanes lanes;
    /** What {@link #deferred()} queued this block. */
    private final BlockQueue queue;
    private final BusTap deferred;
    private boolean prepared;
    /** Whether the last block weighed in the lanes: their filter state is the current one. */
    private boolean inLanes;

    public MeterBank(int buses) {
        if (buses <= 0) {
            throw new IllegalArgumentException("buses must be positive: " + buses);
        }
        meters = new BusMeter[buses];
        double[] levelsScratch = new double[3]; // the buses are metered one after another
        for (int b = 0; b < buses; b++) {
            meters[b] = new BusMeter(b, levelsScratch);
        }
        published = new SeqlockSlots(buses, MeterReading.SLOTS);
        resets = new AtomicIntegerArray(buses);
        floors = new int[buses];
        demands = new int[buses];
        histograms = new LoudnessHistograms[buses];
        java.util.Arrays.fill(floors, MeterDemand.ALL);
        lanes = K_VECTOR == null ? null : new WeightingLanes(buses, K_VECTOR, 2);
        queue = new BlockQueue(buses);
        deferred = lanes == null ? this : new Deferred();
        for (int b = 0; b < buses; b++) {
            publish(b); // readers before prepare() see silence, not zeros (0 dBFS)
        }
    }

    public int buses() {
        return meters.length;
    }

    /**
     * Sets the sample rate of every bus and clears all meters; makes the loudness histograms of the
     * buses that compute loudness now. Allocates; not on the audio thread.
     */
    public void prepare(double sampleRate) {
        histogramsOnDemand = true;
        for (int b = 0; b < meters.length; b++) {
            int wants = (int) MASK.getVolatile(floors, b) | (int) MASK.getVolatile(demands, b);
            meters[b].prepare(sampleRate, (wants & MeterDemand.LOUDNESS) != 0 ? histograms(b) : made(b));
            publish(b);
        }
        if (lanes != null) {
            lanes.prepare(KWeighting.shelfCoefficients(sampleRate), KWeighting.highpassCoefficients(sampleRate));
        }
        queue.clear();
        prepared = true;
    }

    /** Audio thread: meters one block of bus {@code bus} and publishes its values. */
    @Override
    public void accept(int bus, float[] left, float[] right, int numSamples) {
        BusMeter m = takeRequests(bus);
        m.accept(left, right, numSamples);
        publish(bus);
    }

    /** Audio thread: {@link #accept} for a block of digital silence ({@link BusMeter#acceptSilent}). */
    @Override
    public void acceptSilent(int bus, float[] left, float[] right, int numSamples) {
        BusMeter m = takeRequests(bus);
        m.acceptSilent(left, right, numSamples);
        publish(bus);
    }

    /** Applies what readers asked of bus {@code bus} since its last block: demand and resets. */
    private BusMeter takeRequests(int bus) {
        BusMeter m = meters[bus];
        int want = (int) MASK.getOpaque(floors, bus) | (int) MASK.getOpaque(demands, bus);
        if ((want & MeterDemand.LOUDNESS) != 0 && !m.hasHistograms()) {
            LoudnessHistograms made = made(bus);
            if (made != null) {
                m.use(made); // fully built: made on the reader's thread, published before
            } else {
                want &= ~MeterDemand.LOUDNESS; // not seen yet: from a later block
            }
        }
        if (want != m.demand()) {
            if (lanes != null && (want & ~m.demand() & MeterDemand.LOUDNESS) != 0) {
                lanes.reset(bus); // the loudness restarts, its filters with it
            }
            m.demand(want);
        }
        if (resets.get(bus) != 0) {
            m.reset(resets.getAndSet(bus, 0));
        }
        return m;
    }

    /**
     * The tap for an owner that calls {@link #endBlock()} after each block: it queues the buses
     * (their channels must stay untouched until then) where the Vector API can weigh them side by
     * side, else it is this bank, metering at once. Made once; no allocation per call.
     */
    public BusTap deferred() {
        return deferred;
    }

    /** The deferred tap: queues each bus, with whether it came as digital silence. */
    private final class Deferred implements BusTap {
        @Override
        public void accept(int bus, float[] left, float[] right, int numSamples) {
            enqueue(bus, left, right, numSamples, false);
        }

        @Override
        public void acceptSilent(int bus, float[] left, float[] right, int numSamples) {
            enqueue(bus, left, right, numSamples, true);
        }
    }

    private void enqueue(int bus, float[] left, float[] right, int numSamples, boolean silent) {
        if (!queue.fits(bus, numSamples)) {
            endBlock(); // not one block (no owner does this): meter what is queued first
        }
        queue.add(bus, left, right, numSamples, silent);
    }

    /** Audio thread: meters and publishes the buses {@link #deferred()} queued this block. */
    public void endBlock() {
        final int count = queue.count(), n = queue.samples();
        if (count == 0) {
            return;
        }
        if (!prepared) {
            queue.clear();
            return;
        }
        boolean lanesNow = Simd.on();
        if (lanesNow != inLanes) {
            // The kernels came on (a warm-up had them compiled) or went off (Simd.fallBack): the
            // K-weighting goes on from the state the other form left.
            for (int bus = 0; bus < meters.length; bus++) {
                meters[bus].handOver(lanes, bus, lanesNow);
            }
            inLanes = lanesNow;
        }
        if (!lanesNow) {
            // Kernels cold or off: each bus meters on its own, as the immediate tap does.
            queue.drainInto(this);
            return;
        }
        for (int q = 0; q < count; q++) {
            int bus = queue.bus(q);
            takeRequests(bus).beginBlock(n, queue.silent(bus), lanes, bus);
        }
        for (int from = 0; from < n; from += WeightingLanes.CHUNK) {
            int part = Math.min(WeightingLanes.CHUNK, n - from);
            boolean weigh = false;
            for (int q = 0; q < count; q++) {
                int bus = queue.bus(q);
                if (meters[bus].weighsInLane()) { // not a silent block on a quiet filter
                    lanes.load(bus, queue.left(bus), queue.right(bus), from, part);
                    weigh = true;
                }
            }
            if (weigh) {
                lanes.run(part);
            }
            for (int q = 0; q < count; q++) {
                int bus = queue.bus(q);
                meters[bus].stretches(queue.left(bus), queue.right(bus), from, part, lanes, bus);
            }
        }
        for (int q = 0; q < count; q++) {
            int bus = queue.bus(q);
            meters[bus].endBlock(n);
            publish(bus);
        }
        queue.clear();
    }

    private void publish(int bus) {
        published.beginWrite(bus);
        meters[bus].store(published.values(), published.offset(bus));
        published.endWrite(bus);
    }

    /** Any thread: fills {@code into} with a consistent snapshot of bus {@code bus}. Lock-free, no allocation. */
    public void read(int bus, MeterReading into) {
        published.read(bus, into.raw);
        into.unpack();
    }

    /**
     * Any thread: what the readers of bus {@code bus} look at (bits of {@link MeterDemand}), on top
     * of its floor. Replaces the previous demand; a surface that stops reading sets 0. Several
     * surfaces reading one bus pass the union of their masks (the controller keeps it). Not on the
     * audio thread: the first demand of a bus's loudness makes its histograms (see above); after
     * that, and for every other unit, no allocation.
     */
    public void demand(int bus, int mask) {
        MASK.setVolatile(demands, bus, mask & MeterDemand.ALL);
        histogramsIfLoud(bus, mask); // after the write: see histogramsOnDemand
    }

    /** Any thread: the demand last set for bus {@code bus} (without the floor). */
    public int demand(int bus) {
        return (int) MASK.getOpaque(demands, bus);
    }

    /**
     * Any thread, normally the owner once at construction: what bus {@code bus} computes when no
     * reader demands more, i.e. what must accumulate there (see {@link MeterDemand#SOURCE_DEFAULT},
     * {@link MeterDemand#CUE_DEFAULT}). {@link MeterDemand#ALWAYS} is always added. Not on the
     * audio thread (it may make the bus's loudness histograms, as {@link #demand} does).
     */
    public void floor(int bus, int mask) {
        MASK.setVolatile(floors, bus, (mask & MeterDemand.ALL) | MeterDemand.ALWAYS);
        histogramsIfLoud(bus, mask);
    }

    /**
     * Makes bus {@code bus}'s loudness histograms if {@code mask} asks for loudness and the bank
     * was prepared (before that, prepare makes them). On the caller's thread, never the audio
     * thread's: the first demand of a source's loudness allocates 192 kB here, once per bus.
     */
    private void histogramsIfLoud(int bus, int mask) {
        if ((mask & MeterDemand.LOUDNESS) != 0 && histogramsOnDemand) {
            histograms(bus);
        }
    }

    /** Bus {@code bus}'s loudness histograms, made now if they are not yet. Allocates. */
    private LoudnessHistograms histograms(int bus) {
        LoudnessHistograms made = made(bus);
        if (made == null) {
            LoudnessHistograms fresh = new LoudnessHistograms();
            // Two threads may race to make them; one wins, the other's are dropped.
            made = MADE.compareAndSet(histograms, bus, null, fresh) ? fresh : made(bus);
        }
        return made;
    }

    /** Bus {@code bus}'s loudness histograms if made, else null. Any thread, no allocation. */
    private LoudnessHistograms made(int bus) {
        return (LoudnessHistograms) MADE.getAcquire(histograms, bus);
    }

    /** Whether bus {@code bus}'s loudness histograms are made (for tests). */
    boolean hasHistograms(int bus) {
        return made(bus) != null;
    }

    /** Any thread: the floor of bus {@code bus}. */
    public int floor(int bus) {
        return (int) MASK.getOpaque(floors, bus);
    }

    /** Any thread: what bus {@code bus} computes from its next block on (floor and demand). */
    public int computed(int bus) {
        return floor(bus) | demand(bus);
    }

    /** Any thread: asks the audio thread to reset parts of one bus at its next block (see BusMeter.RESET_*). */
    public void requestReset(int bus, int what) {
        int prev;
        do {
            prev = resets.get(bus);
        } while (!resets.compareAndSet(bus, prev, prev | what));
    }

    /** Any thread: {@link #requestReset} for every bus. */
    public void requestResetAll(int what) {
        for (int b = 0; b < meters.length; b++) {
            requestReset(b, what);
        }
    }
}
