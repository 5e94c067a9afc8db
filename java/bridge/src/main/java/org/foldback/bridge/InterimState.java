package org.foldback.bridge;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.foldback.engine.param.ParamSpec;
import org.foldback.engine.param.ParamStore;
import org.foldback.engine.param.Params;

/**
 * Interim state format ("id=value" lines) until the state module (versioned JSON) is wired in.
 * It already parses everything before applying anything, so a bad blob changes nothing.
 */
final class InterimState {
    private InterimState() {}

    static byte[] encode(ParamStore params) {
        StringBuilder sb = new StringBuilder("foldback-interim-state 0\n");
        for (ParamSpec p : Params.TABLE) {
            sb.append(p.id()).append('=').append(params.get(p.index())).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static void decodeInto(byte[] blob, ParamStore params) {
        String text = new String(blob, StandardCharsets.UTF_8);
        if (!text.startsWith("foldback-interim-state 0\n")) {
            throw new IllegalArgumentException("not a Foldback state");
        }
        Map<Integer, Float> values = new LinkedHashMap<>();
        for (String line : text.substring(text.indexOf('\n') + 1).split("\n")) {
            if (line.isEmpty()) continue;
            int eq = line.indexOf('=');
            ParamSpec p = eq < 0 ? null : Params.byId(line.substring(0, eq));
            if (p == null) continue;
            values.put(p.index(), Float.parseFloat(line.substring(eq + 1)));
        }
        values.forEach(params::set);
    }
}
