package org.foldback.engine;

import java.util.List;
import java.util.stream.Stream;
import org.foldback.engine.simd.Simd;

/**
 * Every option the Java side needs its JVM started with, in one list. The shim starts the plugin's
 * JVM with it (generated into Boundary.h as {@code contract::jvmOptions}), the tests' JVMs get it
 * through the root pom's surefire argLine (CompilePrerequisitesTest fails if the two drift apart),
 * and `foldback bench` restarts itself with it when `java -jar` started it without (a jar's
 * manifest can export packages but cannot add a module).
 */
public final class JvmOptions {
    /**
     * The JDK's constant-pool reader ({@link CompilePrerequisites#JVM_OPTIONS}), then the Vector
     * API's module and the kernels' compile threshold ({@link Simd#JVM_OPTIONS}).
     */
    public static final List<String> PLUGIN = Stream.concat(
            CompilePrerequisites.JVM_OPTIONS.stream(), Simd.JVM_OPTIONS.stream()).toList();

    private JvmOptions() {}
}
