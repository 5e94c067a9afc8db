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
 * {@code --add-modules jdk.incubator.vector}, which the plugin's JVM is not by default: add
 * {@link #JVM_OPTIONS} to FOLDBACK_JVM_OPTIONS (see JvmOptions for why; the JVM then prints
 * "WARNING: Using incubator modules" once). Without it, or with {@code -Dfoldback.simd=off},
 * every loop takes its plain form (main's loops, unchanged). The mix, limiter, input-guard and
 * K-weighting kernels give the same bits in both forms (the same operations per lane, in the same
 * order; the K-weighting's lanes are buses side by side); the true-peak filter uses
 * fused multiply-adds and the levels pass sums its squares in another order, so those two meters
 * may differ in the last bits (1e-6 dB and 1e-14 dB in a 3000-block run).
 *
 * <p>This package holds the switch and the kernels' contracts; the plain loops stay where they
 * were, the vector forms in {@code org.foldback.vector}, outside {@code org.foldback.engine} so
 * nothing that walks the engine's classes (the JIT warm-up) loads them where the module is absent.
 * A vector form must keep its vectors inside one method: a vector passed to a method C2 does not
 * inline is boxed, and that allocates on the audio thread (the engine's tests run a second time with
 * the module, AllocationTest among them, to catch it). And keep every kernel on the preferred
 * shape: a second float shape made FloatVector's shared call sites bimorphic, and JDK 17's C2 then
 * left another kernel's store unintrinsified (see native/bench/PERFORMANCE.md).
 */
public final class Simd {
    /** The system property that switches the vector kernels off ("off"); anything else means auto. */
    public static final String PROPERTY = "foldback.simd";
    /** The module the vector kernels need. */
    public static final String MODULE = "jdk.incubator.vector";
    /** The kernels' package, for the JVM options below. */
    public static final String KERNEL_PACKAGE = "org.foldback.vector";

    /**
     * What a JVM is started with so the kernels run (opt-in: FOLDBACK_JVM_OPTIONS for the plugin;
     * the engine's `vector-kernels` test run). The module, then a lower compile threshold for the kernels alone: until C2 has compiled a
     * kernel, every vector operation runs the Vector API's Java fallback, which allocates and is
     * 50-100x slower, so the JIT warm-up at the first real-time prepare took 3.0-6.4 s instead of
     * 1.4-1.6 s (2026-12-02, load 3). With a twentieth of the usual thresholds for the kernels'
     * methods (the JDK's own vector classes keep theirs: lowering those floods the compile queue),
     * C2 compiles them within the first blocks: 1.8-2.2 s in two of three runs (PERFORMANCE.md).
     * "quiet" keeps the JVM from printing the compile command on the host's standard output.
     */
    public static final List<String> JVM_OPTIONS = List.of(
            "--add-modules=" + MODULE,
            "-XX:CompileCommand=quiet",
            "-XX:CompileCommand=CompileThresholdScaling," + KERNEL_PACKAGE + ".*::*,0.05");

    /** A class of the vector kernels' package, named for tools that walk it (the warm-up's resolution). */
    public static final String KERNEL_PACKAGE_ANCHOR = KERNEL_PACKAGE + ".VectorMixLoops";

    private static final boolean ON = decide();

    private Simd() {}

    /** Whether the vector kernels are in use in this JVM (decided once, at class initialisation). */
    public static boolean on() {
        return ON;
    }

    /** Why the vector kernels are off, or "on"; for logs and the bench. */
    public static String describe() {
        if (ON) {
            return "on (" + MODULE + ")";
        }
        if ("off".equals(System.getProperty(PROPERTY))) {
            return "off (-D" + PROPERTY + "=off)";
        }
        return "off (the JVM lacks --add-modules " + MODULE + ")";
    }

    /**
     * The vector form {@code org.foldback.vector.<name>} of a kernel, built with {@code args} (its
     * one public constructor's), or {@code plain} when the switch is off or the class cannot be
     * loaded. The vector classes live outside org.foldback.engine and are only named here, so a JVM
     * without the module never loads them.
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
