package org.foldback.cli.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.foldback.state.StateCodec;

/**
 * Renders a job through the built plugin: the state goes to a file, and the offline JUCE host
 * (native/host) loads the VST3, restores that state and renders the inputs.
 */
public final class PluginRenderer {
    private PluginRenderer() {}

    /** The host binary and plugin bundle, from the environment ./foldback sets. */
    public static Path host() {
        return requiredPath("FOLDBACK_HOST", "the offline host (build it with ./foldback build)");
    }

    public static Path plugin() {
        return requiredPath("FOLDBACK_VST3", "the Foldback.vst3 bundle (build it with ./foldback build)");
    }

    /** Runs the host; returns its exit code. Its output goes to ours. */
    public static int render(RenderJob job) throws IOException, InterruptedException {
        return render(job, true);
    }

    /**
     * Runs the host; returns its exit code. Its errors always go to ours; its key=value summary
     * only when {@code showSummary} (the demo prints a table of its own instead).
     */
    public static int render(RenderJob job, boolean showSummary) throws IOException, InterruptedException {
        Path stateFile = Files.createTempFile("foldback-render-", ".json");
        try {
            Files.write(stateFile, StateCodec.encode(job.state()));
            List<String> command = new ArrayList<>(List.of(host().toString(), "render",
                    "--plugin", plugin().toString(),
                    "--plugin-state", stateFile.toString(),
                    "--out", job.outDir().toString(),
                    "--block", Integer.toString(job.blockSize())));
            for (Path in : job.inputs()) {
                command.add("--in");
                command.add(in.toString());
            }
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            if (!showSummary) {
                builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            }
            Process p = builder.start();
            return p.waitFor();
        } finally {
            Files.deleteIfExists(stateFile);
        }
    }

    private static Path requiredPath(String variable, String what) {
        String value = System.getenv(variable);
        if (value == null || value.isEmpty() || !Files.exists(Path.of(value))) {
            throw new IllegalStateException(variable + " must point at " + what + (value == null ? "" : "; it is " + value));
        }
        return Path.of(value);
    }
}
