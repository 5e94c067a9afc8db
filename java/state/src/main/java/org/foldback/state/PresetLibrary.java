package org.foldback.state;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Factory and user presets.
 *
 * <p>Factory presets are read-only JSON files: from a directory (the plugin bundle's or the
 * repository's presets/), and from the classpath under /presets/ (listed in /presets/index.txt),
 * so the one jar carries them. A file in the directory wins over the classpath copy.
 *
 * <p>User presets live in {@code $XDG_DATA_HOME/foldback/presets} (default
 * {@code ~/.local/share/foldback/presets}), one {@code NAME.json} each. Names are checked by
 * {@link PresetName}; writes are atomic. A preset is looked up among the user's first, then the
 * factory's; a user preset may not take a factory preset's name.
 *
 * <p>Does file I/O: call from a background thread, never the audio thread.
 */
public final class PresetLibrary {
    public enum Source { FACTORY, USER }

    /** One preset as listed: its ID (the file name without .json), name, description, origin. */
    public record Entry(String id, String name, String description, Source source, String location) {}

    private static final String CLASSPATH_DIR = "/presets/";
    private static final String EXTENSION = ".json";

    private final Path factoryDir;
    private final Path userDir;
    private final Consumer<String> warnings;

    /**
     * @param factoryDir a directory of factory presets, or null for the classpath copies only
     * @param userDir    where user presets are kept (created on first save)
     * @param warnings   receives every warning met while reading presets (clamped values...)
     */
    public PresetLibrary(Path factoryDir, Path userDir, Consumer<String> warnings) {
        this.factoryDir = factoryDir;
        this.userDir = userDir;
        this.warnings = warnings == null ? w -> { } : warnings;
    }

    /** User presets in the XDG data directory, factory presets from the classpath. */
    public static PresetLibrary standard(Consumer<String> warnings) {
        return new PresetLibrary(null, defaultUserDir(System.getenv(), System.getProperty("user.home")), warnings);
    }

    /** $XDG_DATA_HOME/foldback/presets, or ~/.local/share/foldback/presets when it is unset or relative. */
    public static Path defaultUserDir(Map<String, String> env, String home) {
        String xdg = env.get("XDG_DATA_HOME");
        Path data = xdg != null && !xdg.isEmpty() && Paths.get(xdg).isAbsolute()
                ? Paths.get(xdg) : Paths.get(home, ".local", "share");
        return data.resolve("foldback").resolve("presets");
    }

    public Path userDir() {
        return userDir;
    }

    /** Every preset: factory ones first, then the user's, each sorted by ID. */
    public List<Entry> list() throws PresetException {
        List<Entry> all = factoryList();
        List<Entry> user = new ArrayList<>();
        for (Path file : jsonFiles(userDir)) {
            user.add(entry(idOf(file), Source.USER, file.toString()));
        }
        user.sort(Comparator.comparing(Entry::id));
        all.addAll(user);
        return all;
    }

    /** The factory presets alone, sorted by ID (a new, modifiable list). */
    public List<Entry> factoryList() throws PresetException {
        Map<String, Entry> factory = new LinkedHashMap<>();
        for (String id : classpathIds()) {
            factory.put(id, entry(id, Source.FACTORY, "classpath:" + CLASSPATH_DIR + id + EXTENSION));
        }
        for (Path file : jsonFiles(factoryDir)) {
            String id = idOf(file);
            factory.put(id, entry(id, Source.FACTORY, file.toString()));
        }
        List<Entry> all = new ArrayList<>(factory.values());
        all.sort(Comparator.comparing(Entry::id));
        return all;
    }

    private Entry entry(String id, Source source, String location) {
        try {
            Decoded d = StateCodec.decodePreset(bytes(id, source));
            return new Entry(id, d.name(), d.description() == null ? "" : d.description(), source, location);
        } catch (PresetException | StateFormatException e) {
            warnings.accept(location + ": " + e.getMessage());
            return new Entry(id, id, "(unreadable: " + e.getMessage() + ")", source, location);
        }
    }

    /** A factory preset's display name, decoded from its file (FactoryNames packs these at build time). */
    String factoryName(String id) throws PresetException {
        try {
            return StateCodec.decodePreset(bytes(id, Source.FACTORY)).name();
        } catch (StateFormatException e) {
            throw new PresetException("factory preset '" + Quote.text(id) + "' cannot be read: " + e.getMessage(), e);
        }
    }

    /** A preset by ID, user presets first. Its warnings go to the consumer. */
    public Decoded load(String id) throws PresetException {
        PresetName.check(id);
        Source source = userFile(id).toFile().isFile() ? Source.USER : Source.FACTORY;
        try {
            Decoded d = StateCodec.decodePreset(bytes(id, source));
            d.warnings().forEach(w -> warnings.accept("preset '" + Quote.text(id) + "': " + w));
            return d;
        } catch (StateFormatException e) {
            throw new PresetException("preset '" + Quote.text(id) + "' cannot be loaded: " + e.getMessage(), e);
        }
    }

    /**
     * A state from a preset ID or from a file (a path with a separator or ending in .json, holding
     * a preset or a saved state): what {@code render --preset NAME|FILE} plays.
     */
    public PluginState resolve(String nameOrPath) throws PresetException {
        if (nameOrPath.contains("/") || nameOrPath.contains("\\") || nameOrPath.endsWith(EXTENSION)) {
            return readFile(Paths.get(nameOrPath)).state();
        }
        return load(nameOrPath).state();
    }

    /** Reads a preset or state file anywhere on disk. */
    public Decoded readFile(Path file) throws PresetException {
        try {
            Decoded d = StateCodec.decode(AtomicFiles.read(file, StateCodec.MAX_BYTES));
            d.warnings().forEach(w -> warnings.accept(Quote.text(file.toString(), 200) + ": " + w));
            return d;
        } catch (NoSuchFileException e) {
            throw new PresetException("no file " + Quote.text(file.toString(), 200));
        } catch (IOException e) {
            throw new PresetException("cannot read " + Quote.text(file.toString(), 200) + ": " + e.getMessage(), e);
        } catch (StateFormatException e) {
            throw new PresetException(Quote.text(file.toString(), 200) + " cannot be loaded: " + e.getMessage(), e);
        }
    }

    /** Saves (or overwrites) a user preset. */
    public void save(String id, String description, PluginState state) throws PresetException {
        PresetName.check(id);
        if (isFactory(id)) {
            throw new PresetException("'" + Quote.text(id) + "' is a factory preset; save under another name");
        }
        write(userFile(id), StateCodec.encodePreset(id, description, state));
    }

    public void rename(String from, String to) throws PresetException {
        requireUser(from);
        PresetName.check(to);
        if (exists(to)) {
            throw new PresetException("a preset named '" + Quote.text(to) + "' already exists");
        }
        Decoded d = load(from);
        save(to, d.description(), d.state());
        delete(from);
    }

    public void delete(String id) throws PresetException {
        requireUser(id);
        try {
            Files.delete(userFile(id));
        } catch (IOException e) {
            throw new PresetException("cannot delete '" + Quote.text(id) + "': " + e.getMessage(), e);
        }
    }

    /** Writes any preset (factory or user) to a file of the user's choice. */
    public void exportTo(String id, Path file) throws PresetException {
        Decoded d = load(id);
        write(file, StateCodec.encodePreset(d.name(), d.description(), d.state()));
    }

    /**
     * Adds a preset or state file as a user preset named {@code id}, or after the file's name when
     * {@code id} is null. Refuses to overwrite an existing preset.
     *
     * @return the name it was saved under
     */
    public String importFrom(Path file, String id) throws PresetException {
        String name = id != null ? id : idOf(file);
        PresetName.check(name);
        if (exists(name)) {
            throw new PresetException("a preset named '" + Quote.text(name) + "' already exists; delete or rename it first");
        }
        Decoded d = readFile(file);
        save(name, d.description() == null ? "Imported from " + file.getFileName() : d.description(), d.state());
        return name;
    }

    public boolean exists(String id) {
        return PresetName.isValid(id) && (userFile(id).toFile().isFile() || isFactory(id));
    }

    private boolean isFactory(String id) {
        if (factoryDir != null && factoryDir.resolve(id + EXTENSION).toFile().isFile()) {
            return true;
        }
        return classpathIds().contains(id);
    }

    private void requireUser(String id) throws PresetException {
        PresetName.check(id);
        if (!userFile(id).toFile().isFile()) {
            throw new PresetException(isFactory(id) ? "'" + Quote.text(id) + "' is a factory preset and cannot be changed"
                    : "no user preset named '" + Quote.text(id) + "'");
        }
    }

    private Path userFile(String id) {
        return userDir.resolve(id + EXTENSION);
    }

    private byte[] bytes(String id, Source source) throws PresetException {
        try {
            if (source == Source.USER) {
                return AtomicFiles.read(userFile(id), StateCodec.MAX_BYTES);
            }
            if (factoryDir != null) {
                Path file = factoryDir.resolve(id + EXTENSION);
                if (file.toFile().isFile()) {
                    return AtomicFiles.read(file, StateCodec.MAX_BYTES);
                }
            }
            try (InputStream in = PresetLibrary.class.getResourceAsStream(CLASSPATH_DIR + id + EXTENSION)) {
                if (in == null) {
                    throw new PresetException("no preset named '" + Quote.text(id) + "' (see 'foldback presets list')");
                }
                byte[] b = in.readNBytes(StateCodec.MAX_BYTES + 1);
                if (b.length > StateCodec.MAX_BYTES) {
                    throw new PresetException("factory preset '" + Quote.text(id) + "' is too large");
                }
                return b;
            }
        } catch (IOException | StateFormatException e) {
            throw new PresetException("cannot read preset '" + Quote.text(id) + "': " + e.getMessage(), e);
        }
    }

    private static void write(Path file, byte[] content) throws PresetException {
        try {
            AtomicFiles.write(file, content);
        } catch (IOException e) {
            throw new PresetException("cannot write " + Quote.text(file.toString(), 200) + ": " + e.getMessage(), e);
        }
    }

    /** Factory preset IDs on the classpath, from /presets/index.txt (a jar cannot be listed portably). */
    static List<String> classpathIds() {
        List<String> ids = new ArrayList<>();
        try (InputStream in = PresetLibrary.class.getResourceAsStream(CLASSPATH_DIR + "index.txt")) {
            if (in == null) {
                return ids;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                line = line.trim();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    ids.add(line);
                }
            }
        } catch (IOException e) {
            // A broken jar lists no classpath presets; directory presets still work.
        }
        return ids;
    }

    private static List<Path> jsonFiles(Path dir) throws PresetException {
        List<Path> files = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return files;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*" + EXTENSION)) {
            for (Path p : ds) {
                if (PresetName.isValid(idOf(p)) && Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            throw new PresetException("cannot list " + Quote.text(dir.toString(), 200) + ": " + e.getMessage(), e);
        }
        return files;
    }

    private static String idOf(Path file) {
        String f = file.getFileName().toString();
        return f.endsWith(EXTENSION) ? f.substring(0, f.length() - EXTENSION.length()) : f;
    }
}
