package org.foldback.bridge;

import org.foldback.engine.Layout;
import org.foldback.engine.param.ParamKind;
import org.foldback.engine.param.ParamSpec;
import org.foldback.engine.param.Params;

/** What the shim asks once at load, before any instance exists: the buses and the parameter table. */
final class ShimDescription {
    private ShimDescription() {}

    /** "sources=16 cues=8": the bus layout the shim declares to the host. */
    static String layout() {
        return "sources=" + Layout.MAX_SOURCES + " cues=" + Layout.MAX_CUES;
    }

    /**
     * One line per parameter, tab-separated: id, name, unit, kind, default (normalized), number
     * of steps (0 for continuous), automatable (0/1), choices joined by '|'.
     */
    static String params() {
        StringBuilder sb = new StringBuilder();
        for (ParamSpec p : Params.TABLE) {
            int steps = p.kind() == ParamKind.FLOAT ? 0 : p.choices().size();
            sb.append(p.id()).append('\t')
                    .append(p.name()).append('\t')
                    .append(p.unit()).append('\t')
                    .append(p.kind().name()).append('\t')
                    .append(p.normalize(p.defaultValue())).append('\t')
                    .append(steps).append('\t')
                    .append(p.automatable() ? 1 : 0).append('\t')
                    .append(String.join("|", p.choices())).append('\n');
        }
        return sb.toString();
    }
}
