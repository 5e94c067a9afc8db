package org.foldback.state;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.foldback.engine.param.ParamSpec;
import org.foldback.engine.param.Params;

/**
 * State files from the command line, for tests across processes:
 * <pre>
 *   java -cp foldback.jar org.foldback.state.StateTool check FILE      # load, print warnings
 *   java -cp foldback.jar org.foldback.state.StateTool normalize IN OUT  # load and save again
 *   java -cp foldback.jar org.foldback.state.StateTool dump FILE       # id, value, float bits
 *   java -cp foldback.jar org.foldback.state.StateTool random N DIR SEED   # N random valid states
 *   java -cp foldback.jar org.foldback.state.StateTool same-params DIR_A DIR_B  # every file's values, to the bit
 *   java -cp foldback.jar org.foldback.state.StateTool hostile N DIR SEED [BASE...]  # N hostile blobs
 * </pre>
 * {@code hostile} mutates the BASE files (real saved states) and a built-in corpus (see
 * {@link HostileStates}) into DIR/hostile-NNNNN.json and writes DIR/verdicts.txt, one line per
 * blob: its name, then "accepted" or "refused" as this version's reader decides. Tests feed the
 * blobs to the real plugins and compare what the plugin did with the verdict.
 * <pre>
 * </pre>
 * Exit codes: 0 ok, 1 the file cannot be loaded, 2 bad arguments.
 */
public final class StateTool {
    private StateTool() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 4 && args[0].equals("random")) {
                return random(Integer.parseInt(args[1]), Path.of(args[2]), Long.parseLong(args[3]), out);
            }
            if (args.length >= 4 && args[0].equals("hostile")) {
                List<byte[]> bases = new ArrayList<>();
                for (int i = 4; i < args.length; i++) {
                    bases.add(Files.readAllBytes(Path.of(args[i])));
                }
                return hostile(Integer.parseInt(args[1]), Path.of(args[2]), Long.parseLong(args[3]), bases, out);
            }
            if (args.length == 3 && args[0].equals("same-params")) {
                return sameParams(Path.of(args[1]), Path.of(args[2]), out);
            }
        } catch (IOException | StateFormatException | NumberFormatException e) {
            err.println(args[0] + ": " + e.getMessage());
            return 1;
        }
        if (args.length < 2 || (args[0].equals("normalize") && args.length < 3)) {
            err.println("usage: StateTool check FILE | normalize IN OUT | dump FILE | random N DIR SEED"
                    + " | same-params DIR_A DIR_B | hostile N DIR SEED [BASE...]");
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

    private static int random(int count, Path dir, long seed, PrintStream out) throws IOException {
        Files.createDirectories(dir);
        java.util.Random rnd = new java.util.Random(seed);
        for (int i = 0; i < count; i++) {
            AtomicFiles.write(dir.resolve(String.format("state-%05d.json", i)), StateCodec.encode(RandomStates.random(rnd)));
        }
        out.println("wrote " + count + " states into " + dir);
        return 0;
    }

    private static int hostile(int count, Path dir, long seed, List<byte[]> bases, PrintStream out)
            throws IOException {
        Files.createDirectories(dir);
        Random rnd = new Random(seed);
        List<byte[]> corpus = HostileStates.corpus(rnd, bases);
        StringBuilder verdicts = new StringBuilder();
        int accepted = 0;
        for (int i = 0; i < count; i++) {
            byte[] blob = HostileStates.mutate(rnd, corpus);
            String name = String.format("hostile-%05d.json", i);
            Files.write(dir.resolve(name), blob);
            boolean ok;
            try {
                StateCodec.decode(blob);
                ok = true;
            } catch (StateFormatException e) {
                ok = false;
            }
            accepted += ok ? 1 : 0;
            verdicts.append(name).append(ok ? " accepted\n" : " refused\n");
        }
        Files.writeString(dir.resolve("verdicts.txt"), verdicts);
        out.println("wrote " + count + " hostile blobs into " + dir + " (seed " + seed + "): "
                + accepted + " accepted, " + (count - accepted) + " refused");
        return 0;
    }

    /** Every parameter of every slot in each file of A equals, bit for bit, the same-named file's in B. */
    private static int sameParams(Path a, Path b, PrintStream out) throws IOException, StateFormatException {
        int files = 0, mismatches = 0;
        try (java.util.stream.Stream<Path> list = Files.list(a)) {
            for (Path fa : (Iterable<Path>) list.sorted()::iterator) {
                Path fb = b.resolve(fa.getFileName().toString());
                PluginState sa = StateCodec.decode(Files.readAllBytes(fa)).state();
                PluginState sb = StateCodec.decode(Files.readAllBytes(fb)).state();
                for (Slot slot : Slot.values()) {
                    for (ParamSpec p : Params.TABLE) {
                        int x = Float.floatToRawIntBits(sa.slot(slot).get(p.index()));
                        int y = Float.floatToRawIntBits(sb.slot(slot).get(p.index()));
                        if (x != y && mismatches++ < 20) {
                            out.printf("%s %s %s: %08x vs %08x%n", fa.getFileName(), slot, p.id(), x, y);
                        }
                    }
                }
                files++;
            }
        }
        out.println("files=" + files + " mismatches=" + mismatches);
        return mismatches == 0 && files > 0 ? 0 : 1;
    }
}
