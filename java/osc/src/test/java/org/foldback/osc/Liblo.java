package org.foldback.osc;

import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's liblo-tools as the independent OSC client: {@code oscsend} sends one message,
 * {@code oscdump} prints what arrives on a port, one message per line ("/address types values").
 */
final class Liblo {
    private Liblo() {}

    static void send(int port, String address, String types, Object... values) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("oscsend", "127.0.0.1", Integer.toString(port), address, types));
        for (Object v : values) {
            cmd.add(v.toString());
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("oscsend " + cmd + " failed: " + said);
        }
    }

    /** A free UDP port on loopback (closed again at once, for oscdump to take). */
    static int freePort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** oscdump listening on {@code port}, line-buffered into a file. */
    static final class Dump implements AutoCloseable {
        final int port;
        private final Path file;
        private final Process process;

        Dump() throws IOException, InterruptedException {
            port = freePort();
            file = Files.createTempFile("oscdump", ".txt");
            process = new ProcessBuilder("oscdump", "-L", Integer.toString(port)).redirectErrorStream(true)
                    .redirectOutput(file.toFile()).start();
            Thread.sleep(300);
            if (!process.isAlive()) {
                throw new IOException("oscdump did not start: " + Files.readString(file));
            }
        }

        List<String> lines() throws IOException {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        }

        /** Waits up to {@code ms} for a line containing {@code text}; returns it, or null. */
        String await(String text, long ms) throws IOException, InterruptedException {
            long until = System.currentTimeMillis() + ms;
            do {
                for (String l : lines()) {
                    if (l.contains(text)) {
                        return l;
                    }
                }
                Thread.sleep(20);
            } while (System.currentTimeMillis() < until);
            return null;
        }

        /** As {@link #await}, failing with what did arrive when nothing matches. */
        String expect(String text, long ms) throws IOException, InterruptedException {
            String line = await(text, ms);
            if (line == null) {
                List<String> got = lines();
                throw new AssertionError("oscdump got no '" + text + "' in " + got.size() + " lines: "
                        + got.subList(0, Math.min(8, got.size())));
            }
            return line;
        }

        long count(String text) throws IOException {
            return lines().stream().filter(l -> l.contains(text)).count();
        }

        @Override
        public void close() throws IOException {
            process.destroy();
            Files.deleteIfExists(file);
        }
    }
}
