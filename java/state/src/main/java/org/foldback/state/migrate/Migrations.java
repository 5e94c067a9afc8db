package org.foldback.state.migrate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.foldback.state.StateFormatException;

/** Every schema step, in order. A new schema adds its step here and a sample under test resources. */
public final class Migrations {
    private static final List<Migration> STEPS = List.of(new PrototypeToSchemaOne(), new SchemaOneToTwo(),
            new SchemaTwoToThree());

    private Migrations() {}

    /** Brings a file of schema {@code from} up to {@code to}, one step at a time. */
    public static void upgrade(ObjectNode root, int from, int to, List<String> warnings)
            throws StateFormatException {
        for (int schema = from; schema < to; schema++) {
            Migration step = step(schema);
            step.migrate(root, warnings);
            root.put("schema", schema + 1);
        }
        warnings.add("upgraded from schema " + from + " to " + to);
    }

    private static Migration step(int from) throws StateFormatException {
        for (Migration m : STEPS) {
            if (m.fromSchema() == from) {
                return m;
            }
        }
        throw new StateFormatException("no migration from schema " + from);
    }
}
