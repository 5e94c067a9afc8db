package org.foldback.engine.simd;

import java.util.List;

/**
 * Whether the engine's heaviest loops use the Vector API ({@code jdk.incubator.vector}).
 *
 * <p>Why not rely on HotSpot's auto-vectoriser: at the 64-sample blocks performers track with, C2
 * (JDK 17 and 25) vectorises none of the engine's loops. It sizes a loop's unrolling, and so its
 * vectors, by the loop's profiled trip count, and 64 iterations are too few for its 8- or 16-float
 * vectors on an AVX-512 machine (96 iterations get 8 lanes, 192 get 16; see
 * native/bench/PERFORMANCE.md, "Engine hot loops"). An explicit vector loop does not depend on
 * that heuristic: the true-peak filter runs about 6x faster on both JDKs.
 *
 * <p>The module is an incubator: it is only there when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}, which the plugin's JVM is ({@link #JVM_OPTIONS} are
 * part of JvmOptions.PLUGIN since session 7; the JVM prints "WARNING: Using incubator modules" once
 * on standard error). Without it, or with {@code -Dfoldback.simd=off}, every loop takes its plain
 * form (main's loops, unchanged). The mix, limiter, input-guard and K-weighting kernels give the
 * same bits in both forms (the same operations per lane, in the same order; the K-weighting's lanes
 * are buses side by side); the true-peak filter uses fused multiply-adds and the levels pass sums
 * its squares in another order, so those two meters may differ in the last bits (1e-6 dB and
 * 1e-14 dB in a 3000-block run).
 *
 * <p>The switch is decided at class initialisation and can then go on once ({@link #switchOn}) and
 * off for good ({@link #fallBack}). The plugin's JVM starts {@linkplain #COLD_VALUE cold}: until C2
 * has compiled the kernels, every Vector API operation runs the API's Java fallback (50-100x slower,
 * allocating), so a cold JVM's first blocks ran 10-75 ms longer with the kernels than with the
 * plain loops (native/bench/PERFORMANCE.md, "Session 8: instance start"). Cold, every engine runs
 * the plain loops; the kernels run on a {@link WarmUpThread} alone, where the bridge's JIT warm-up
 * plays them into C2's code at the first real-time prepare and then switches them on for everyone.
 * Without that warm-up (offline: a render, a host creating instances), an engine switches them on
 * itself after its first block on the plain loops ({@link ColdStart}) and pays that warm-up
 * inline as before (a warm-up in the background, or a later switch, cost renders more on 2 cores:
 * PERFORMANCE.md, "Session 9"). Where the audio path allocates with
 * the kernels on (a C2 compilation that left a vector in an object), the JIT warm-up's check or the
 * engine's {@link KernelGuard} switches every kernel off for the rest of the JVM's life. Call sites
 * ask {@link #use} before each kernel call; the banks whose lanes keep filter state of their own
 * hand it over when the answer changes (MeterBank, DoseBank), so a switch either way keeps every
 * figure's bits.
 *
 * <p>This package holds the switch and the kernels' contracts; the plain loops stay where they
 * were, the vector forms in {@code org.foldback.vector}, outside {@code org.foldback.engine} so
 * nothing that walks the engine's classes (the JIT warm-up) loads them where the module is absent.
 * A vector form must keep its vectors inside one method: a vector passed to a method C2 does not
 * inline is boxed, and that allocates on the audio thread (the engine's and the bridge's allocation
 * proofs run with the kernels, as the plugin does; the engine's run again without them). And keep every kernel on the preferred
 * shape: a second float shape made FloatVector's shared call sites bimorphic, and JDK 17's C2 then
 * left another kernel's store unintrinsified (see native/bench/PERFORMANCE.md).
 */
