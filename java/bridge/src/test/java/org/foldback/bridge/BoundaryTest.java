package org.foldback.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.foldback.control.EditorView;
import org.foldback.engine.param.Params;
import org.junit.jupiter.api.Test;

/**
 * The boundary between the shim and Java, checked from the Java side in `mvn test`: every JNI entry
 * the generated header names exists with its signature, the shim uses each one and no other, and
 * the C functions Java calls through JNA are the ones the shim exports.
 */
class BoundaryTest {
    private static final Path SHIM = Path.of("../../native/shim");

    @Test
    void everyJniEntryResolvesByReflectionWithItsSignature() throws Exception {
        for (Executable m : BoundaryHeader.shimEntries()) {
            Executable found = m instanceof Method
                    ? NativeProcessor.class.getMethod(m.getName(), m.getParameterTypes())
                    : NativeProcessor.class.getConstructor(m.getParameterTypes());
            assertEquals(BoundaryHeader.signature(m), BoundaryHeader.signature(found));
            assertTrue(java.lang.reflect.Modifier.isPublic(found.getModifiers()), m + " must be public for JNI");
        }
        // Spot checks against signatures written out by hand, so the descriptor code is checked too.
        assertEquals("(II)I", signatureOf("process"));
        assertEquals("(DIIIZ)Ljava/lang/String;", signatureOf("prepare"));
        assertEquals("([B)Ljava/lang/String;", signatureOf("setState"));
        assertEquals("()J", signatureOf("boundaryFingerprint"));
        assertEquals("(IFFIF)V", BoundaryHeader.signature(EditorView.class.getMethod("mouse",
                int.class, float.class, float.class, int.class, float.class)));
    }

    @Test
    void theShimCallsEveryEntryAndNoOther() throws IOException {
        String shim = shimSources();
        Set<String> declared = new TreeSet<>();
        BoundaryHeader.shimEntries().forEach(m -> declared.add("processor::" + BoundaryHeader.entryName(m)));
        BoundaryHeader.editorEntries().forEach(m -> declared.add("editorView::" + m.getName()));

        Set<String> used = new TreeSet<>();
        // Either spelled out (contract::jni::processor::init) or through a namespace alias
        // (namespace entry = contract::jni::editorView; ... entry::glOpen).
        Matcher full = Pattern.compile("contract::jni::(processor|editorView)::(\\w+)").matcher(shim);
        while (full.find()) {
            used.add(full.group(1) + "::" + full.group(2));
        }
        Matcher alias = Pattern.compile("namespace entry = contract::jni::(processor|editorView);(.*?)\\}\\);", Pattern.DOTALL)
                .matcher(shim);
        while (alias.find()) {
            Matcher e = Pattern.compile("entry::(\\w+)").matcher(alias.group(2));
            while (e.find()) {
                used.add(alias.group(1) + "::" + e.group(1));
            }
        }
        assertEquals(declared, used, "JNI entries declared by Java vs used by native/shim");
        for (String entry : declared) {
            String name = entry.substring(entry.indexOf("::") + 2);
            assertFalse(shim.contains("\"" + name + "\""), "the shim names " + entry + " by hand");
        }
    }

    @Test
    void javaCallsExactlyTheFunctionsTheShimExports() throws IOException {
        String exports = Files.readString(SHIM.resolve("ShimExports.cpp"));
        TreeMap<String, Integer> cSide = new TreeMap<>();
        Matcher m = Pattern.compile("FOLDBACK_EXPORT\\s+\\w+\\s+(foldback_shim_\\w+)\\s*\\(([^)]*)\\)").matcher(exports);
        while (m.find()) {
            String args = m.group(2).trim();
            cSide.put(m.group(1), args.isEmpty() ? 0 : args.split(",").length);
        }
        TreeMap<String, Integer> javaSide = new TreeMap<>();
        for (Method method : ShimCalls.Exports.class.getDeclaredMethods()) {
            javaSide.put(method.getName(), method.getParameterCount());
        }
        assertEquals(cSide, javaSide, "C functions exported by ShimExports.cpp vs declared in ShimCalls.Exports");
    }

