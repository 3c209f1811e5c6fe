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

    /** A minimal valid classic file around the given node lines, the node header on line 4. */
    static String[] classicWithNode(String... nodeLines) {
        List<String> lines = new ArrayList<>(List.of("[UPSTREAM]", "    name up", "", "[NODE]"));
        lines.addAll(List.of(nodeLines));
        return lines.toArray(String[]::new);
    }
}
