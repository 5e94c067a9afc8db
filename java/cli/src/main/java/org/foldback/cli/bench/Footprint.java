package org.foldback.cli.bench;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The engine's data, counted: every object reachable from a processor, in the layout of this JVM
 * (object header, field offsets, array base and element size from {@code sun.misc.Unsafe}), each
 * object charged to the first stage that reaches it, and how much of it one block changes.
 *
 * <p>What it is for: between two periods the host runs other work that evicts the engine's data
 * from the caches (PERFORMANCE.md, "Session 8: the Java call in jalv"), so every 64-byte line a
 * block touches comes back from far away. The reachable bytes bound what a block can touch; the
 * changed bytes (values that differ after one block, counted in 64-byte lines of each object) are a
 * floor of what it writes. Neither counts the JIT's code, nor the parameter table the engine shares
 * with every instance (classes of {@code org.foldback.engine.param} other than the stores).
 */
final class Footprint {
    static final int LINE = 64;

    /** One stage's objects: bytes, objects, and the 64-byte lines of them one block changed. */
    record Stage(String name, long bytes, int objects, long changedLines) {}

    private static final sun.misc.Unsafe UNSAFE = unsafe();

    private final Map<Object, String> owner = new IdentityHashMap<>();
    private final Map<String, long[]> totals = new LinkedHashMap<>();
    private final Map<Object, Object> before = new IdentityHashMap<>();

