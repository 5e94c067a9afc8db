package org.foldback.engine;

import java.util.List;
import org.foldback.engine.simd.Simd;

/**
 * Every option the Java side needs its JVM started with, in one list. The shim starts the plugin's
 * JVM with it (generated into Boundary.h as {@code contract::jvmOptions}), the tests' JVMs get it
 * through the root pom's surefire argLine (CompilePrerequisitesTest fails if the two drift apart),
 * and `java -jar foldback.jar` through its manifest's Add-Exports.
 *
 * <p>The Vector API kernels ({@link Simd#JVM_OPTIONS}) are not in it: on 2026-12-02 (session 6)
 * they were on by default for an hour, and NativeProcessorTest's allocation proof then failed in 2
 * of 5 runs of the bridge's tests (576 bytes once, 12,288 bytes on every block once: a C2 compile in
 * which a vector was boxed). Until that is understood they stay opt-in:
 * {@code FOLDBACK_JVM_OPTIONS="--add-modules=jdk.incubator.vector ..."} (native/bench/PERFORMANCE.md).
 */
public final class JvmOptions {
    /** The JDK's constant-pool reader ({@link CompilePrerequisites#JVM_OPTIONS}). */
    public static final List<String> PLUGIN = CompilePrerequisites.JVM_OPTIONS;

    private JvmOptions() {}
}
