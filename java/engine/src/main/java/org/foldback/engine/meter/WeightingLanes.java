package org.foldback.engine.meter;

import org.foldback.engine.simd.KWeightingKernel;

/**
 * A weighting filter (a cascade of biquads in transposed direct form II, squared and summed) on
 * several stereo buses side by side in vector lanes ({@link KWeightingKernel}): the biquads are
 * recursions, so one bus's samples cannot share a vector, but eight cues (or sixteen sources) can,
 * one bus per lane. Two users: a {@link MeterBank}'s K-weighting (two sections) and the hearing
 * dose's A-weighting ({@code org.foldback.engine.dose.AWeighting}, three sections). The owner loads
 * each bus to weigh, {@link #run runs} the filter once per group of lanes that holds one, and each
 * bus takes its sums of squares from here instead of filtering on its own.
 *
 * <p>Every lane does the plain filter's arithmetic ({@link KWeighting}'s, AWeighting's) in its
 * order, so the weighted squares have its bits, and so has a stretch's sum: the kernel's running
 * total where the stretch is the whole part, else {@link #sumOfSquares} adds them in the same order.
 * Only the flush of tiny states, at the end of a part rather than of a stretch, may differ (below
 * 1e-30).
 *
 * <p>Only where the JVM has the Vector API; without it each bus's meter filters its own channels.
 * Where the kernels are switched on or off while playing ({@code Simd}), the owner hands each
 * bus's filter state over ({@link #handOver}) so the figures go on without a transient.
 * Audio thread only, except construction and {@link #prepare}.
 */
public final class WeightingLanes {
    /** Samples per part: the bank splits longer blocks (the buffers are sized for this). */
    public static final int CHUNK = 128;
    private final int states;

    private final KWeightingKernel kernel;
    private final int lanes;
    /** Buses rounded up to whole vectors: the distance between two samples of a bus. */
    private final int stride;
    /** Each section's b0, b1, b2, a1, a2 (a0 = 1), in cascade order. */
    private final double[] coefficients;
    /** Bus b's left samples from 2b * CHUNK, its right ones from (2b + 1) * CHUNK. */
    private final float[] rows;
    private final double[] squares;
    private final double[] totals;
    private final double[] state;
    /** Per bus: loaded this part; per group: some bus of it loaded. */
    private final boolean[] loaded;
    private final boolean[] groupLoaded;
    private int n;

    /** The kernel, made for {@link #CHUNK}, for {@code sections} biquads in series (2 or 3; see {@link KWeightingKernel}). */
    public WeightingLanes(int buses, KWeightingKernel kernel, int sections) {
        if (sections != 2 && sections != 3) {
            throw new IllegalArgumentException("sections must be 2 or 3: " + sections);
        }
        this.kernel = kernel;
        coefficients = new double[5 * sections];
        states = 4 * sections;
        lanes = kernel.lanes();
        stride = (buses + lanes - 1) / lanes * lanes;
        rows = new float[2 * CHUNK * stride];
        squares = new double[CHUNK * stride];
        totals = new double[stride];
        state = new double[states * stride];
        loaded = new boolean[stride];
        groupLoaded = new boolean[stride / lanes];
    }

    /** The filters, each section's {b0, b1, b2, a1, a2} in cascade order; every state cleared. Not on the audio thread. */
    public void prepare(double[]... sections) {
        if (5 * sections.length != coefficients.length) {
            throw new IllegalArgumentException(sections.length + " sections for lanes of " + coefficients.length / 5);
        }
        for (int k = 0; k < sections.length; k++) {
            System.arraycopy(sections[k], 0, coefficients, 5 * k, 5);
        }
        java.util.Arrays.fill(state, 0.0);
    }

    /** Bus {@code bus}'s filters start again from silence (its measurement restarts). */
    public void reset(int bus) {
        for (int k = 0; k < states; k++) {
            state[k * stride + bus] = 0.0;
        }
    }

    /**
     * Whether bus {@code bus}'s filter state is all zeros (the kernel flushes tiny states to +0):
     * then a part of zeros would leave it so and weigh +0, and the owner need not load the bus.
     */
    public boolean quiet(int bus) {
        for (int k = 0; k < states; k++) {
            if (state[k * stride + bus] != 0.0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Hands bus {@code bus}'s filter state between its lane and the bus's plain filter, whose own
     * state is {@code plain} (its states in the lanes' order: {@link KWeightingKernel}'s layout):
     * into the lane ({@code toLanes}) when the bank starts weighing in lanes, back when it stops,
     * so the weighting goes on where the other form stopped (the kernels' switch, {@code Simd}).
     * Audio thread; no allocation.
     */
    public void handOver(int bus, double[] plain, boolean toLanes) {
        for (int k = 0; k < states; k++) {
            if (toLanes) {
                state[k * stride + bus] = plain[k];
            } else {
                plain[k] = state[k * stride + bus];
            }
        }
    }

    /** Puts samples [offset, offset + count) of a bus into its lane; count at most {@link #CHUNK}. */
    public void load(int bus, float[] l, float[] r, int offset, int count) {
        System.arraycopy(l, offset, rows, 2 * bus * CHUNK, count);
        System.arraycopy(r, offset, rows, (2 * bus + 1) * CHUNK, count);
        loaded[bus] = true;
        groupLoaded[bus / lanes] = true;
    }

    /**
     * Filters {@code count} samples of every group that holds a loaded bus. Lanes of such a group
     * that were not loaded filter silence: their state means nothing, and the bank resets it when
     * their bus starts metering loudness.
     */
    public void run(int count) {
        n = count;
        for (int g = 0; g < groupLoaded.length; g++) {
            if (!groupLoaded[g]) {
                continue;
            }
            groupLoaded[g] = false;
            for (int bus = g * lanes, end = bus + lanes; bus < end; bus++) {
                if (loaded[bus]) {
                    loaded[bus] = false;
                } else {
                    java.util.Arrays.fill(rows, 2 * bus * CHUNK, 2 * bus * CHUNK + count, 0f);
                    java.util.Arrays.fill(rows, (2 * bus + 1) * CHUNK, (2 * bus + 1) * CHUNK + count, 0f);
                }
            }
            kernel.filter(coefficients, rows, stride, g * lanes, count, state, squares, totals);
        }
    }

    /** The sum of bus {@code bus}'s weighted squares over [from, from + count) of the part last run. */
    public double sumOfSquares(int bus, int from, int count) {
        if (from == 0 && count == n) {
            return totals[bus];
        }
        double sum = 0;
        for (int i = from, at = from * stride + bus, end = from + count; i < end; i++, at += stride) {
            sum += squares[at];
        }
        return sum;
    }
}
