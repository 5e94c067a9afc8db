package org.foldback.state.migrate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Schema 2 to schema 3: schema 3 adds the performer's-ear parameters (tone, crossfeed, ambience
 * send, return and room, maximum level in dB SPL) and each cue's calibration
 * ("cues[i].calibration_db_spl", null = uncalibrated). Nothing of schema 2 moves or changes
 * meaning, so the step leaves the file as it is: absent parameters take their defaults, which
 * are all "off" (the cue sounds exactly as before), and every cue stays uncalibrated.
 *
 * <pre>
 * schema 2: "cues": [{"name": "Vocals", "me": [5]}, ...]
 * schema 3: "params": {..., "cue4.tone.low": -3.0, "src5.ambience": -12.0, "ambience.decay": 1.2, ...},
 *           "cues": [{"name": "Vocals", "me": [5], "calibration_db_spl": 112.0}, ...]
 * </pre>
 */
final class SchemaTwoToThree implements Migration {
    @Override
    public int fromSchema() {
        return 2;
    }

    @Override
    public void migrate(ObjectNode root, List<String> warnings) {
        // Nothing to rewrite: schema 3 only adds keys, which take their defaults when absent.
    }
}
