package org.foldback.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.foldback.engine.param.ParamSpec;
import org.foldback.engine.param.ParamStore;
import org.foldback.engine.param.ParamText;
import org.foldback.engine.param.Params;
import org.foldback.state.CuePreset;
import org.foldback.state.Decoded;
import org.foldback.state.PluginState;
import org.foldback.state.PresetException;
import org.foldback.state.PresetLibrary;
import org.foldback.state.StateCodec;
import org.foldback.state.StateFormatException;

/**
 * {@code foldback presets ...}: factory and user presets.
 *
 * <pre>
 *   presets list
 *   presets show NAME
 *   presets save NAME [--from STATE_FILE] [--description TEXT]
 *   presets load NAME --out STATE_FILE
 *   presets export NAME FILE
 *   presets import FILE [NAME]
 *   presets rename OLD NEW
 *   presets delete NAME
 * options anywhere: --user-dir DIR (default $XDG_DATA_HOME/foldback/presets),
 *                   --factory-dir DIR (default: the presets inside the jar)
 * </pre>
 */
public final class PresetsCommand {
    private static final String USAGE = "usage: foldback presets list | show NAME | save NAME [--from FILE]"
            + " [--description TEXT] | load NAME --out FILE | export NAME FILE | import FILE [NAME]"
            + " | rename OLD NEW | delete NAME"
            + " | cue-export NAME|FILE --cue N CUEFILE | cue-import CUEFILE --into NAME|FILE --cue N --out FILE"
            + "   [--user-dir DIR] [--factory-dir DIR]";

    private PresetsCommand() {}

