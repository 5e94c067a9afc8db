package org.foldback.cli;

import java.io.PrintStream;
import java.util.Arrays;

/** Dispatches a command line to its command. Exit codes: 0 ok, 1 failure, 2 bad input. */
public final class Commands {
    private Commands() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("usage: foldback-java COMMAND [ARGS]   (commands: params)");
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (args[0]) {
                case "params":
                    return ParamsCommand.run(rest, out);
                case "meter":
                    return MeterCommand.run(rest, out);
                default:
                    err.println("foldback: unknown command '" + args[0] + "'");
                    return 2;
            }
        } catch (UsageException e) {
            err.println("foldback " + args[0] + ": " + e.getMessage());
            return 2;
        }
    }
}