    /** Charges everything reachable from {@code root} and not charged yet to {@code stage}. */
    void add(String stage, Object root) {
        totals.computeIfAbsent(stage, k -> new long[3]);
        List<Object> todo = new ArrayList<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            Object o = todo.remove(todo.size() - 1);
            if (o == null || owner.containsKey(o) || !counted(o.getClass())) {
                continue;
            }
            owner.put(o, stage);
            long[] t = totals.get(stage);
            t[0] += size(o);
            t[1]++;
            Class<?> c = o.getClass();
            if (c.isArray()) {
                if (!c.getComponentType().isPrimitive()) {
                    for (Object e : (Object[]) o) {
                        todo.add(e);
                    }
                }
                continue;
            }
            for (Field f : fields(c)) {
                if (!f.getType().isPrimitive()) {
                    todo.add(UNSAFE.getObject(o, UNSAFE.objectFieldOffset(f)));
                }
            }
        }
    }

    /** Remembers every counted object's values, to compare after a block. */
    void snapshot() {
        before.clear();
        for (Object o : owner.keySet()) {
            before.put(o, values(o));
        }
    }

    /** Per stage, in the order added: bytes, objects, and the lines changed since {@link #snapshot}. */
    List<Stage> stages() {
        for (long[] t : totals.values()) {
            t[2] = 0;
        }
        for (Map.Entry<Object, Object> e : before.entrySet()) {
            totals.get(owner.get(e.getKey()))[2] += changedLines(e.getKey(), e.getValue());
        }
        List<Stage> out = new ArrayList<>();
        totals.forEach((name, t) -> out.add(new Stage(name, t[0], (int) t[1], t[2])));
        return out;
    }

    /** Ours, the arrays and the atomics that hold our state; not the JDK's or the shared parameter table. */
    private static boolean counted(Class<?> c) {
        if (c.isArray()) {
            return true;
        }
        if (c == AtomicIntegerArray.class || c == AtomicLongArray.class || c == AtomicLong.class
                || c == AtomicInteger.class) {
            return true;
        }
        String name = c.getName();
        if (!name.startsWith("org.foldback.") || c.isHidden()) { // hidden: a lambda, a few captured references
            return false;
        }
        return !name.startsWith("org.foldback.engine.param.") || name.endsWith("ParamStore");
    }

    private static List<Field> fields(Class<?> c) {
        List<Field> out = new ArrayList<>();
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** Bytes of one object in this JVM's layout, rounded up to 8. */
    static long size(Object o) {
        Class<?> c = o.getClass();
        long bytes;
        if (c.isArray()) {
            bytes = UNSAFE.arrayBaseOffset(c) + (long) UNSAFE.arrayIndexScale(c) * Array.getLength(o);
        } else {
            long end = UNSAFE.arrayBaseOffset(int[].class) - 4; // the header: an array's, less its length
            for (Field f : fields(c)) {
                end = Math.max(end, UNSAFE.objectFieldOffset(f) + fieldBytes(f.getType()));
            }
            bytes = end;
        }
        return (bytes + 7) & ~7L;
    }

    /** 4 with compressed references, 8 without (ZGC, the plugin's collector). */
    static int referenceBytes() {
        return UNSAFE.arrayIndexScale(Object[].class);
    }

    private static int fieldBytes(Class<?> t) {
        if (t == long.class || t == double.class) {
            return 8;
        }
        if (t == int.class || t == float.class) {
            return 4;
        }
        if (t == short.class || t == char.class) {
            return 2;
        }
        if (t == byte.class || t == boolean.class) {
            return 1;
        }
        return referenceBytes();
    }

    /** A copy of the object's values: a primitive array's clone, or each field's value. */
    private static Object values(Object o) {
        Class<?> c = o.getClass();
        if (c.isArray()) {
            int n = Array.getLength(o);
            Object copy = Array.newInstance(c.getComponentType(), n);
            System.arraycopy(o, 0, copy, 0, n);
            return copy;
        }
        List<Field> fs = fields(c);
        Object[] v = new Object[fs.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = read(o, fs.get(i));
        }
        return v;
    }

    /** 64-byte lines of {@code o} (counted from its start) holding a value that differs from {@code was}. */
    private static long changedLines(Object o, Object was) {
        Class<?> c = o.getClass();
        java.util.BitSet lines = new java.util.BitSet();
        if (c.isArray()) {
            long base = UNSAFE.arrayBaseOffset(c);
            int scale = UNSAFE.arrayIndexScale(c);
            for (int i = 0, n = Array.getLength(o); i < n; i++) {
                if (!Objects.equals(Array.get(o, i), Array.get(was, i)) && !sameReference(o, was, i)) {
                    lines.set((int) ((base + (long) i * scale) / LINE));
                }
            }
        } else {
            List<Field> fs = fields(c);
            Object[] v = (Object[]) was;
            for (int i = 0; i < v.length; i++) {
                Object now = read(o, fs.get(i));
                boolean same = fs.get(i).getType().isPrimitive() ? Objects.equals(now, v[i]) : now == v[i];
                if (!same) {
                    lines.set((int) (UNSAFE.objectFieldOffset(fs.get(i)) / LINE));
                }
            }
        }
        return lines.cardinality();
    }

    /** Reference arrays compare by identity (equals is identity for our objects anyway). */
    private static boolean sameReference(Object o, Object was, int i) {
        return !o.getClass().getComponentType().isPrimitive() && Array.get(o, i) == Array.get(was, i);
    }

    private static Object read(Object o, Field f) {
        long at = UNSAFE.objectFieldOffset(f);
        Class<?> t = f.getType();
        if (t == long.class) return UNSAFE.getLong(o, at);
        if (t == double.class) return UNSAFE.getDouble(o, at);
        if (t == int.class) return UNSAFE.getInt(o, at);
        if (t == float.class) return UNSAFE.getFloat(o, at);
        if (t == short.class) return UNSAFE.getShort(o, at);
        if (t == char.class) return UNSAFE.getChar(o, at);
        if (t == byte.class) return UNSAFE.getByte(o, at);
        if (t == boolean.class) return UNSAFE.getBoolean(o, at);
        return UNSAFE.getObject(o, at);
    }

    private static sun.misc.Unsafe unsafe() {
        try {
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (sun.misc.Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no sun.misc.Unsafe: cannot count the engine's bytes", e);
        }
    }
}
