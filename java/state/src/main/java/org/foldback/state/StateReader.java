package org.foldback.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.foldback.engine.param.ParamKind;
import org.foldback.engine.param.ParamSpec;
import org.foldback.engine.param.ParamText;
import org.foldback.engine.param.Params;
import org.foldback.state.migrate.Migrations;

/**
 * Turns a parsed JSON object into a new {@link PluginState}: brings old schemas up to date, checks
 * every value's type, clamps values into range (with a warning) and keeps what it does not know.
 * It builds a fresh object and touches nothing live, so a failure half-way changes nothing.
 */
final class StateReader {
    private static final int LISTED_UNKNOWN = 5;
    /** The web remote's settings: in session states only, never read from or written to presets. */
    static final String REMOTE_KEY = "web_remote";
    /** The OSC server's settings: session states only, like the remote's. */
    static final String OSC_KEY = "osc";

    private final List<String> warnings = new ArrayList<>();

    private StateReader() {}

    static Decoded read(byte[] blob, Set<String> formats, String what) throws StateFormatException {
        ObjectNode root = Json.readObject(blob, what);
        return new StateReader().interpret(root, formats, what);
    }

    private Decoded interpret(ObjectNode root, Set<String> formats, String what)
            throws StateFormatException {
        JsonNode formatNode = root.get("format");
        if (formatNode == null || !formatNode.isTextual()) {
            throw new StateFormatException(what + " is not a Foldback file: it has no \"format\" text");
        }
        String format = formatNode.textValue();
        if (!formats.contains(format)) {
            throw new StateFormatException(what + " has format '" + Quote.text(format) + "', expected "
                    + String.join(" or ", formats));
        }
        int schema = schema(root, what);
        if (schema < StateCodec.CURRENT_SCHEMA) {
            Migrations.upgrade(root, schema, StateCodec.CURRENT_SCHEMA, warnings);
        } else if (schema > StateCodec.CURRENT_SCHEMA) {
            JsonNode writer = root.get("writer");
            warnings.add(what + " has schema " + schema + " (written by "
                    + (writer != null && writer.isTextual() ? Quote.text(writer.textValue()) : "a newer version")
                    + "); this version reads schema " + StateCodec.CURRENT_SCHEMA
                    + ", loads what it knows and keeps the rest");
        }
        rejectUnwritableText(root, "");
        boolean preset = StateCodec.PRESET_FORMAT.equals(format);

        PluginState s = new PluginState();
        JsonNode ab = root.get("ab");
        if (ab != null) {
            readAb(ab, s);
        }
        String name = null;
        String description = null;
        List<String> unknownKeys = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            switch (key) {
                case "format":
                case "schema":
                case "writer":
                case "ab":
                    break;
                case "params":
                    readParams(value, s.params(), "params");
                    break;
                case "cues":
                    readCues(value, s);
                    break;
                case "meter":
                    readMeter(value, s);
                    break;
                case "sources":
                    readSources(value, s);
                    break;
                case REMOTE_KEY:
                    if (preset) {
                        // A preset must not carry PINs; one that does (edited by hand) has them dropped.
                        warnings.add("a preset's web_remote settings are ignored (they belong to a session)");
                    } else {
                        readRemote(value, s);
                    }
                    break;
                case OSC_KEY:
                    if (preset) {
                        warnings.add("a preset's osc settings are ignored (they belong to a session)");
                    } else {
                        readOsc(value, s);
                    }
                    break;
                case "program":
                    if (value.isIntegralNumber() && value.asLong() >= 0 && value.asLong() <= 1_000_000) {
                        s.setProgram(value.asInt());
                    } else {
                        warnings.add("program = " + Quote.text(value.toString()) + " is not a program number; using 0");
                    }
                    break;
                default:
                    if (preset && key.equals("name")) {
                        name = text(value, "name");
                    } else if (preset && key.equals("description")) {
                        description = text(value, "description");
                    } else {
                        s.extraTop.put(key, value);
                        unknownKeys.add(key);
                    }
            }
        }
        if (ab == null || ab.get("other") == null) {
            // No A/B in the file (a preset, an old state): both slots start equal.
            s.setSlot(s.activeSlot().other(), s.params().copy());
        }
        if (!unknownKeys.isEmpty()) {
            warnings.add("kept unknown key(s) " + list(unknownKeys) + " to write back");
        }
        if (preset && name == null) {
            throw new StateFormatException(what + " is a preset without a \"name\"");
        }
        return new Decoded(s, name, description, warnings);
    }

    private static int schema(ObjectNode root, String what) throws StateFormatException {
        JsonNode n = root.get("schema");
        if (n == null) {
            throw new StateFormatException(what + " has no \"schema\" number");
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 0) {
            throw new StateFormatException(what + " has schema " + Quote.text(n.toString())
                    + ", expected a whole number from 0");
        }
        return n.intValue();
    }

    private void readAb(JsonNode ab, PluginState s) throws StateFormatException {
        if (!ab.isObject()) {
            throw new StateFormatException("ab must be an object, found " + type(ab));
        }
        Slot active = Slot.A;
        JsonNode activeNode = ab.get("active");
        if (activeNode != null) {
            String a = text(activeNode, "ab.active");
            if (a.equals("A")) {
                active = Slot.A;
            } else if (a.equals("B")) {
                active = Slot.B;
            } else {
                throw new StateFormatException("ab.active must be \"A\" or \"B\", not '" + Quote.text(a) + "'");
            }
        }
        s.setActiveSlot(active);
        List<String> unknown = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = ab.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("other")) {
                readParams(e.getValue(), s.slot(active.other()), "ab.other");
            } else if (!e.getKey().equals("active")) {
                s.extraAb.put(e.getKey(), e.getValue());
                unknown.add(e.getKey());
            }
        }
        if (!unknown.isEmpty()) {
            warnings.add("kept unknown key(s) " + list(unknown) + " in ab");
        }
    }

    void readParams(JsonNode node, ParamValues into, String where) throws StateFormatException {
        if (!node.isObject()) {
            throw new StateFormatException(where + " must be an object of parameter IDs to values, found "
                    + type(node));
        }
        List<String> unknown = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            ParamSpec p = Params.byId(e.getKey());
            if (p == null) {
                into.putUnknown(e.getKey(), e.getValue());
                unknown.add(e.getKey());
                continue;
            }
            float v = value(p, e.getValue(), where);
            float clamped = p.clamp(v);
            if (clamped != v) {
                warnings.add(where + ": " + p.id() + " = " + show(v) + " clamped to " + show(clamped));
            }
            into.set(p.index(), clamped);
        }
        if (!unknown.isEmpty()) {
            warnings.add(where + ": kept " + unknown.size() + " unknown parameter(s) " + list(unknown));
        }
    }

    /** A parameter's value from a number, a boolean (toggles) or the text a user would type. */
    static float value(ParamSpec p, JsonNode n, String where) throws StateFormatException {
        if (n.isNumber()) {
            // Decimal text to float in one correctly rounded step, never through double.
            if (n.isIntegralNumber()) {
                return n.bigIntegerValue().floatValue();
            }
            // JsonTree makes a double node only for negative zero.
            return n.isDouble() ? (float) n.doubleValue() : n.decimalValue().floatValue();
        }
        if (n.isBoolean() && p.kind() == ParamKind.BOOL) {
            return n.booleanValue() ? 1f : 0f;
        }
        if (n.isTextual()) {
            try {
                return ParamText.parse(p, n.textValue());
            } catch (IllegalArgumentException e) {
                throw new StateFormatException(where + ": " + Quote.text(e.getMessage()));
            }
        }
        throw new StateFormatException(where + ": " + p.id() + " must be "
                + (p.kind() == ParamKind.FLOAT ? "a number" : "a number, " + ParamText.describeRange(p))
                + ", found " + type(n));
    }

    private void readCues(JsonNode node, PluginState s) throws StateFormatException {
        if (!node.isArray()) {
            throw new StateFormatException("cues must be an array, found " + type(node));
        }
        for (int c = 0; c < node.size(); c++) {
            JsonNode cue = node.get(c);
            if (c >= PluginState.CUE_COUNT) {
                s.extraCues.add(cue);
                continue;
            }
            if (!cue.isObject()) {
                throw new StateFormatException("cues[" + c + "] must be an object, found " + type(cue));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = cue.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("me")) {
                    readMe(e.getValue(), c, s);
                } else if (e.getKey().equals("calibration_db_spl")) {
                    readCalibration(e.getValue(), c, s);
                } else if (e.getKey().equals("name")) {
                    String name = text(e.getValue(), "cues[" + c + "].name");
                    s.setCueName(c, name);
                    if (!s.cueName(c).equals(name)) {
                        warnings.add("cues[" + c + "].name cut to " + PluginState.MAX_CUE_NAME_LENGTH
                                + " characters");
                    }
                } else {
                    s.extraPerCue.get(c).put(e.getKey(), e.getValue());
                    warnings.add("kept unknown key '" + Quote.text(e.getKey()) + "' in cues[" + c + "]");
                }
            }
        }
        if (!s.extraCues.isEmpty()) {
            warnings.add("kept " + s.extraCues.size() + " cue(s) beyond the " + PluginState.CUE_COUNT
                    + " this version has");
        }
    }

    private void readCalibration(JsonNode node, int cue, PluginState s) throws StateFormatException {
        String where = "cues[" + cue + "].calibration_db_spl";
        if (node.isNull()) {
            return;
        }
        if (!node.isNumber()) {
            throw new StateFormatException(where + " must be a number of dB SPL or null, found " + type(node));
        }
        try {
            s.setCalibration(cue, node.doubleValue());
        } catch (IllegalArgumentException e) {
            // No made-up calibration: out of range leaves the cue uncalibrated, and says so.
            warnings.add(where + ": " + e.getMessage() + "; left uncalibrated");
        }
    }

    private static void readMe(JsonNode node, int cue, PluginState s) throws StateFormatException {
        String where = "cues[" + cue + "].me";
        if (!node.isArray()) {
            throw new StateFormatException(where + " must be an array of source numbers, found " + type(node));
        }
        for (JsonNode n : node) {
            if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 1
                    || n.intValue() > PluginState.SOURCE_COUNT) {
                throw new StateFormatException(where + " holds " + Quote.text(n.toString()) + ", not a source number 1 to "
                        + PluginState.SOURCE_COUNT);
            }
            s.setMe(cue, n.intValue() - 1, true);
        }
    }

    private void readSources(JsonNode node, PluginState s) throws StateFormatException {
        if (!node.isArray()) {
            throw new StateFormatException("sources must be an array, found " + type(node));
        }
        if (node.size() > PluginState.SOURCE_COUNT) {
            warnings.add("sources: ignored " + (node.size() - PluginState.SOURCE_COUNT) + " beyond the "
                    + PluginState.SOURCE_COUNT + " this version has");
        }
        for (int src = 0; src < node.size() && src < PluginState.SOURCE_COUNT; src++) {
            JsonNode source = node.get(src);
            String where = "sources[" + src + "]";
            if (!source.isObject()) {
                throw new StateFormatException(where + " must be an object, found " + type(source));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                switch (e.getKey()) {
                    case "name": {
                        String name = text(e.getValue(), where + ".name");
                        s.setSourceName(src, name);
                        if (!s.sourceName(src).equals(name)) {
                            warnings.add(where + ".name cut to " + PluginState.MAX_CUE_NAME_LENGTH + " characters");
                        }
                        break;
                    }
                    case "colour":
                        try {
                            s.setSourceColour(src, text(e.getValue(), where + ".colour"));
                        } catch (IllegalArgumentException bad) {
                            warnings.add(where + ": " + bad.getMessage() + "; using the default");
                        }
                        break;
                    default:
                        s.extraPerSource.get(src).put(e.getKey(), e.getValue());
                        warnings.add("kept unknown key '" + Quote.text(e.getKey()) + "' in " + where);
                }
            }
        }
    }

    /** The remote's settings; a bad PIN or port is refused whole (never half a remote). */
    private void readRemote(JsonNode node, PluginState s) throws StateFormatException {
        if (!node.isObject()) {
            throw new StateFormatException(REMOTE_KEY + " must be an object, found " + type(node));
        }
        RemoteSettings r = RemoteSettings.OFF;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "enabled":
                    if (!v.isBoolean()) {
                        throw new StateFormatException(REMOTE_KEY + ".enabled must be true or false, found " + type(v));
                    }
                    r = r.withEnabled(v.booleanValue());
                    break;
                case "port":
                    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < RemoteSettings.MIN_PORT
                            || v.intValue() > RemoteSettings.MAX_PORT) {
                        throw new StateFormatException(REMOTE_KEY + ".port must be " + RemoteSettings.MIN_PORT
                                + " to " + RemoteSettings.MAX_PORT + ", found " + Quote.text(v.toString()));
                    }
                    r = r.withPort(v.intValue());
                    break;
                case "cues":
                    r = readRemoteCues(v, r);
                    break;
                case "name":
                    if (!v.isTextual() || CueNames.hasLoneSurrogate(v.textValue())) {
                        throw new StateFormatException(REMOTE_KEY + ".name must be text, found " + type(v));
                    }
                    r = r.withName(v.textValue());
                    break;
                default:
                    s.extraRemote.put(e.getKey(), v);
                    warnings.add("kept unknown key '" + Quote.text(e.getKey()) + "' in " + REMOTE_KEY);
            }
        }
        s.setRemote(r);
    }

    /** The OSC server's settings; a bad port or address is refused whole. */
    private void readOsc(JsonNode node, PluginState s) throws StateFormatException {
        if (!node.isObject()) {
            throw new StateFormatException(OSC_KEY + " must be an object, found " + type(node));
        }
        OscSettings o = OscSettings.OFF;
        try {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                switch (e.getKey()) {
                    case "enabled":
                        if (!v.isBoolean()) {
                            throw new StateFormatException(OSC_KEY + ".enabled must be true or false, found " + type(v));
                        }
                        o = o.withEnabled(v.booleanValue());
                        break;
                    case "port":
                        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                            throw new StateFormatException(OSC_KEY + ".port must be a whole number, found " + type(v));
                        }
                        o = o.withPort(v.intValue());
                        break;
                    case "allowed":
                        if (!v.isArray()) {
                            throw new StateFormatException(OSC_KEY + ".allowed must be an array of addresses, found " + type(v));
                        }
                        List<String> allowed = new ArrayList<>();
                        for (JsonNode a : v) {
                            allowed.add(text(a, OSC_KEY + ".allowed[]"));
                        }
                        o = o.withAllowed(allowed);
                        break;
                    default:
                        s.extraOsc.put(e.getKey(), v);
                        warnings.add("kept unknown key '" + Quote.text(e.getKey()) + "' in " + OSC_KEY);
                }
            }
        } catch (IllegalArgumentException bad) {
            throw new StateFormatException(OSC_KEY + ": " + bad.getMessage());
        }
        s.setOsc(o);
    }

    private static RemoteSettings readRemoteCues(JsonNode node, RemoteSettings r) throws StateFormatException {
        if (!node.isArray()) {
            throw new StateFormatException(REMOTE_KEY + ".cues must be an array, found " + type(node));
        }
        for (int c = 0; c < node.size() && c < PluginState.CUE_COUNT; c++) {
            JsonNode cue = node.get(c);
            String where = REMOTE_KEY + ".cues[" + c + "]";
            if (!cue.isObject()) {
                throw new StateFormatException(where + " must be an object, found " + type(cue));
            }
            JsonNode pin = cue.get("pin");
            if (pin != null) {
                // The message never repeats the PIN: this text reaches the log.
                if (!pin.isTextual() || !RemoteSettings.isPin(pin.textValue())) {
                    throw new StateFormatException(where + ".pin must be " + RemoteSettings.PIN_DIGITS + " digits as text");
                }
                r = r.withPin(c, pin.textValue());
            }
            JsonNode locked = cue.get("locked");
            if (locked != null) {
                if (!locked.isBoolean()) {
                    throw new StateFormatException(where + ".locked must be true or false, found " + type(locked));
                }
                r = r.withLocked(c, locked.booleanValue());
            }
        }
        return r;
    }

    private void readMeter(JsonNode node, PluginState s) throws StateFormatException {
        if (!node.isObject()) {
            throw new StateFormatException("meter must be an object, found " + type(node));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (e.getKey().equals("reference_dbfs")) {
                if (!v.isNumber()) {
                    throw new StateFormatException("meter.reference_dbfs must be a number, found " + type(v));
                }
                if (v.isIntegralNumber() && v.canConvertToInt()
                        && (v.intValue() == PluginState.METER_REFERENCE_EBU
                            || v.intValue() == PluginState.METER_REFERENCE_SMPTE)) {
                    s.setMeterReferenceDbfs(v.intValue());
                } else {
                    warnings.add("meter.reference_dbfs = " + Quote.text(v.toString())
                            + " is neither -18 nor -20; using -18");
                }
            } else {
                s.extraMeter.put(e.getKey(), v);
                warnings.add("kept unknown key '" + Quote.text(e.getKey()) + "' in meter");
            }
        }
    }

    /** Text a UTF-8 writer could not write back (a lone surrogate from a "\ud800" escape). */
    private static void rejectUnwritableText(JsonNode n, String where) throws StateFormatException {
        if (n.isTextual() && CueNames.hasLoneSurrogate(n.textValue())) {
            throw new StateFormatException("text at " + (where.isEmpty() ? "top" : Quote.text(where))
                    + " holds an unpaired UTF-16 surrogate");
        }
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (CueNames.hasLoneSurrogate(e.getKey())) {
                    throw new StateFormatException("a key in " + (where.isEmpty() ? "the top level" : Quote.text(where))
                            + " holds an unpaired UTF-16 surrogate");
                }
                rejectUnwritableText(e.getValue(), where.isEmpty() ? e.getKey() : where + "." + e.getKey());
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                rejectUnwritableText(n.get(i), where + "[" + i + "]");
            }
        }
    }

    private static String text(JsonNode n, String where) throws StateFormatException {
        if (!n.isTextual()) {
            throw new StateFormatException(where + " must be text, found " + type(n));
        }
        return n.textValue();
    }

    static String type(JsonNode n) {
        return n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    /** A float as a person reads it: 40, not 40.0. */
    static String show(float v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9f) {
            return Long.toString((long) v);
        }
        return Float.toString(v);
    }

    private static String list(List<String> keys) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < keys.size() && i < LISTED_UNKNOWN; i++) {
            b.append(i == 0 ? "" : ", ").append('\'').append(Quote.text(keys.get(i))).append('\'');
        }
        if (keys.size() > LISTED_UNKNOWN) {
            b.append(" and ").append(keys.size() - LISTED_UNKNOWN).append(" more");
        }
        return b.toString();
    }

}