public final class Simd {
    /**
     * The system property: "off" switches the vector kernels off, {@link #COLD_VALUE} starts them
     * cold; anything else (or nothing) means on from the first block where the JVM has the module.
     */
    public static final String PROPERTY = "foldback.simd";
    /**
     * {@link #PROPERTY}'s value for a cold start: plain loops until the JIT warm-up has played the
     * kernels into C2's code, or an engine its first blocks ({@link #switchOn}). The plugin's JVM gets it ({@link #JVM_OPTIONS}); tests and
     * tools that measure the kernels themselves start them on.
     */
    public static final String COLD_VALUE = "cold";
    /** The module the vector kernels need. */
    public static final String MODULE = "jdk.incubator.vector";
    /**
     * C2's limit on traps of one kind summed over a compile's inlined methods (see {@link
     * #JVM_OPTIONS}): above what the kernels add up (2-4 traps of the operator cache times 80-140
     * operations) with room to spare.
     */
    static final int PER_METHOD_TRAP_LIMIT = 2000;
    /** The kernels' package, for the JVM options below. */
    public static final String KERNEL_PACKAGE = "org.foldback.vector";

    /**
     * What a JVM is started with so the kernels run; part of the plugin's options
     * ({@code JvmOptions.PLUGIN}), so the shim, the tests and the bench start with them.
     * <ul>
     * <li>The module.
     * <li>"quiet" keeps the JVM from printing the compile commands on the host's standard output.
     * <li>A quarter of the usual compile thresholds for the kernels' methods alone: until C2 has
     * compiled a kernel, every vector operation runs the Vector API's Java fallback, which
     * allocates and is 50-100x slower, so the JIT warm-up at the first real-time prepare took
     * 3.0-6.4 s instead of 1.4-1.6 s with a twentieth (2026-12-02, load 3). Not a twentieth any
     * more: so low, the few calls a kernel made in the interpreter while C1 was busy counted as a
     * full profile, and HotSpot took it from C1's counting-only tier (2) straight to C2 (4),
     * skipping the profiling tier (3) where the JDK's vector methods it inlines get their receiver
     * profiles; C2 then left some of those calls virtual and every call boxed vectors (12 kB a
     * block). Every boxed compile logged came that way: 27 of 118 fresh warm-up JVMs (JDK 17
     * and 25, loaded or not) had one; with a quarter, 0 of 193, and the warm-up took 0.2-0.3 s
     * longer (PERFORMANCE.md, "Session 8"). (The JDK's own vector classes keep theirs: lowering those
     * floods the compile queue.)
     * <li>No kernel method inlined into its caller: each is a compile of its own. A kernel's
     * Vector API calls reach 12-13 levels deep below it (their intrinsics are behind layers of
     * {@code @ForceInline} templates); inlined into the engine's call chain (the meters' were found
     * at depth 15-17 in a compile of BusMeter.stretches) they come up against C2's inlining limits
     * (MaxInlineLevel 15 on JDK 17, the node-count cutoffs of a large compile), and a Vector API
     * call left out is a vector boxed on every call: the allocation the guards look for
     * (PERFORMANCE.md, "Session 7: kernels guard"). As a compile root, every kernel gets C2's
     * whole budget, the same in every JVM whatever the engine's profile; the price is one call
     * per kernel call (no vector crosses it: the kernels take arrays and scalars).
     * <li>A larger per-method trap limit for C2 (-XX:PerMethodTrapLimit, 100 by default), for every
     * method: C2 adds up the deoptimisation traps recorded in the profile of every method it
     * inlines, once per inlining, and past the limit it stops trusting profiles in the rest of the
     * compile. A kernel inlines the JDK's operator cache ({@code VectorOperators.ImplCache.find})
     * once per vector operation, 80 times in the ear kernel; when something else in the JVM had
     * made that shared method trap twice, the sum passed 100 half-way through the kernel, C2 gave
     * each later call a virtual-call path for a receiver it could not prove, and a vector that may
     * reach a call is boxed: 110 kB a block from the crossfeed's half of {@link
     * org.foldback.vector.VectorEar} (the JIT log's running totals, and a JFR allocation profile
     * pointing at its blends, 2026-12-03). Seen as the engine's ear-stage allocation proof failing
     * in about 1 module test run in 10, CI included (always 916,500,480 bytes); with this option
     * 0 of 30 runs, one of them with the same sum (158) and no virtual call in the kernel. A trap
     * at a given bytecode still stops C2 speculating there, whatever the limit.
     * <li>A cold start ({@link #COLD_VALUE}): a new instance's first block runs the plain loops
     * rather than the kernels uncompiled (their Java fallback cost such a block 10-75 ms).
     * Given last, so a user's {@code -Dfoldback.simd=off} (FOLDBACK_JVM_OPTIONS, after these) wins.
     * </ul>
     */
    public static final List<String> JVM_OPTIONS = List.of(
            "--add-modules=" + MODULE,
            "-XX:CompileCommand=quiet",
            "-XX:CompileCommand=CompileThresholdScaling," + KERNEL_PACKAGE + ".*::*,0.25",
            "-XX:CompileCommand=dontinline," + KERNEL_PACKAGE + ".*::*",
            "-XX:PerMethodTrapLimit=" + PER_METHOD_TRAP_LIMIT,
            "-D" + PROPERTY + "=" + COLD_VALUE);

