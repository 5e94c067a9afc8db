package org.foldback.state;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.foldback.engine.param.ParamKind;
import org.foldback.engine.param.ParamSpec;
import org.foldback.engine.param.Params;

/**
 * Writes a state or preset as JSON, always in the same key order (known keys in table order, then
 * what a newer version left, in its order), so that equal states give equal bytes.
 */
final class StateWriter {
    private StateWriter() {}

    static byte[] write(String format, String name, String description, PluginState s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(48 * 1024);
        try (JsonGenerator g = Json.generator(bytes)) {
            g.writeStartObject();
            g.writeStringField("format", format);
            g.writeNumberField("schema", StateCodec.CURRENT_SCHEMA);
            g.writeStringField("writer", StateCodec.WRITER);
            if (name != null) {
                g.writeStringField("name", name);
                g.writeStringField("description", description == null ? "" : description);
            }
            g.writeFieldName("params");
            writeParams(g, s.params());
            writeCues(g, s);
            writeSources(g, s);
            g.writeObjectFieldStart("meter");
            g.writeNumberField("reference_dbfs", s.meterReferenceDbfs());
            writeExtras(g, s.extraMeter);
            g.writeEndObject();
            if (s.program() != 0) {
                // Only when set, so states written before this key existed re-encode to the same bytes.
                g.writeNumberField("program", s.program());
            }
            g.writeObjectFieldStart("ab");
            g.writeStringField("active", s.activeSlot().name());
            g.writeFieldName("other");
            writeParams(g, s.slot(s.activeSlot().other()));
            writeExtras(g, s.extraAb);
            g.writeEndObject();
            if (StateCodec.STATE_FORMAT.equals(format)) {
                // The host's session only: a preset is a file people share, and a PIN in it would
                // open the cue to whoever has the file.
                writeRemote(g, s);
                writeOsc(g, s);
            }
            writeExtras(g, s.extraTop);
            g.writeEndObject();
        } catch (IOException e) {
            // Writing to memory fails only for text that cannot be UTF-8, which decode refuses.
            throw new UncheckedIOException("cannot write state: " + e.getMessage(), e);
        }
        return Json.finish(bytes);
    }

    static void writeParams(JsonGenerator g, ParamValues values) throws IOException {
        g.writeStartObject();
        for (ParamSpec p : Params.TABLE) {
            g.writeFieldName(p.id());
            writeValue(g, p, values.get(p.index()));
        }
        writeExtras(g, values.unknown());
        g.writeEndObject();
    }

    static void writeValue(JsonGenerator g, ParamSpec p, float v) throws IOException {
        if (p.kind() == ParamKind.FLOAT) {
            g.writeNumber(v);
        } else {
            g.writeNumber((int) v);
        }
    }

    private static void writeCues(JsonGenerator g, PluginState s) throws IOException {
        g.writeArrayFieldStart("cues");
        for (int c = 0; c < PluginState.CUE_COUNT; c++) {
            g.writeStartObject();
            g.writeStringField("name", s.cueName(c));
            g.writeArrayFieldStart("me");
            for (int src = 0; src < PluginState.SOURCE_COUNT; src++) {
                if (s.isMe(c, src)) {
                    g.writeNumber(src + 1);
                }
            }
            g.writeEndArray();
            if (Double.isNaN(s.calibration(c))) {
                g.writeNullField("calibration_db_spl");
            } else {
                g.writeNumberField("calibration_db_spl", s.calibration(c));
            }
            writeExtras(g, s.extraPerCue.get(c));
            g.writeEndObject();
        }
        for (JsonNode extra : s.extraCues) {
            Json.writeTree(g, extra);
        }
        g.writeEndArray();
    }

    private static void writeSources(JsonGenerator g, PluginState s) throws IOException {
        g.writeArrayFieldStart("sources");
        for (int src = 0; src < PluginState.SOURCE_COUNT; src++) {
            g.writeStartObject();
            g.writeStringField("name", s.sourceName(src));
            g.writeStringField("colour", s.sourceColour(src));
            writeExtras(g, s.extraPerSource.get(src));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeRemote(JsonGenerator g, PluginState s) throws IOException {
        RemoteSettings r = s.remote();
        g.writeObjectFieldStart(StateReader.REMOTE_KEY);
        g.writeBooleanField("enabled", r.enabled());
        g.writeNumberField("port", r.port());
        if (r.name() != null) {
            g.writeStringField("name", r.name());
        }
        g.writeArrayFieldStart("cues");
        for (int c = 0; c < PluginState.CUE_COUNT; c++) {
            g.writeStartObject();
            if (r.pin(c) != null) {
                g.writeStringField("pin", r.pin(c));
            }
            g.writeBooleanField("locked", r.locked(c));
            g.writeEndObject();
        }
        g.writeEndArray();
        writeExtras(g, s.extraRemote);
        g.writeEndObject();
    }

    /** Only when not the default: states saved before OSC existed re-encode to the same bytes. */
    private static void writeOsc(JsonGenerator g, PluginState s) throws IOException {
        OscSettings o = s.osc();
        if (o.equals(OscSettings.OFF) && s.extraOsc.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart(StateReader.OSC_KEY);
        g.writeBooleanField("enabled", o.enabled());
        g.writeNumberField("port", o.port());
        g.writeArrayFieldStart("allowed");
        for (String a : o.allowed()) {
            g.writeString(a);
        }
        g.writeEndArray();
        writeExtras(g, s.extraOsc);
        g.writeEndObject();
    }

    static void writeExtras(JsonGenerator g, Map<String, JsonNode> extras) throws IOException {
        for (Map.Entry<String, JsonNode> e : extras.entrySet()) {
            g.writeFieldName(e.getKey());
            Json.writeTree(g, e.getValue());
        }
    }
}