    public static int run(String[] args, PrintStream out) {
        List<String> words = new ArrayList<>();
        Path userDir = null;
        Path factoryDir = null;
        String from = null;
        String outFile = null;
        String description = null;
        String into = null;
        int cue = -1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--into":
                    into = value(args, ++i, "--into");
                    break;
                case "--cue":
                    cue = cueIndex(value(args, ++i, "--cue"));
                    break;
                case "--user-dir":
                    userDir = Paths.get(value(args, ++i, "--user-dir"));
                    break;
                case "--factory-dir":
                    factoryDir = Paths.get(value(args, ++i, "--factory-dir"));
                    break;
                case "--from":
                    from = value(args, ++i, "--from");
                    break;
                case "--out":
                    outFile = value(args, ++i, "--out");
                    break;
                case "--description":
                    description = value(args, ++i, "--description");
                    break;
                default:
                    if (args[i].startsWith("--")) {
                        throw new UsageException("unknown option " + args[i] + "\n" + USAGE);
                    }
                    words.add(args[i]);
            }
        }
        if (words.isEmpty()) {
            throw new UsageException(USAGE);
        }
        if (userDir == null) {
            userDir = PresetLibrary.defaultUserDir(System.getenv(), System.getProperty("user.home"));
        }
        PresetLibrary lib = new PresetLibrary(factoryDir, userDir, w -> out.println("warning: " + w));
        String action = words.get(0);
        try {
            switch (action) {
                case "list":
                    need(words, 1);
                    list(lib, out);
                    return 0;
                case "show":
                    need(words, 2);
                    show(lib.load(words.get(1)), out);
                    return 0;
                case "save": {
                    need(words, 2);
                    PluginState state = from == null ? new PluginState() : lib.readFile(Paths.get(from)).state();
                    lib.save(words.get(1), description == null ? "" : description, state);
                    out.println("saved " + words.get(1) + " in " + lib.userDir());
                    return 0;
                }
                case "load": {
                    need(words, 2);
                    if (outFile == null) {
                        throw new UsageException("load needs --out FILE for the state\n" + USAGE);
                    }
                    PluginState state = lib.resolve(words.get(1));
                    write(Paths.get(outFile), StateCodec.encode(state));
                    out.println("wrote the state of " + words.get(1) + " to " + outFile);
                    return 0;
                }
                case "export":
                    need(words, 3);
                    lib.exportTo(words.get(1), Paths.get(words.get(2)));
                    out.println("exported " + words.get(1) + " to " + words.get(2));
                    return 0;
                case "import": {
                    if (words.size() != 2 && words.size() != 3) {
                        throw new UsageException(USAGE);
                    }
                    String name = lib.importFrom(Paths.get(words.get(1)), words.size() == 3 ? words.get(2) : null);
                    out.println("imported " + words.get(1) + " as " + name);
                    return 0;
                }
                case "rename":
                    need(words, 3);
                    lib.rename(words.get(1), words.get(2));
                    out.println("renamed " + words.get(1) + " to " + words.get(2));
                    return 0;
                case "delete":
                    need(words, 2);
                    lib.delete(words.get(1));
                    out.println("deleted " + words.get(1));
                    return 0;
                case "cue-export": {
                    // One cue's mix (sends, level, fold-down, name) from a preset or state file.
                    need(words, 3);
                    requireCue(cue);
                    PluginState state = lib.resolve(words.get(1));
                    ParamStore store = new ParamStore();
                    state.applyTo(store);
                    write(Paths.get(words.get(2)), CuePreset.capture(store, state, cue).encode());
                    out.println("wrote cue " + (cue + 1) + " (" + state.cueName(cue) + ") of " + words.get(1)
                            + " to " + words.get(2));
                    return 0;
                }
                case "cue-import": {
                    // Puts a saved cue onto cue N of another preset or state: a singer's mix moves to the next song.
                    need(words, 2);
                    requireCue(cue);
                    if (into == null || outFile == null) {
                        throw new UsageException("cue-import needs --into NAME|FILE and --out FILE\n" + USAGE);
                    }
                    List<String> warnings = new ArrayList<>();
                    CuePreset preset = CuePreset.decode(readBytes(Paths.get(words.get(1))), warnings);
                    warnings.forEach(w -> out.println("warning: " + w));
                    PluginState state = lib.resolve(into);
                    ParamStore store = new ParamStore();
                    state.applyTo(store);
                    preset.applyTo(store, state, cue);
                    write(Paths.get(outFile), StateCodec.encode(state));
                    out.println("put " + preset.name() + " on cue " + (cue + 1) + " of " + into + ", wrote " + outFile);
                    return 0;
                }
                default:
                    throw new UsageException("unknown action '" + action + "'\n" + USAGE);
            }
        } catch (StateFormatException e) {
            throw new UsageException(words.get(1) + ": " + e.getMessage(), e);
        } catch (PresetException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    private static void list(PresetLibrary lib, PrintStream out) throws PresetException {
        for (PresetLibrary.Entry e : lib.list()) {
            out.printf("%-8s %-28s %s%n", e.source().name().toLowerCase(), e.id(), e.name());
        }
    }

    private static void show(Decoded d, PrintStream out) {
        PluginState s = d.state();
        out.println(d.name());
        if (d.description() != null && !d.description().isEmpty()) {
            out.println(d.description());
        }
        out.println();
        out.println("cues: " + String.join(", ", s.cueNames()));
        out.println(SourceListing.sources(s));
        String me = SourceListing.meMarks(s);
        if (!me.isEmpty()) {
            out.println(me);
        }
        out.println("meter reference: " + s.meterReferenceDbfs() + " dBFS");
        out.println("parameters not at their default:");
        for (ParamSpec p : Params.TABLE) {
            float v = s.params().get(p.index());
            if (Float.floatToRawIntBits(v) != Float.floatToRawIntBits(p.defaultValue())) {
                out.printf("  %-24s %s%n", p.id(), ParamText.format(p, v));
            }
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UsageException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void need(List<String> words, int count) {
        if (words.size() != count) {
            throw new UsageException(USAGE);
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static int cueIndex(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= PluginState.CUE_COUNT) {
                return n - 1;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the message
        }
        throw new UsageException("--cue takes 1 to " + PluginState.CUE_COUNT + ", not '" + text + "'");
    }

    private static void requireCue(int cue) {
        if (cue < 0) {
            throw new UsageException("--cue N is required\n" + USAGE);
        }
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
