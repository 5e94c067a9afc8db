package org.foldback.cli.render;

import java.nio.file.Path;
import java.util.List;
import org.foldback.state.PluginState;

/**
 * What to render: input files (file k feeds source k), the state to render with, where the
 * cues go (DIR/cue-N.wav, 32-bit float) and the block size used for every block.
 */
public record RenderJob(List<Path> inputs, PluginState state, Path outDir, int blockSize) {
    public RenderJob {
        inputs = List.copyOf(inputs);
    }
}
