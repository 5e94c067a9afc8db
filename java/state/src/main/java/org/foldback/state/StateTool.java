package org.foldback.state;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.foldback.engine.param.ParamSpec;
import org.foldback.engine.param.Params;

/**
 * State files from the command line, for tests across processes:
 * <pre>
 *   java -cp foldback.jar org.foldback.state.StateTool check FILE      # load, print warnings
 *   java -cp foldback.jar org.foldback.state.StateTool normalize IN OUT  # load and save again
 *   java -cp foldback.jar org.foldback.state.StateTool dump FILE       # id, value, float bits
 * </pre>
 * Exit codes: 0 ok, 1 the file cannot be loaded, 2 bad arguments.
 */
public final class StateTool {
    private StateTool() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || (args[0].equals("normalize") && args.length < 3)) {
            err.println("usage: StateTool check FILE | normalize IN OUT | dump FILE");
            return 2;
        }
        try {
            Decoded d = StateCodec.decode(Files.readAllBytes(Paths.get(args[1])));
            d.warnings().forEach(w -> err.println("warning: " + w));
            switch (args[0]) {
                case "check":
                    out.println("ok");
                    return 0;
                case "normalize":
                    AtomicFiles.write(Path.of(args[2]), StateCodec.encode(d.state()));
                    return 0;
                case "dump":
                    for (Slot slot : Slot.values()) {
                        for (ParamSpec p : Params.TABLE) {
                            float v = d.state().slot(slot).get(p.index());
                            out.printf("%s %s %s %08x%n", slot, p.id(), v, Float.floatToRawIntBits(v));
                        }
                    }
                    return 0;
                default:
                    err.println("unknown action '" + args[0] + "'");
                    return 2;
            }
        } catch (IOException | StateFormatException e) {
            err.println(args[1] + ": " + e.getMessage());
            return 1;
        }
    }
}
