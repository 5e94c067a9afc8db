package org.foldback.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.foldback.engine.param.Params;
import org.junit.jupiter.api.Test;

/**
 * The resolver works in the JVM the tests run in (so the allocation proofs measure what the plugin
 * does), the test JVM gets the options the plugin's JVM gets, and without them the resolver says
 * why instead of failing.
 */
class CompilePrerequisitesTest {
    @Test
    void resolvesTheEnginesClassesAndTheJdkClassesTheyName() {
        Params.count(); // initialises the parameter table, as preparing an instance would
        CompilePrerequisites.Result r = CompilePrerequisites.resolve(Processor.class);
        assertTrue(r.available(), () -> "not available: " + r.unavailableReason());
        assertTrue(r.classes() > 20, "classes: " + r.classes());
        assertTrue(r.strings() > 100, "strings: " + r.strings());
    }

    @Test
    void theTestJvmHasTheOptionsThePluginsJvmHas() {
        List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (String option : JvmOptions.PLUGIN) {
            assertTrue(args.contains(option), option + " missing from the test JVM (surefire argLine in the root pom): " + args);
        }
    }

    @Test
    void withoutTheOptionsItSaysWhatIsMissingAndDoesNothing() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                WithoutOptions.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("available=false"), out);
        assertTrue(out.contains("--add-exports=java.base/jdk.internal.access=ALL-UNNAMED"), out);
        assertFalse(out.contains("Exception in thread"), out);
    }

    /** Run in a JVM started without {@link CompilePrerequisites#JVM_OPTIONS}. */
    public static final class WithoutOptions {
        public static void main(String[] args) {
            System.out.println(CompilePrerequisites.resolve(Processor.class));
        }
    }

    @Test
    void initialiseAllRunsEveryEngineStaticInitialiserNow() throws Exception {
        int n = CompilePrerequisites.initialiseAll(Processor.class);
        assertTrue(n >= CompilePrerequisites.classesBeside(Processor.class).size() - 1, "initialised " + n);
        // A class the audio path reaches late (a cue's maximum level) is initialised already:
        // loading it again without initialising finds its statics set.
        Class<?> ceiling = Class.forName("org.foldback.engine.dose.SafeCeiling", false, getClass().getClassLoader());
        Object unsafe = Class.forName("jdk.internal.misc.Unsafe").getMethod("getUnsafe").invoke(null);
        boolean needsInit = (Boolean) unsafe.getClass().getMethod("shouldBeInitialized", Class.class).invoke(unsafe, ceiling);
        assertFalse(needsInit, "SafeCeiling is not initialised");
    }

    @Test
    void classesBesideAnAnchorAreItsPackageAndBelow() {
        List<Class<?>> found = CompilePrerequisites.classesBeside(Processor.class);
        assertTrue(found.contains(Params.class), "a subpackage's class");
        assertTrue(found.stream().allMatch(c -> c.getName().startsWith("org.foldback.engine.")), found.toString());
    }
}
