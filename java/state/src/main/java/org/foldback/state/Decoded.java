package org.foldback.state;

import java.util.List;

/**
 * A completely read and checked state. {@code name} and {@code description} are set for presets
 * and null for plain states. {@code warnings} lists what was changed or kept on the way (clamped
 * values, unknown keys kept, an older or newer schema), for the caller to log.
 */
public record Decoded(PluginState state, String name, String description, List<String> warnings) {
    public Decoded {
        warnings = List.copyOf(warnings);
    }
}
