package org.foldback.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.foldback.engine.JvmOptions;
import org.foldback.engine.simd.Simd;

/**
 * Runs `foldback bench` again in a JVM started with the plugin's options when this one lacks them.
 * Why: the bench measures the engine in its own JVM, and must measure what the plugin runs, the
 * Vector API kernels included; `java -jar` takes Add-Exports from the jar's manifest but has no way
 * to add a module. {@code -Dfoldback.simd=off} keeps this JVM (the plain loops, on purpose).
 */
final class PluginJvm {
    private PluginJvm() {}

    /** Whether {@code args} should run in a restarted JVM. */
    static boolean relaunchNeeded(String[] args) {
        return args.length > 0 && args[0].equals("bench")
                && ModuleLayer.boot().findModule(Simd.MODULE).isEmpty()
                && System.getProperty(Simd.PROPERTY) == null;
    }

    /** Runs {@code args} in a child JVM with {@link JvmOptions#PLUGIN}; returns its exit code. */
    static int relaunch(String[] args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(JvmOptions.PLUGIN);
        cmd.add("-D" + Simd.PROPERTY + "=auto"); // never restarts twice, whatever the child's JDK has
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        try {
            return new ProcessBuilder(cmd).inheritIO().start().waitFor();
        } catch (IOException e) {
            System.err.println("foldback: could not start a JVM with the plugin's options (" + e.getMessage() + ")");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
