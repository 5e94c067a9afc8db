package org.foldback.state.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.foldback.state.Quote;
import org.foldback.state.StateFormatException;

/**
 * Schema 0 (the prototype) to schema 1.
 *
 * <pre>
 * schema 0: "params": [{"id": "cue1.level", "value": -6.0}, ...],
 *           "cue_names": ["Drums", ...], "reference_level": "-20 dBFS"
 * schema 1: "params": {"cue1.level": -6.0, ...},
 *           "cues": [{"name": "Drums"}, ...], "meter": {"reference_dbfs": -20}
 * </pre>
 */
final class PrototypeToSchemaOne implements Migration {
    @Override
    public int fromSchema() {
        return 0;
    }

    @Override
    public void migrate(ObjectNode root, List<String> warnings) throws StateFormatException {
        JsonNode params = root.remove("params");
        if (params != null) {
            root.set("params", paramsByName(params));
        }
        JsonNode names = root.remove("cue_names");
        if (names != null) {
            if (!names.isArray()) {
                throw new StateFormatException("schema 0: cue_names must be an array");
            }
            ArrayNode cues = root.arrayNode();
            for (JsonNode name : names) {
                cues.addObject().set("name", name);
            }
            root.set("cues", cues);
        }
        JsonNode reference = root.remove("reference_level");
        if (reference != null) {
            String text = reference.asText("").trim();
            int dbfs = text.startsWith("-20") ? -20 : -18;
            if (!text.startsWith("-20") && !text.startsWith("-18")) {
                warnings.add("schema 0: reference_level '" + Quote.text(text) + "' unknown; using -18 dBFS");
            }
            root.putObject("meter").put("reference_dbfs", dbfs);
        }
    }

    private static ObjectNode paramsByName(JsonNode list) throws StateFormatException {
        if (!list.isArray()) {
            throw new StateFormatException("schema 0: params must be an array of {id, value}");
        }
        ObjectNode byId = ((ArrayNode) list).objectNode();
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            JsonNode id = entry.get("id");
            JsonNode value = entry.get("value");
            if (!entry.isObject() || id == null || !id.isTextual() || value == null) {
                throw new StateFormatException("schema 0: params[" + i + "] must be {\"id\": text, \"value\": ...}");
            }
            if (byId.has(id.textValue())) {
                throw new StateFormatException("schema 0: parameter '" + Quote.text(id.textValue()) + "' appears twice");
            }
            byId.set(id.textValue(), value);
        }
        return byId;
    }
}
