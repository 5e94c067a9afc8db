package org.foldback.engine;

import java.util.List;
import java.util.stream.Stream;
import org.foldback.engine.simd.Simd;

/**
 * Every option the Java side needs its JVM started with, in one list. The shim starts the plugin's
 * JVM with it (generated into Boundary.h as {@code contract::jvmOptions}), the tests' JVMs get it
 * through the root pom's surefire argLine (CompilePrerequisitesTest fails if the two drift apart),
 * and `java -jar foldback.jar` through its manifest's Add-Exports (the CLI's own commands run
 * without the kernels unless started with {@link Simd#JVM_OPTIONS}).
 *
 * <p>Two parts: the JDK's constant-pool reader ({@link CompilePrerequisites#JVM_OPTIONS}) and the
 * Vector API kernels ({@link Simd#JVM_OPTIONS}), on by default since session 7. They were on for an
 * hour in session 6 and taken off again because the bridge's allocation proof failed in 2 of 5
 * runs (576 bytes once, 12,288 bytes on every block once). Both are answered now: the 576 bytes were
 * strings C2 interned for the test's own lambda (AllocationProbe resolves them now); against a boxed
 * vector, each kernel is a compile of its own (no inlining depth or node budget shared with the
 * engine), and two guards switch the kernels off where the audio path allocates anyway: the JIT
 * warm-up's check before the first real block and the engine's {@code KernelGuard} while playing
 * (native/bench/PERFORMANCE.md, "Session 7: kernels guard"). {@code -Dfoldback.simd=off} in
 * FOLDBACK_JVM_OPTIONS switches them off by hand.
 */
public final class JvmOptions {
    /** The constant-pool reader's exports, then the kernels' module and compile commands. */
    public static final List<String> PLUGIN = Stream.concat(
            CompilePrerequisites.JVM_OPTIONS.stream(), Simd.JVM_OPTIONS.stream()).toList();

    private JvmOptions() {}
}
