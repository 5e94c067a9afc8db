package org.foldback.state;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.foldback.engine.param.ParamSpec;
import org.foldback.engine.param.ParamStore;
import org.foldback.engine.param.Params;

/**
 * One cue's settings (its cue-level parameters, its sends from every source, its name), saved
 * from one cue and loadable onto any other. Parameters are stored by their ID within the cue
 * ("level", "mono", "src3.level"), so a file saved from cue 2 means the same on cue 7.
 *
 * <pre>{"format": "foldback-cue", "schema": 1, "writer": "...", "name": "Vocals",
 *  "params": {"level": 0.0, "mute": 0, ..., "src16.mute": 0}}</pre>
 */
public final class CuePreset {
    public static final String FORMAT = "foldback-cue";

    private final String name;
    private final Map<String, Float> values;
    private final Map<String, JsonNode> unknown;

    private CuePreset(String name, Map<String, Float> values, Map<String, JsonNode> unknown) {
        this.name = name;
        this.values = values;
        this.unknown = unknown;
    }

    /** Takes cue {@code cue} (0-based) from the live store and its name from the state. */
    public static CuePreset capture(ParamStore live, PluginState state, int cue) {
        Map<String, Float> v = new LinkedHashMap<>();
        for (ParamSpec p : Params.cue(cue).all()) {
            v.put(p.address().idInCue(), live.get(p.index()));
        }
        return new CuePreset(state.cueName(cue), v, new LinkedHashMap<>());
    }

    /**
     * Puts these settings on cue {@code cue} (0-based): into the live store (each set atomic, so
     * safe while audio runs), into the state's active slot, and the name into the state.
     * Parameters missing from the file take their defaults.
     */
    public void applyTo(ParamStore live, PluginState state, int cue) {
        for (ParamSpec p : Params.cue(cue).all()) {
            Float v = values.get(p.address().idInCue());
            float value = v != null ? v : p.defaultValue();
            live.set(p.index(), value);
            state.params().set(p.index(), value);
        }
        state.setCueName(cue, name);
    }

    public String name() {
        return name;
    }

    /** A value by its ID within the cue ("level", "src2.pan"), or null if the file had none. */
    public Float value(String relativeId) {
        return values.get(relativeId);
    }

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 * 1024);
        try (JsonGenerator g = Json.generator(bytes)) {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("schema", StateCodec.CURRENT_SCHEMA);
            g.writeStringField("writer", StateCodec.WRITER);
            g.writeStringField("name", name);
            g.writeObjectFieldStart("params");
            for (ParamSpec p : Params.cue(0).all()) {
                String rel = p.address().idInCue();
                Float v = values.get(rel);
                if (v != null) {
                    g.writeFieldName(rel);
                    StateWriter.writeValue(g, p, v);
                }
            }
            StateWriter.writeExtras(g, unknown);
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write cue preset: " + e.getMessage(), e);
        }
        return Json.finish(bytes);
    }

    /**
     * Reads a cue preset; out-of-range values are clamped and noted in {@code warnings}.
     *
     * @throws StateFormatException with a readable reason when the file cannot be loaded
     */
    public static CuePreset decode(byte[] blob, List<String> warnings) throws StateFormatException {
        ObjectNode root = Json.readObject(blob, "cue preset");
        JsonNode format = root.get("format");
        if (format == null || !format.isTextual() || !format.textValue().equals(FORMAT)) {
            throw new StateFormatException("not a cue preset: \"format\" must be \"" + FORMAT + "\"");
        }
        JsonNode schema = root.get("schema");
        if (schema == null || !schema.isIntegralNumber() || schema.asLong() < 1) {
            throw new StateFormatException("cue preset has no valid \"schema\" number");
        }
        if (schema.asLong() > StateCodec.CURRENT_SCHEMA) {
            warnings.add("cue preset has schema " + schema.asLong() + "; loading what this version knows");
        }
        JsonNode nameNode = root.get("name");
        if (nameNode == null || !nameNode.isTextual() || CueNames.hasLoneSurrogate(nameNode.textValue())) {
            throw new StateFormatException("cue preset needs a \"name\" text");
        }
        JsonNode params = root.get("params");
        if (params == null || !params.isObject()) {
            throw new StateFormatException("cue preset needs a \"params\" object");
        }
        Map<String, Float> values = new LinkedHashMap<>();
        Map<String, JsonNode> unknown = new LinkedHashMap<>();
        List<String> unknownIds = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            ParamSpec p = Params.cue(0).byIdInCue(e.getKey()); // every cue has the same IDs within it
            if (p == null) {
                unknown.put(e.getKey(), e.getValue());
                unknownIds.add(e.getKey());
                continue;
            }
            float v = StateReader.value(p, e.getValue(), "params");
            float clamped = p.clamp(v);
            if (clamped != v) {
                warnings.add("params: " + Quote.text(e.getKey()) + " = " + StateReader.show(v) + " clamped to "
                        + StateReader.show(clamped));
            }
            values.put(e.getKey(), clamped);
        }
        if (!unknownIds.isEmpty()) {
            warnings.add("cue preset: kept unknown parameter(s) " + unknownIds);
        }
        return new CuePreset(CueNames.clean(nameNode.textValue()), values, unknown);
    }
}
