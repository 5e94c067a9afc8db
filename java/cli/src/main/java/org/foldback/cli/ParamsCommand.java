package org.foldback.cli;

import java.io.PrintStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.foldback.engine.param.ParamSpec;
import org.foldback.engine.param.ParamText;
import org.foldback.engine.param.Params;
import org.foldback.state.PluginState;
import org.foldback.state.PresetException;
import org.foldback.state.PresetLibrary;

/**
 * {@code foldback params [--markdown] [--preset NAME]}: prints the parameter table; with a preset,
 * its sources first and each per-source parameter with the source's name.
 */
final class ParamsCommand {
    private static final Pattern SOURCE = Pattern.compile("(?:^|\\.)src(\\d+)\\.");

    private ParamsCommand() {}

    static int run(String[] args, PrintStream out) {
        boolean markdown = false;
        PluginState named = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--markdown":
                    markdown = true;
                    break;
                case "--preset":
                    if (i + 1 >= args.length) {
                        throw new UsageException("--preset needs a preset name");
                    }
                    named = load(args[++i], out);
                    break;
                default:
                    throw new UsageException("usage: foldback params [--markdown] [--preset NAME]");
            }
        }
        if (named != null) {
            out.println(SourceListing.sources(named));
        }
        if (markdown) {
            out.println("| ID | name | range | default | automatable |");
            out.println("| --- | --- | --- | --- | --- |");
        }
        for (ParamSpec p : Params.TABLE) {
            String range = ParamText.describeRange(p);
            String def = ParamText.format(p, p.defaultValue());
            String name = named == null ? p.name() : withSourceName(p, named);
            if (markdown) {
                out.printf("| `%s` | %s | %s | %s | %s |%n", p.id(), name, range, def,
                        p.automatable() ? "yes" : "no");
            } else {
                out.printf("%-24s %-28s %-40s %s%n", p.id(), name, range, def);
            }
        }
        return 0;
    }

    private static PluginState load(String preset, PrintStream out) {
        try {
            return PresetLibrary.standard(w -> out.println("warning: " + w)).load(preset).state();
        } catch (PresetException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** "Cue 1 Src 2 level [Kick]" for a per-source parameter, the plain name otherwise. */
    static String withSourceName(ParamSpec p, PluginState s) {
        Matcher m = SOURCE.matcher(p.id() + ".");
        if (!m.find()) {
            return p.name();
        }
        int src = Integer.parseInt(m.group(1)) - 1;
        return p.name() + " [" + s.sourceName(src) + "]";
    }
}
