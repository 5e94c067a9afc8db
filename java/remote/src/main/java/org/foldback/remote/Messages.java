package org.foldback.remote;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The protocol's JSON, through Jackson with limits that make hostile input fail fast: a small
 * document, shallow nesting, short strings, duplicate keys refused. Field readers throw
 * {@link BadMessage} with a reason the client is shown.
 */
final class Messages {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxDocumentLength(Limits.DEFAULT.maxMessageBytes() * 4L)
                    .maxNestingDepth(4)
                    .maxStringLength(256)
                    .maxNameLength(32)
                    .maxNumberLength(32)
                    .maxTokenCount(200)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private Messages() {}

    /** The message as a JSON object with a text "type". */
    static ObjectNode parse(String text) throws BadMessage {
        JsonNode n;
        try {
            n = MAPPER.readTree(text);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new BadMessage("malformed", "not valid JSON");
        }
        if (n == null || !n.isObject()) {
            throw new BadMessage("malformed", "a message is a JSON object");
        }
        JsonNode t = n.get("type");
        if (t == null || !t.isTextual()) {
            throw new BadMessage("malformed", "a message needs a \"type\" text");
        }
        return (ObjectNode) n;
    }

    static String text(ObjectNode m, String field) throws BadMessage {
        JsonNode n = m.get(field);
        if (n == null || !n.isTextual()) {
            throw new BadMessage("bad-field", "\"" + field + "\" must be text");
        }
        return n.textValue();
    }

    /** A whole number from {@code min} to {@code max}. */
    static int integer(ObjectNode m, String field, int min, int max) throws BadMessage {
        JsonNode n = m.get(field);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < min || n.intValue() > max) {
            throw new BadMessage("out-of-range", "\"" + field + "\" must be a whole number from " + min + " to " + max);
        }
        return n.intValue();
    }

    /** A finite number from {@code min} to {@code max}. */
    static float number(ObjectNode m, String field, float min, float max) throws BadMessage {
        JsonNode n = m.get(field);
        if (n == null || !n.isNumber() || !Double.isFinite(n.doubleValue()) || n.doubleValue() < min
                || n.doubleValue() > max) {
            throw new BadMessage("out-of-range", "\"" + field + "\" must be a number from " + min + " to " + max);
        }
        return (float) n.doubleValue();
    }

    static boolean bool(ObjectNode m, String field) throws BadMessage {
        JsonNode n = m.get(field);
        if (n == null || !n.isBoolean()) {
            throw new BadMessage("bad-field", "\"" + field + "\" must be true or false");
        }
        return n.booleanValue();
    }

    static ObjectNode object(String type) {
        return NODES.objectNode().put("type", type);
    }

    static ObjectNode error(String code, String message) {
        return object("error").put("code", code).put("message", message);
    }

    static String write(ObjectNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a reply: " + e.getMessage(), e);
        }
    }

    /** A level or meter figure for the page: hundredths of a dB are enough, -inf becomes null. */
    static void putDb(ObjectNode into, String field, double db) {
        if (Double.isFinite(db)) {
            into.put(field, Math.round(db * 100) / 100.0);
        } else {
            into.putNull(field);
        }
    }
}
