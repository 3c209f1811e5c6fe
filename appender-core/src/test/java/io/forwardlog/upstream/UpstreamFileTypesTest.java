package io.forwardlog.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only regular files are read: a FIFO, a directory or a device is refused before it is opened. */
class UpstreamFileTypesTest {

    /** A refusal takes microseconds; this only keeps a regression from hanging the build for ever. */
    private static final Duration HANG = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private UpstreamFixture fx;

    @BeforeEach
    void setUp() {
        fx = new UpstreamFixture(dir);
    }

    /** A named pipe made with mkfifo; with no writer, opening it for reading would block for ever. */
    private Path fifo(String name) throws IOException, InterruptedException {
        Path fifo = dir.resolve(name);
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        if (!mkfifo.waitFor(10, TimeUnit.SECONDS)) {
            mkfifo.destroyForcibly();
            throw new AssertionError("mkfifo did not finish within 10s");
        }
        String output = new String(mkfifo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (mkfifo.exitValue() != 0) {
            throw new AssertionError("mkfifo failed (" + mkfifo.exitValue() + "): " + output);
        }
        return fifo;
    }

    private String failureWithin(Path file) {
        return assertTimeoutPreemptively(HANG, () -> assertThrows(UpstreamFileException.class, () -> fx.load(file)))
                .getMessage();
    }

    @Test
    void refusesAFifoWithoutOpeningIt() throws Exception {
        Path fifo = fifo("up.conf");

        assertEquals(fifo + ": the path is a named pipe (FIFO), not a regular file", failureWithin(fifo));
    }

    @Test
    void refusesAnIncludedFifoAtTheIncludeLine() throws Exception {
        fx.write("up.conf", "[UPSTREAM]", "    name up", "@INCLUDE nodes.conf");
        Path fifo = fifo("nodes.conf");

        assertEquals(fx.at("up.conf", 3, "cannot include 'nodes.conf': " + fifo
                + ": the path is a named pipe (FIFO), not a regular file"), failureWithin(dir.resolve("up.conf")));
    }

    @Test
    void refusesAFifoMatchedByAGlob() throws Exception {
        fx.write("up.conf", "[UPSTREAM]", "    name up", "@INCLUDE nodes.d/*.conf");
        fx.write("nodes.d/10-a.conf", "[NODE]", "    name a", "    host h", "    port 1");
        Files.createDirectories(dir.resolve("nodes.d"));
        Path fifo = fifo("nodes.d/20-b.conf");

        assertEquals(fx.at("up.conf", 3, "cannot include 'nodes.d/*.conf': " + fifo
                + ": the path is a named pipe (FIFO), not a regular file"), failureWithin(dir.resolve("up.conf")));
    }

    @Test
    void refusesAFifoInTheYamlForm() throws Exception {
        Path fifo = fifo("up.yaml");

        assertEquals(fifo + ": the path is a named pipe (FIFO), not a regular file", failureWithin(fifo));
    }

    @Test
    void refusesACharacterDevice() {
        Path devNull = Path.of("/dev/null");

        assertEquals("/dev/null: the path is a character device, not a regular file", failureWithin(devNull));
    }

    @Test
    void refusesAnIncludedDirectory() throws Exception {
        fx.write("up.conf", "[UPSTREAM]", "    name up", "@INCLUDE nodes");
        Files.createDirectory(dir.resolve("nodes"));

        assertEquals(fx.at("up.conf", 3, "cannot include 'nodes': " + dir.resolve("nodes")
                + ": the path is a directory, not a file"), failureWithin(dir.resolve("up.conf")));
    }

    @Test
    void followsASymbolicLinkToARegularFile() throws Exception {
        fx.write("real.conf", "[UPSTREAM]", "    name up", "[NODE]", "    name n", "    host h", "    port 1");
        Files.createSymbolicLink(dir.resolve("up.conf"), dir.resolve("real.conf"));

        assertEquals("up", fx.load("up.conf").name());
    }

    @Test
    void refusesASymbolicLinkToAFifo() throws Exception {
        Path fifo = fifo("pipe");
        Files.createSymbolicLink(dir.resolve("up.conf"), fifo);

        assertEquals(dir.resolve("up.conf") + ": the path is a named pipe (FIFO), not a regular file",
                failureWithin(dir.resolve("up.conf")));
    }
}
