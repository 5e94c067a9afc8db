package org.foldback.engine;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Does ahead of time, on a thread that may allocate, what HotSpot otherwise does on the audio
 * thread the moment that thread makes a method hot enough for C2.
 *
 * <p>The thread whose calls cross C2's threshold is the thread that asks for the compilation, and
 * before queueing it HotSpot does two things on that thread: it resolves every string constant in
 * the constant pool of the method's class (interning each: a String and its bytes, 64-152 bytes a
 * class) and loads the classes named in the method's signature. Which thread asks, and when, depends
 * on inlining and on how busy the compiler is, so no warm-up length makes it the warm-up's thread
 * every time: the audio path allocated 72-896 bytes seconds into playing in about one run in two
 * (found with a JVMTI sampler that sees every allocation: "buses must be positive: " from
 * MeterBank, "injected test fault at block " from FaultInjection, a class for
 * ScopedMemoryAccess.copyMemory's signature; the JDK's own classes on the path, such as the direct
 * buffers, did the same).
 *
 * <p>So, after the warm-up has initialised the audio path's classes, this resolves their string
 * constants and loads their methods' signature classes. Resolution goes through the JDK's internal
 * constant-pool reader, which needs three {@code --add-exports} ({@link #JVM_OPTIONS}; the shim
 * and the test runner pass them). Without them, or on a JDK without that reader, it does nothing
 * and says so ({@link Result#available()}); nothing else depends on it. Classes that are not yet
 * initialised are skipped: the JVM has not linked them, and reading their constant pool is not
 * safe.
 */
public final class CompilePrerequisites {
    /** What the JVM must be started with for {@link #resolve} to work. */
    public static final List<String> JVM_OPTIONS = List.of(
            "--add-exports=java.base/jdk.internal.access=ALL-UNNAMED",
            "--add-exports=java.base/jdk.internal.reflect=ALL-UNNAMED",
            "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED");

    /**
     * The JDK's classes on the audio path (the direct buffers the shim shares, their bounds checks
     * and memory access, maths and atomics) and on the allocation measurement that proves it.
     */
    static final List<String> JDK_CLASSES = List.of(
            "java.nio.Buffer", "java.nio.ByteBuffer", "java.nio.FloatBuffer", "java.nio.IntBuffer",
            "java.nio.DirectByteBuffer", "java.nio.DirectFloatBufferU", "java.nio.DirectIntBufferU",
            "java.nio.MappedByteBuffer", "jdk.internal.misc.ScopedMemoryAccess", "jdk.internal.misc.Unsafe",
            "jdk.internal.util.Preconditions", "java.util.Objects", "java.util.Arrays",
            "java.lang.Math", "java.lang.StrictMath", "java.lang.Float", "java.lang.Double", "java.lang.Thread",
            "java.util.concurrent.atomic.AtomicInteger", "java.util.concurrent.atomic.AtomicLong",
            "java.util.concurrent.atomic.AtomicIntegerArray", "java.lang.invoke.VarHandle",
            "java.lang.invoke.VarHandleGuards", "java.lang.invoke.VarHandleInts$Array",
            "java.lang.invoke.VarHandleFloats$Array", "java.lang.invoke.VarHandleLongs$Array",
            "sun.management.ThreadImpl", "com.sun.management.internal.HotSpotThreadImpl",
            "sun.management.VMManagementImpl"); // the kernel guard reads the thread's allocation counter

    private static final Module JAVA_BASE = Object.class.getModule();
    /** The Vector API's module, when the JVM has it (org.foldback.engine.simd): the kernels run it. */
    private static final Module VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").orElse(null);

    /** What one call did. */
    public record Result(boolean available, int classes, int strings, double millis, String unavailableReason) {}

    private CompilePrerequisites() {}

    /**
     * Resolves the string constants and signature classes of the JDK's audio-path classes and of
     * every initialised class in the packages of {@code anchors} (each anchor's package and below,
     * from wherever the anchor was loaded: a directory or a jar).
     */
    public static Result resolve(Class<?>... anchors) {
        long start = System.nanoTime();
        ConstantPools pools;
        try {
            pools = new ConstantPools();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return new Result(false, 0, 0, 0, "the JDK's constant-pool reader is not reachable (" + e
                    + "); start the JVM with " + String.join(" ", JVM_OPTIONS));
        }
        Set<Class<?>> own = new LinkedHashSet<>();
        for (Class<?> anchor : anchors) {
            own.addAll(classesBeside(anchor));
        }
        // Our classes, then every initialised class of ours or of java.base their constant pools
        // name, and so on: that reaches the JDK's classes the audio path runs (the direct buffers, the lists behind the
        // parameter table) without a hand-kept list. Calls dispatched to a subclass the pools never
        // name are covered by JDK_CLASSES.
        Set<Class<?>> seen = new HashSet<>();
        ArrayDeque<Class<?>> queue = new ArrayDeque<>(own);
        Set<Class<?>> signaturesToLoad = new HashSet<>(own);
        for (String name : JDK_CLASSES) {
            try {
                Class<?> c = Class.forName(name, false, null);
                queue.add(c);
                signaturesToLoad.add(c);
            } catch (ClassNotFoundException | LinkageError e) {
                // Another JDK's internals: nothing there to resolve.
            }
        }
        int done = 0;
        int strings = 0;
        while (!queue.isEmpty()) {
            Class<?> c = queue.poll();
            if (c.isArray() || c.isPrimitive() || !seen.add(c) || !pools.initialized(c)) {
                continue;
            }
            try {
                strings += pools.resolveStrings(c);
                for (Class<?> named : pools.referencedLoaded(c)) {
                    if (own.contains(named) || named.getModule() == JAVA_BASE || named.getModule() == VECTOR) {
                        queue.add(named); // not the libraries behind state, presets and surfaces
                    }
                }
                if (signaturesToLoad.contains(c)) {
                    c.getDeclaredMethods(); // loads every class its methods' signatures name
                }
                done++;
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // One class we cannot read costs its own strings only.
            }
        }
        return new Result(true, done, strings, (System.nanoTime() - start) / 1e6, null);
    }

    /**
     * Initialises every class in the anchor's package and below, so that no static initialiser
     * runs later on the audio thread. (Found: SafeCeiling's, reached only when a cue's maximum
     * level is first used, ran on the audio thread and allocated 448-560 bytes there, loading a
     * switch-map class from the jar.) Returns how many classes are initialised now.
     */
    public static int initialiseAll(Class<?> anchor) {
        int n = 0;
        for (Class<?> c : classesBeside(anchor)) {
            try {
                Class.forName(c.getName(), true, c.getClassLoader());
                n++;
            } catch (ClassNotFoundException | LinkageError e) {
                // Its dependencies are absent here (a unit test without JNA): not on the audio path.
            }
        }
        return n;
    }

    /** The loaded-or-loadable classes in the anchor's package and below, where the anchor came from. */
    static List<Class<?>> classesBeside(Class<?> anchor) {
        List<Class<?>> found = new ArrayList<>();
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
        if (source == null) {
            return found;
        }
        String prefix = anchor.getPackageName().replace('.', '/') + "/";
        List<String> names = new ArrayList<>();
        try {
            Path where = Path.of(source.getLocation().toURI());
            if (Files.isDirectory(where)) {
                try (Stream<Path> files = Files.walk(where.resolve(prefix))) {
                    files.map(p -> where.relativize(p).toString().replace('\\', '/')).forEach(names::add);
                }
            } else {
                try (JarFile jar = new JarFile(where.toFile())) {
                    jar.stream().map(JarEntry::getName).forEach(names::add);
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return found;
        }
        for (String name : names) {
            if (name.startsWith(prefix) && name.endsWith(".class") && !name.endsWith("module-info.class")) {
                String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                try {
                    found.add(Class.forName(className, false, anchor.getClassLoader()));
                } catch (ClassNotFoundException | LinkageError e) {
                    // A class whose dependencies are absent here (JNA in a unit test) is not on the path.
                }
            }
        }
        return found;
    }

    /** The JDK's internal constant-pool reader, reached by reflection so that compiling needs no flags. */
    private static final class ConstantPools {
        private final Object langAccess;
        private final Method poolOf;
        private final Method size;
        private final Method tagAt;
        private final Method stringAt;
        private final Object stringTag;
        private final Object classTag;
        private final Method classAtIfLoaded;
        private final Object unsafe;
        private final Method shouldBeInitialized;

        ConstantPools() throws ReflectiveOperationException {
            Class<?> secrets = Class.forName("jdk.internal.access.SharedSecrets");
            langAccess = secrets.getMethod("getJavaLangAccess").invoke(null);
            poolOf = Class.forName("jdk.internal.access.JavaLangAccess").getMethod("getConstantPool", Class.class);
            Class<?> pool = Class.forName("jdk.internal.reflect.ConstantPool");
            size = pool.getMethod("getSize");
            tagAt = pool.getMethod("getTagAt", int.class);
            stringAt = pool.getMethod("getStringAt", int.class);
            stringTag = Class.forName("jdk.internal.reflect.ConstantPool$Tag").getField("STRING").get(null);
            classTag = Class.forName("jdk.internal.reflect.ConstantPool$Tag").getField("CLASS").get(null);
            classAtIfLoaded = pool.getMethod("getClassAtIfLoaded", int.class);
            Class<?> unsafeClass = Class.forName("jdk.internal.misc.Unsafe");
            unsafe = unsafeClass.getMethod("getUnsafe").invoke(null);
            shouldBeInitialized = unsafeClass.getMethod("shouldBeInitialized", Class.class);
        }

        boolean initialized(Class<?> c) {
            try {
                return !(Boolean) shouldBeInitialized.invoke(unsafe, c);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return false;
            }
        }

        /** The already-loaded classes this class's constant pool names (resolving none). */
        List<Class<?>> referencedLoaded(Class<?> c) throws ReflectiveOperationException {
            Object pool = poolOf.invoke(langAccess, c);
            int n = (Integer) size.invoke(pool);
            List<Class<?>> found = new ArrayList<>();
            for (int i = 1; i < n; i++) {
                Object tag = tagAt.invoke(pool, i);
                if (tag == classTag) {
                    Object k = classAtIfLoaded.invoke(pool, i);
                    if (k instanceof Class<?> loaded) {
                        found.add(loaded);
                    }
                }
            }
            return found;
        }

        int resolveStrings(Class<?> c) throws ReflectiveOperationException {
            Object pool = poolOf.invoke(langAccess, c);
            int n = (Integer) size.invoke(pool);
            int strings = 0;
            for (int i = 1; i < n; i++) {
                if (tagAt.invoke(pool, i) == stringTag) {
                    stringAt.invoke(pool, i);
                    strings++;
                }
            }
            return strings;
        }
    }
}
