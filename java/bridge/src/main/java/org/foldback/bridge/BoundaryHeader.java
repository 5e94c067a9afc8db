package org.foldback.bridge;

import org.foldback.control.EditorView;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.foldback.engine.param.ParamKind;
import org.foldback.engine.param.ParamSpec;
import org.foldback.engine.param.Params;
import org.foldback.engine.JvmOptions;

/**
 * Writes Boundary.h, the C++ side of the contract between the shim and Java, from the Java
 * definitions: {@link Boundary}'s constants, the JNI entry table ({@link ShimEntry} methods of
 * {@link NativeProcessor} and every method of {@link EditorView}), the editor's event codes and
 * sizes ({@link EditorView}'s int constants) and the parameter table ({@link Params}). CMake runs
 * {@link #main} at build time; docs/ARCHITECTURE.md lists what it generates.
 *
 * <p>The header ends with a fingerprint of everything above it. The shim compares it with
 * {@link NativeProcessor#boundaryFingerprint()} when it loads the jar, so a jar from another
 * build fails with a clear message instead of misbehaving.
 */
public final class BoundaryHeader {
    private BoundaryHeader() {}

    /** Prints the header; {@code --fingerprint-to FILE} writes its fingerprint there instead (the build's resource). */
    public static void main(String[] args) throws java.io.IOException {
        if (args.length == 2 && args[0].equals("--fingerprint-to")) {
            java.nio.file.Path file = java.nio.file.Path.of(args[1]);
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, Long.toHexString(computedFingerprint()) + "\n");
            return;
        }
        System.out.print(text());
    }

    /** The whole header. */
    public static String text() {
        String body = body();
        return body + "constexpr unsigned long long fingerprint = 0x" + Long.toHexString(fingerprint(body)) + "ULL;\n"
                + "} // namespace foldback::contract\n";
    }

    private static volatile long cachedFingerprint;

    /** The resource the build writes (bridge's pom: {@code main --fingerprint-to}). */
    static final String FINGERPRINT_RESOURCE = "boundary-fingerprint.txt";

    /**
     * The fingerprint the header ends with: the one the build computed into the jar (BoundaryTest
     * checks it is this jar's), else computed here once per JVM.
     */
    static long fingerprint() {
        long f = cachedFingerprint;
        if (f == 0) {
            f = builtFingerprint();
            if (f == 0) {
                f = computedFingerprint();
            }
            cachedFingerprint = f;
        }
        return f;
    }

    /** The fingerprint of the contract these classes define, computed from the header's text. */
    static long computedFingerprint() {
        return fingerprint(body());
    }

    /** The build's fingerprint, or 0 when the classes run without it (an IDE, before packaging). */
    static long builtFingerprint() {
        try (java.io.InputStream in = BoundaryHeader.class.getResourceAsStream(FINGERPRINT_RESOURCE)) {
            return in == null ? 0 : Long.parseUnsignedLong(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim(), 16);
        } catch (java.io.IOException | NumberFormatException e) {
            return 0;
        }
    }

    /** FNV-1a, 64 bits, over the UTF-8 bytes. */
    static long fingerprint(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h == 0 ? 1 : h;
    }

    private static String body() {
        StringBuilder out = new StringBuilder();
        out.append("// Generated from the Java side of the boundary by org.foldback.bridge.BoundaryHeader. Do not edit:\n"
                + "// change the Java definition (Boundary, ShimEntry methods, EditorView, Params) instead.\n"
                + "#pragma once\n\n"
                + "namespace foldback::contract\n{\n");
        constants(out);
        buses(out);
        changeBuffer(out);
        telemetry(out);
        editor(out);
        jni(out);
        parameters(out);
        return out.toString();
    }

    private static void constants(StringBuilder out) {
        out.append("constexpr int abiVersion = ").append(Boundary.ABI_VERSION).append(";\n");
        out.append("constexpr const char* defaultProgramName = ").append(literal(Boundary.DEFAULT_PROGRAM)).append(";\n");
        out.append("/** The no-Java pass-through's highest sample (the limiter's default ceiling). */\n");
        out.append("constexpr float fallbackCeiling = ").append(floatLiteral(Boundary.fallbackCeiling())).append(";\n");
        out.append("/** Options the embedded JVM needs for the Java side (see JvmOptions). */\n");
        out.append("constexpr const char* jvmOptions[] = { ").append(literals(JvmOptions.PLUGIN)).append(" };\n\n");
    }

    private static void buses(StringBuilder out) {
        out.append("namespace buses\n{\n");
        out.append("constexpr int maxSources = ").append(Boundary.MAX_SOURCES).append(";\n");
        out.append("constexpr int maxCues = ").append(Boundary.MAX_CUES).append(";\n");
        out.append("constexpr int channelsPerBus = ").append(Boundary.CHANNELS_PER_BUS).append(";\n");
        out.append("/** Accepted layouts: every bus stereo or disabled, and at least these first buses enabled. */\n");
        out.append("constexpr int requiredSources = ").append(Boundary.REQUIRED_SOURCE_BUSES).append(";\n");
        out.append("constexpr int requiredCues = ").append(Boundary.REQUIRED_CUE_BUSES).append(";\n");
        List<String> sources = new ArrayList<>();
        for (int s = 0; s < Boundary.MAX_SOURCES; s++) {
            sources.add(Boundary.sourceBusName(s));
        }
        List<String> cues = new ArrayList<>();
        for (int c = 0; c < Boundary.MAX_CUES; c++) {
            cues.add(Boundary.cueBusName(c));
        }
        out.append("constexpr const char* sourceNames[maxSources] = { ").append(literals(sources)).append(" };\n");
        out.append("constexpr const char* cueNames[maxCues] = { ").append(literals(cues)).append(" };\n");
        out.append("} // namespace buses\n\n");
    }

    private static void changeBuffer(StringBuilder out) {
        out.append("/** Host parameter changes for one block: indices (int32) first, then normalized values (float). */\n");
        out.append("namespace changeBuffer\n{\n");
        out.append("constexpr int capacity = ").append(Boundary.CHANGE_CAPACITY).append(";\n");
        out.append("constexpr int indicesOffsetBytes = ").append(Boundary.CHANGE_INDICES_OFFSET_BYTES).append(";\n");
        out.append("constexpr int valuesOffsetBytes = ").append(Boundary.CHANGE_VALUES_OFFSET_BYTES).append(";\n");
        out.append("constexpr int sizeBytes = ").append(Boundary.CHANGE_BUFFER_BYTES).append(";\n");
        out.append("} // namespace changeBuffer\n\n");
    }

    /** The block-time telemetry's slots (Boundary.TELEMETRY_*), by their Java names less the prefix. */
    private static void telemetry(StringBuilder out) {
        out.append("namespace telemetry\n{\n");
        for (Field f : Boundary.class.getFields()) {
            if (f.getName().startsWith("TELEMETRY_") && f.getType() == int.class) {
                try {
                    out.append("constexpr int ").append(f.getName().substring("TELEMETRY_".length())).append(" = ")
                            .append(f.getInt(null)).append(";\n");
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        out.append("} // namespace telemetry\n\n");
    }

    /** EditorView's int constants: mouse kinds, modifier bits, key codes, sizes in points. */
    private static void editor(StringBuilder out) {
        out.append("namespace editor\n{\n");
        for (Field f : sorted(EditorView.class.getFields())) {
            if (f.getType() == int.class && Modifier.isStatic(f.getModifiers())) {
                try {
                    out.append("constexpr int ").append(f.getName()).append(" = ").append(f.getInt(null)).append(";\n");
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        out.append("} // namespace editor\n\n");
    }

    /** Every method the shim calls, by the name the C++ code uses: its Java name ("init" for a constructor). */
    private static void jni(StringBuilder out) {
        out.append("/** A Java method the shim calls: its name and JNI signature, and whether it is static. */\n");
        out.append("struct JniMethod\n{\n    const char* name;\n    const char* signature;\n    bool isStatic;\n};\n\n");
        out.append("namespace jni\n{\n");
        out.append("constexpr const char* processorClass = ").append(literal(NativeProcessor.class.getName())).append(";\n");
        out.append("namespace processor\n{\n");
        for (Executable m : shimEntries()) {
            entry(out, m);
        }
        out.append("} // namespace processor\n");
        out.append("namespace editorView\n{\n");
        for (Method m : editorEntries()) {
            entry(out, m);
        }
        out.append("} // namespace editorView\n");
        out.append("} // namespace jni\n\n");
    }

    /** NativeProcessor's constructor and methods marked {@link ShimEntry}, by name. */
    static List<Executable> shimEntries() {
        List<Executable> all = new ArrayList<>();
        for (Constructor<?> c : NativeProcessor.class.getConstructors()) {
            if (c.isAnnotationPresent(ShimEntry.class)) {
                all.add(c);
            }
        }
        for (Method m : NativeProcessor.class.getMethods()) {
            if (m.isAnnotationPresent(ShimEntry.class)) {
                all.add(m);
            }
        }
        all.sort(Comparator.comparing(BoundaryHeader::entryName));
        return all;
    }

    static List<Method> editorEntries() {
        List<Method> all = new ArrayList<>();
        for (Method m : EditorView.class.getMethods()) {
            if (!m.isDefault() && !Modifier.isStatic(m.getModifiers())) {
                all.add(m);
            }
        }
        all.sort(Comparator.comparing(Method::getName));
        return all;
    }

    static String entryName(Executable m) {
        return m instanceof Constructor ? "init" : m.getName();
    }

    /** The JNI signature, e.g. "(IF)Ljava/lang/String;". */
    static String signature(Executable m) {
        Class<?> ret = m instanceof Method method ? method.getReturnType() : void.class;
        return MethodType.methodType(ret, m.getParameterTypes()).toMethodDescriptorString();
    }

    private static void entry(StringBuilder out, Executable m) {
        String name = m instanceof Constructor ? "<init>" : m.getName();
        out.append("constexpr JniMethod ").append(entryName(m)).append(" { ").append(literal(name)).append(", ")
                .append(literal(signature(m))).append(", ").append(Modifier.isStatic(m.getModifiers())).append(" };\n");
    }

    private static void parameters(StringBuilder out) {
        out.append("enum class ParamKind { Float, Bool, Choice };\n\n");
        out.append("/** One host parameter, as Params declares it. */\n");
        out.append("struct ParamSpec\n{\n    const char* id;\n    const char* name;\n    const char* unit;\n"
                + "    ParamKind kind;\n    float defaultNormalized;\n    int steps;          // 0: continuous; else the number of choices\n"
                + "    bool automatable;\n    const char* const* choices;\n    int choiceCount;\n};\n\n");
        Map<List<String>, String> choiceLists = new LinkedHashMap<>();
        for (ParamSpec p : Params.TABLE) {
            if (!p.choices().isEmpty()) {
                choiceLists.computeIfAbsent(p.choices(), k -> "choices" + choiceLists.size());
            }
        }
        out.append("namespace detail\n{\n");
        choiceLists.forEach((list, name) ->
                out.append("constexpr const char* ").append(name).append("[] = { ").append(literals(list)).append(" };\n"));
        out.append("} // namespace detail\n\n");
        out.append("constexpr int paramCount = ").append(Params.count()).append(";\n");
        out.append("constexpr ParamSpec params[paramCount] = {\n");
        for (ParamSpec p : Params.TABLE) {
            int steps = p.kind() == ParamKind.FLOAT ? 0 : p.choices().size();
            String choices = p.choices().isEmpty() ? "nullptr" : "detail::" + choiceLists.get(p.choices());
            out.append("    { ").append(literal(p.id())).append(", ").append(literal(p.name())).append(", ")
                    .append(literal(p.unit())).append(", ParamKind::").append(kindName(p.kind())).append(", ")
                    .append(floatLiteral(p.normalize(p.defaultValue()))).append(", ").append(steps).append(", ")
                    .append(p.automatable()).append(", ").append(choices).append(", ").append(p.choices().size())
                    .append(" },\n");
        }
        out.append("};\n\n");
    }

    private static String kindName(ParamKind kind) {
        return switch (kind) {
            case FLOAT -> "Float";
            case BOOL -> "Bool";
            case CHOICE -> "Choice";
        };
    }

    private static String literals(List<String> texts) {
        List<String> quoted = new ArrayList<>();
        for (String t : texts) {
            quoted.add(literal(t));
        }
        return String.join(", ", quoted);
    }

    /** A C++ string literal of the text's UTF-8 bytes: ASCII printable as is, the rest as octal escapes. */
    static String literal(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '"' || c == '\\') {
                sb.append('\\').append((char) c);
            } else if (c >= 0x20 && c < 0x7f && c != '?') { // '?' could start a trigraph in old compilers
                sb.append((char) c);
            } else {
                sb.append('\\').append(String.format("%03o", c));
            }
        }
        return sb.append('"').toString();
    }

    private static String floatLiteral(float f) {
        String s = Float.toString(f);
        return (s.contains(".") || s.contains("E") ? s : s + ".0") + "f";
    }

    private static List<Field> sorted(Field[] fields) {
        List<Field> list = new ArrayList<>(List.of(fields));
        list.sort(Comparator.comparing(Field::getName));
        return list;
    }
}
