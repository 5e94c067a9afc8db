package org.foldback.state;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The one Jackson setup for every file Foldback reads or writes, with limits that make hostile
 * input fail fast: size checked before parsing, bounded nesting, strings, names, numbers and
 * token count, duplicate keys rejected, no NaN or Infinity literals, nothing after the document.
 */
final class Json {
    /** Largest blob read. A full state is about 40 KiB; this leaves room for newer versions. */
    static final int MAX_BYTES = 1 << 20;
    static final int MAX_DEPTH = 32;
    static final int MAX_STRING = 16 * 1024;
    static final int MAX_NAME = 256;
    static final int MAX_NUMBER = 64;
    static final long MAX_TOKENS = 100_000;

    /**
     * Parsers and generators come from a bare factory: an ObjectMapper takes about 270 ms to make
     * in a cold JVM (JDK 17), a share of the plugin's first instance, and reading and writing a
     * state never needs one. Only a tree kept from a newer version's state is written through
     * {@link #writeTree}, which makes the mapper then.
     */
    private static final JsonFactory FACTORY = createFactory();

    private Json() {}

    private static JsonFactory createFactory() {
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxDocumentLength(MAX_BYTES)
                .maxNestingDepth(MAX_DEPTH)
                .maxStringLength(MAX_STRING)
                .maxNameLength(MAX_NAME)
                .maxNumberLength(MAX_NUMBER)
                .maxTokenCount(MAX_TOKENS)
                .build();
        return JsonFactory.builder()
                .streamReadConstraints(limits)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // Schubfach: the shortest decimal that parses back to the same float bits.
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .build();
    }

    /** Made on first use: trees are built by JsonTree, which keeps numbers exact; the mapper only writes them. */
    private static final class Trees {
        static final ObjectMapper WRITER = new ObjectMapper(FACTORY.copy());
    }

    /** Writes a tree (what a newer version left in a state) where the generator stands. */
    static void writeTree(JsonGenerator g, JsonNode tree) throws IOException {
        Trees.WRITER.writeTree(g, tree);
    }

    /** Parses a blob into a JSON object, or says why it cannot. */
    static ObjectNode readObject(byte[] blob, String what) throws StateFormatException {
        if (blob == null || blob.length == 0) {
            throw new StateFormatException(what + " is empty");
        }
        if (blob.length > MAX_BYTES) {
            throw new StateFormatException(what + " is " + blob.length + " bytes, more than the "
                    + MAX_BYTES + " allowed");
        }
        JsonNode root;
        try {
            try (JsonParser p = FACTORY.createParser(blob)) {
                root = JsonTree.readDocument(p);
            }
        } catch (IOException | IllegalArgumentException e) {
            // Jackson's message names the problem and the position; keep only its first line.
            throw new StateFormatException(what + " is not valid JSON: " + firstLine(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new StateFormatException(what + " must be a JSON object, found "
                    + (root == null ? "nothing" : root.getNodeType().toString().toLowerCase()));
        }
        return (ObjectNode) root;
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        // The parser's message quotes the input: escaped and cut like any quoted user data.
        return Quote.text(nl < 0 ? m : m.substring(0, nl), 200);
    }

    /** A generator that writes UTF-8 with two-space indents and "\n" on every platform. */
    static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        pp.indentObjectsWith(indenter);
        pp.indentArraysWith(indenter);
        g.setPrettyPrinter(pp);
        return g;
    }

    static byte[] finish(ByteArrayOutputStream bytes) {
        bytes.write('\n');
        return bytes.toByteArray();
    }
}
