package org.foldback.state.migrate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Schema 1 to schema 2: schema 2 adds source names and colours ("sources"), each cue's "me" marks
 * ("cues[i].me") and the web remote's session settings ("web_remote"). Nothing of schema 1 moves or
 * changes meaning, so the step only has to leave the file as it is: the reader gives every source
 * its default name ("Src N") and colour, no cue any "me" mark, and the remote stays off.
 *
 * <pre>
 * schema 1: "cues": [{"name": "Drums"}, ...]
 * schema 2: "cues": [{"name": "Drums", "me": [2]}, ...],
 *           "sources": [{"name": "Main mix", "colour": "#e8a33d"}, ...],
 *           "web_remote": {"enabled": false, "port": 8337, "cues": [{"pin": "042917", "locked": false}, ...]}
 * </pre>
 */
final class SchemaOneToTwo implements Migration {
    @Override
    public int fromSchema() {
        return 1;
    }

    @Override
    public void migrate(ObjectNode root, List<String> warnings) {
        // Nothing to rewrite: schema 2 only adds keys, which take their defaults when absent.
    }
}