    /** A class of the vector kernels' package, named for tools that walk it (the warm-up's resolution). */
    public static final String KERNEL_PACKAGE_ANCHOR = KERNEL_PACKAGE + ".VectorMixLoops";

    private static final boolean ON = decide();

    /**
     * Whether the kernels run now on every thread: from class initialisation unless the start is
     * cold, else from {@link #switchOn}; false again for good after a {@link #fallBack}. Volatile so
     * every audio thread sees a change at its next kernel call; on x86 reading it is a plain load,
     * once per kernel call (outside the kernels' loops), and the JIT folds the whole test away
     * where a kernel is null (no module, or -Dfoldback.simd=off).
     */
    private static volatile boolean running = ON && !COLD_VALUE.equals(System.getProperty(PROPERTY));
    /**
     * Whether the kernels may still run: {@link #ON} until a {@link #fallBack}. While the kernels
     * are cold, a {@link WarmUpThread} runs them (read only when {@link #running} is false).
     */
    private static volatile boolean usable = ON;
    /** Who switched the cold kernels on ({@link #switchOn}), for {@link #describe}; null before. */
    private static volatile String switchedOnBy;
    /** What the guard that switched the kernels off saw; written before {@link #running}. */
    private static volatile String fallBackBy;
    private static volatile long fallBackBytes;
    private static volatile long fallBackBlocks;

    private Simd() {}

    /**
     * Whether the vector kernels run now on the calling thread: on for every thread, or cold with
     * this thread a {@link WarmUpThread}. The banks' and the engine's per-block choice between
     * lanes and plain loops; decided at class initialisation, then {@link #switchOn} and
     * {@link #fallBack}.
     */
    public static boolean on() {
        return running || usable && Thread.currentThread() instanceof WarmUpThread;
    }

    /**
     * Whether a call site runs its vector form now: its kernel exists ({@link #kernel} made one)
     * and {@link #on} holds. Audio thread: one volatile read once the kernels are on (two while
     * cold), no allocation.
     */
    public static boolean use(Object kernel) {
        return kernel != null && on();
    }

    /**
     * Whether the kernels exist but wait to be switched on ({@link #switchOn}): every thread but a
     * {@link WarmUpThread} runs the plain loops meanwhile.
     */
    public static boolean cold() {
        return !running && usable;
    }

    /**
     * Whether the calling thread runs the plain loops because the kernels are cold (not a
     * {@link WarmUpThread}). Audio thread: one volatile read once the kernels are on.
     */
    public static boolean coldHere() {
        return !running && usable && !(Thread.currentThread() instanceof WarmUpThread);
    }

