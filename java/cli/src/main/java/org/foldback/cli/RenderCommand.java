package org.foldback.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.foldback.cli.render.EngineRenderer;
import org.foldback.cli.render.PluginRenderer;
import org.foldback.cli.render.RenderJob;
import org.foldback.engine.Layout;
import org.foldback.engine.param.ParamSpec;
import org.foldback.engine.param.ParamStore;
import org.foldback.engine.param.ParamText;
import org.foldback.engine.param.Params;
import org.foldback.state.PluginState;
import org.foldback.state.PresetException;
import org.foldback.state.PresetLibrary;

/**
 * {@code foldback render --in a.wav [--in b.wav ...] [--preset NAME|FILE] [--set ID=VALUE ...]
 * --out DIR [--via plugin|engine] [--block N]}: writes DIR/cue-1.wav .. cue-8.wav.
 *
 * <p>Both paths start from the same state (preset, then --set values), so they must agree; a
 * test proves they do, bit for bit.
 */
public final class RenderCommand {
    static final String USAGE = "usage: foldback render --in a.wav [--in b.wav ...] [--preset NAME|FILE]"
            + " [--set ID=VALUE ...] --out DIR [--via plugin|engine] [--block N]";

    private RenderCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<Path> inputs = new ArrayList<>();
        List<String> sets = new ArrayList<>();
        String preset = null, via = "plugin";
        Path outDir = null;
        int block = 512;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null && a.startsWith("--")) {
                throw new UsageException(a + " needs a value\n" + USAGE);
            }
            switch (a) {
                case "--in": inputs.add(readableFile(value)); i++; break;
                case "--preset": preset = value; i++; break;
                case "--set": sets.add(value); i++; break;
                case "--out": outDir = Path.of(value); i++; break;
                case "--via": via = value; i++; break;
                case "--block": block = blockSize(value); i++; break;
                default: throw new UsageException("unknown argument '" + a + "'\n" + USAGE);
            }
        }
        if (inputs.isEmpty() || outDir == null) {
            throw new UsageException("--in and --out are required\n" + USAGE);
        }
        if (inputs.size() > Layout.MAX_SOURCES) {
            throw new UsageException(inputs.size() + " inputs, but Foldback has " + Layout.MAX_SOURCES + " sources");
        }
        if (!via.equals("plugin") && !via.equals("engine")) {
            throw new UsageException("--via is 'plugin' or 'engine', not '" + via + "'");
        }
        RenderJob job = new RenderJob(inputs, stateFrom(preset, sets), outDir, block);
        try {
            if (via.equals("engine")) {
                EngineRenderer.render(job);
                out.println("rendered " + Layout.MAX_CUES + " cues into " + outDir + " (engine)");
                return 0;
            }
            int code = PluginRenderer.render(job);
            return code == 0 ? 0 : (code == 2 ? 2 : 1);
        } catch (IOException e) {
            throw new UsageException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (IllegalStateException e) {
            err.println("foldback render: " + e.getMessage());
            return 1;
        }
    }

    /** The preset (or defaults) with every --set applied; unknown IDs and bad values are usage errors. */
    static PluginState stateFrom(String preset, List<String> sets) {
        PluginState state;
        try {
            state = preset == null ? new PluginState() : PresetLibrary.standard(w -> { }).resolve(preset);
        } catch (PresetException e) {
            throw new UsageException(e.getMessage(), e);
        }
        ParamStore store = new ParamStore();
        state.applyTo(store);
        for (String set : sets) {
            int eq = set.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--set takes ID=VALUE, not '" + set + "'");
            }
            ParamSpec spec = Params.byId(set.substring(0, eq).trim());
            if (spec == null) {
                throw new UsageException("unknown parameter ID '" + set.substring(0, eq).trim()
                        + "' (./foldback params lists them)");
            }
            try {
                store.set(spec.index(), ParamText.parse(spec, set.substring(eq + 1)));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage(), e);
            }
        }
        state.capture(store);
        return state;
    }

    private static Path readableFile(String name) {
        Path p = Path.of(name);
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new UsageException("cannot read input file " + name);
        }
        return p;
    }

    private static int blockSize(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= 65536) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the message
        }
        throw new UsageException("--block takes a whole number from 1 to 65536, not '" + value + "'");
    }
}
