package org.foldback.bridge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Appends to the same log the shim writes ($XDG_STATE_HOME/foldback/foldback.log): warnings the
 * user should be able to find, such as values clamped while loading a state. Never called on the
 * audio thread.
 */
public final class BridgeLog {
    private BridgeLog() {}

    static Path file() {
        String xdg = System.getenv("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isEmpty() && Paths.get(xdg).isAbsolute()
                ? Paths.get(xdg) : Paths.get(System.getProperty("user.home"), ".local", "state");
        return base.resolve("foldback").resolve("foldback.log");
    }

    public static synchronized void line(String message) {
        String text = Instant.now() + " [pid " + ProcessHandle.current().pid() + "] java: " + message + "\n";
        try {
            Path f = file();
            Files.createDirectories(f.getParent());
            Files.writeString(f, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.print(text);
        }
    }
}
