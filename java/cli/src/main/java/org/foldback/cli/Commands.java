package org.foldback.cli;

import java.io.PrintStream;
import java.util.Arrays;
import org.foldback.engine.Version;

/** Dispatches a command line to its command. Exit codes: 0 ok, 1 failure, 2 bad input. */
public final class Commands {
    private static final String USAGE = "usage: foldback COMMAND [ARGS]\n"
            + "commands: render, demo, meter, compare, presets, params, --version";

    private Commands() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (args[0]) {
                case "render": return RenderCommand.run(rest, out, err);
                case "demo": return DemoCommand.run(rest, out, err);
                case "meter": return MeterCommand.run(rest, out);
                case "compare": return CompareCommand.run(rest, out);
                case "presets": return PresetsCommand.run(rest, out);
                case "params": return ParamsCommand.run(rest, out);
                case "bench": return org.foldback.cli.bench.BenchCommand.run(rest, out, err);
                case "--version":
                case "version":
                    out.println("foldback " + Version.number());
                    return 0;
                default:
                    err.println("foldback: unknown command '" + args[0] + "'\n" + USAGE);
                    return 2;
            }
        } catch (UsageException e) {
            err.println("foldback " + args[0] + ": " + e.getMessage());
            return 2;
        }
    }
}
