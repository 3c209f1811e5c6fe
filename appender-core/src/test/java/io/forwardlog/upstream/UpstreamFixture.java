package io.forwardlog.upstream;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Writes upstream files into a test's directory and loads them with a fake environment, keeping warnings. */
final class UpstreamFixture {

    final Path dir;
    final Map<String, String> env = new HashMap<>();
    final List<String> warnings = new ArrayList<>();

    UpstreamFixture(Path dir) {
        this.dir = dir;
    }

    /** Writes the lines, each ended by LF, and returns the file's path. */
    Path write(String name, String... lines) {
        return writeRaw(name, String.join("\n", lines) + "\n");
    }

    Path writeRaw(String name, String text) {
        return writeBytes(name, text.getBytes(StandardCharsets.UTF_8));
    }

    Path writeBytes(String name, byte[] bytes) {
        Path file = dir.resolve(name);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    Upstream load(String name) throws UpstreamFileException {
        return load(dir.resolve(name));
    }

    Upstream load(Path file) throws UpstreamFileException {
        return UpstreamFile.loader().environment(env::get).warnings(warnings::add).load(file);
    }

    UpstreamFileException failure(String name) {
        return assertThrows(UpstreamFileException.class, () -> load(name));
    }

    /** The message we expect for a problem at {@code name:line}. */
    String at(String name, int line, String problem) {
        return dir.resolve(name) + ":" + line + ": " + problem;
    }

    /** A file of the seed example shipped as a test resource. */
    static Path resource(String name) {
        URL url = UpstreamFixture.class.getResource("/upstream/" + name);
        if (url == null) {
            throw new IllegalStateException("no test resource /upstream/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes {@code up.conf} with node-3 at 127.0.0.1:45000 (its header on line 4, name, host and port on
     * lines 5 to 7) and the key lines after them, from line 8, and loads that node.
     */
    UpstreamNode node3(String... keyLines) throws UpstreamFileException {
        write("up.conf", node3File(keyLines));
        return load("up.conf").nodes().get(0);
    }

    /** The message of the failure to load {@link #node3}'s file with these key lines. */
    String node3Failure(String... keyLines) {
        write("up.conf", node3File(keyLines));
        return failure("up.conf").getMessage();
    }

    private static String[] node3File(String... keyLines) {
        List<String> lines = new ArrayList<>(List.of("    name node-3", "    host 127.0.0.1", "    port 45000"));
        lines.addAll(List.of(keyLines));
        return classicWithNode(lines.toArray(String[]::new));
    }

    /** A minimal valid classic file around the given node lines, the node header on line 4. */
    static String[] classicWithNode(String... nodeLines) {
        List<String> lines = new ArrayList<>(List.of("[UPSTREAM]", "    name up", "", "[NODE]"));
        lines.addAll(List.of(nodeLines));
        return lines.toArray(String[]::new);
    }
}
