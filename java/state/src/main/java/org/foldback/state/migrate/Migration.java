package org.foldback.state.migrate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.foldback.state.StateFormatException;

/**
 * One step of the state schema: rewrites a parsed file of schema {@link #fromSchema()} in place
 * into the layout of the next schema. Steps run in order, so each only knows its neighbour.
 */
public interface Migration {
    int fromSchema();

    /**
     * @param root     the whole file, changed in place; the caller sets the new schema number
     * @param warnings where to note anything lost or guessed
     * @throws StateFormatException when the old layout is broken
     */
    void migrate(ObjectNode root, List<String> warnings) throws StateFormatException;
}
