package org.foldback.cli;

import java.io.PrintStream;
import org.foldback.engine.param.ParamSpec;
import org.foldback.engine.param.ParamText;
import org.foldback.engine.param.Params;

/** {@code foldback params [--markdown]}: prints the parameter table. */
final class ParamsCommand {
    private ParamsCommand() {}

    static int run(String[] args, PrintStream out) {
        boolean markdown = args.length > 0 && args[0].equals("--markdown");
        if (markdown) {
            out.println("| ID | name | range | default | automatable |");
            out.println("| --- | --- | --- | --- | --- |");
        }
        for (ParamSpec p : Params.TABLE) {
            String range = ParamText.describeRange(p);
            String def = ParamText.format(p, p.defaultValue());
            if (markdown) {
                out.printf("| `%s` | %s | %s | %s | %s |%n", p.id(), p.name(), range, def,
                        p.automatable() ? "yes" : "no");
            } else {
                out.printf("%-24s %-28s %-40s %s%n", p.id(), p.name(), range, def);
            }
        }
        return 0;
    }
}