    @Test
    void theHeaderCarriesTheTablesAndAStableFingerprint() {
        String header = BoundaryHeader.text();
        assertTrue(header.contains("constexpr int paramCount = " + Params.count() + ";"));
        assertTrue(header.contains("constexpr int abiVersion = " + Boundary.ABI_VERSION + ";"));
        assertTrue(header.contains("{ \"cue1.src1.level\", "), "the parameter table");
        assertTrue(header.contains("fingerprint = 0x" + Long.toHexString(BoundaryHeader.fingerprint()) + "ULL"));
        assertEquals(header, BoundaryHeader.text(), "generation is deterministic");
        assertEquals(Boundary.CHANGE_CAPACITY * 8, Boundary.CHANGE_BUFFER_BYTES);
        assertEquals(Boundary.CHANGE_BUFFER_BYTES, new NativeProcessor(0, "").changeBuffer().capacity());
    }

    @Test
    void eachDefaultInTheHeaderIsWhatANewInstanceHoldsToTheBit() {
        // The shim's parameters start at the header's defaults and hand a new instance none of
        // them (FoldbackParameter: "not changed at first"), so each literal must read back as the
        // exact float a new instance's store gives, normalized.
        Matcher row = Pattern.compile("\\{ \"([^\"]+)\", \"[^\"]*\", \"[^\"]*\", ParamKind::\\w+, ([^,]+)f, ")
                .matcher(BoundaryHeader.text());
        NativeProcessor fresh = new NativeProcessor(0, "");
        float[] held = fresh.normalizedValues();
        int rows = 0;
        while (row.find()) {
            int index = rows;
            assertEquals(Params.get(index).id(), row.group(1), "table order");
            assertEquals(Float.floatToRawIntBits(held[index]), Float.floatToRawIntBits(Float.parseFloat(row.group(2))),
                    row.group(1) + ": header " + row.group(2) + ", a new instance " + held[index]);
            rows++;
        }
        assertEquals(Params.count(), rows, "every parameter's row read");
    }

    @Test
    void theBuildPacksThisContractsFingerprint() {
        // The shim asks for the fingerprint at every load: the build computes it (bridge's pom), so
        // a cold JVM reads it instead of generating the header's text. A stale one would make the
        // shim refuse the jar, so it must be this build's.
        assertNotEquals(0L, BoundaryHeader.builtFingerprint(), "boundary-fingerprint.txt missing from the classes");
        assertEquals(BoundaryHeader.computedFingerprint(), BoundaryHeader.builtFingerprint());
        assertEquals(BoundaryHeader.computedFingerprint(), NativeProcessor.boundaryFingerprint());
    }

    @Test
    void literalsKeepAnyTextIntactAsUtf8Escapes() {
        assertEquals("\"Main In\"", BoundaryHeader.literal("Main In"));
        assertEquals("\"a\\\"b\\\\c\"", BoundaryHeader.literal("a\"b\\c"));
        assertEquals("\"\\342\\210\\222inf\"", BoundaryHeader.literal("\u2212inf"));
        assertEquals("\"\\000\\077\"", BoundaryHeader.literal("\u0000?"));
    }

    @Test
    void noFactIsKeptInSyncByHand() throws IOException {
        String phrase = "must" + " match";   // spelled apart so this file does not say it
        try (Stream<Path> files = Stream.concat(Files.walk(SHIM), Files.walk(Path.of("..")))) {
            files.filter(p -> p.toString().matches(".*\\.(java|cpp|h)$") && !p.toString().contains("/target/"))
                    .forEach(p -> {
                        try {
                            assertFalse(Files.readString(p).toLowerCase().contains(phrase),
                                    p + " keeps a fact in sync by hand: generate it from the boundary contract instead");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
        }
    }

    private static String signatureOf(String name) {
        return BoundaryHeader.shimEntries().stream().filter(m -> BoundaryHeader.entryName(m).equals(name))
                .map(BoundaryHeader::signature).findFirst().orElseThrow();
    }

    private static String shimSources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(SHIM)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".cpp") || p.toString().endsWith(".h")).sorted().toList()) {
                all.append(Files.readString(p)).append('\n');
            }
        }
        return all.toString();
    }
}