    /**
     * Switches the cold kernels on for every thread: from each call site's next call on, the vector
     * forms run (the same bits for the mix, limiter and input guard; the banks hand their weighting
     * filters' state to their lanes). Nothing after a {@link #fallBack}, nor once on. Any thread,
     * the audio thread included: no allocation, no lock ({@code by} is a constant). Returns true
     * when this call switched them on.
     *
     * @param by who switched them on, for {@link #describe} (a string constant)
     */
    public static boolean switchOn(String by) {
        if (running || !usable) {
            return false;
        }
        switchedOnBy = by;
        running = true;
        if (!usable) {
            // A fall-back came between the test above and the write (it writes usable, then
            // running): it wins.
            running = false;
            return false;
        }
        return true;
    }

    /**
     * Switches every kernel off for the rest of the JVM's life: from each call site's next call on,
     * the plain loops run (the same bits for the mix, limiter and input guard; the meters' K- and
     * A-weighting go on from the lanes' filter state, handed back). Called by a guard that saw the
     * audio path allocate with the kernels on, which means a C2 compilation boxed a vector (see
     * the class comment): the JIT warm-up before the first real block, the engine's
     * {@code KernelGuard} while playing. Any thread, the audio thread included: it allocates nothing and takes no lock
     * ({@code by} is a constant). The first call wins; later ones change nothing.
     *
     * @param by     who saw it, for {@link #describe} (a string constant)
     * @param bytes  the bytes it saw allocated
     * @param blocks over how many blocks
     */
    public static void fallBack(String by, long bytes, long blocks) {
        if (!usable) {
            return;
        }
        fallBackBy = by;
        fallBackBytes = bytes;
        fallBackBlocks = blocks;
        usable = false;
        running = false;
    }

    /** Who switched the cold kernels on ({@link #switchOn}), or null; the bridge logs it once. */
    public static String switchedOnBy() {
        return switchedOnBy;
    }

    /** Whether a guard switched the kernels off ({@link #fallBack}); the bridge logs it once. */
    public static boolean fellBack() {
        return ON && !usable;
    }

    /** Why the vector kernels are off, or "on", or "cold"; for logs and the bench. */
    public static String describe() {
        if (running) {
            String by = switchedOnBy;
            return "on (" + MODULE + (by == null ? ")" : "; started cold, switched on by " + by + ")");
        }
        if (usable) {
            return "cold (plain loops until a warm-up or the engine switches them on; " + MODULE + ")";
        }
        if (ON) {
            return "off (fell back to the plain loops: " + fallBackBy + " saw " + fallBackBytes
                    + " bytes allocated in " + fallBackBlocks + " blocks with them on)";
        }
        if ("off".equals(System.getProperty(PROPERTY))) {
            return "off (-D" + PROPERTY + "=off)";
        }
        return "off (the JVM lacks --add-modules " + MODULE + ")";
    }

    /**
     * The vector form {@code org.foldback.vector.<name>} of a kernel, built with {@code args} (its
     * one public constructor's), or {@code plain} when the module is absent or switched off, or the
     * class cannot be loaded. The vector classes live outside org.foldback.engine and are only
     * named here, so a JVM without the module never loads them. Call sites test {@link #use} before
     * each call: the kernels may be cold and can be switched off later ({@link #fallBack}).
     */
    public static <T> T kernel(Class<T> type, String name, T plain, Object... args) {
        if (!ON) {
            return plain;
        }
        try {
            return type.cast(Class.forName(KERNEL_PACKAGE + "." + name).getConstructors()[0].newInstance(args));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            System.err.println("foldback: vector kernel " + name + " unavailable, using plain loops: " + e);
            return plain;
        }
    }

    private static boolean decide() {
        if ("off".equals(System.getProperty(PROPERTY))) {
            return false;
        }
        return ModuleLayer.boot().findModule(MODULE).isPresent();
    }
}
