package io.forwardlog.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpstreamFileErrorsTest {

    private static final int MIB = 1024 * 1024;

    @TempDir
    Path dir;

    private UpstreamFixture fx;

    @BeforeEach
    void setUp() {
        fx = new UpstreamFixture(dir);
    }

    private Path validFileOfSize(String name, int size) {
        byte[] text = "[UPSTREAM]\n    name up\n[NODE]\n    name n\n    host h\n    port 1\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(text, size);
        Arrays.fill(bytes, text.length, size, (byte) '\n');
        return fx.writeBytes(name, bytes);
    }

    @Test
    void saysAMissingFileDoesNotExist() {
        UpstreamFileException e = fx.failure("missing.conf");

        assertEquals(dir.resolve("missing.conf") + ": the file does not exist", e.getMessage());
        assertEquals(dir.resolve("missing.conf"), e.file());
        assertEquals(0, e.line());
        assertEquals("the file does not exist", e.problem());
    }

    @Test
    void saysADirectoryIsNotAFile() throws Exception {
        Files.createDirectory(dir.resolve("up.conf"));

        assertEquals(dir.resolve("up.conf") + ": the path is a directory, not a file",
                fx.failure("up.conf").getMessage());
    }

    @Test
    void saysWhyAFileCannotBeRead() {
        fx.write("plain.conf", "[UPSTREAM]");

        assertEquals(dir.resolve("plain.conf/up.conf") + ": cannot read the file: Not a directory",
                fx.failure("plain.conf/up.conf").getMessage());
    }

    @Test
    void rejectsAFileLargerThanOneMebibyteWithItsSize() {
        validFileOfSize("up.conf", 2 * MIB);

        assertEquals(dir.resolve("up.conf") + ": the file is 2.0 MiB; an upstream file is at most 1 MiB",
                fx.failure("up.conf").getMessage());
    }

    @Test
    void roundsTheSizeUpSoAFileJustOverTheLimitDoesNotLookAllowed() {
        validFileOfSize("up.conf", MIB + 1);

        assertEquals(dir.resolve("up.conf") + ": the file is 1.1 MiB; an upstream file is at most 1 MiB",
                fx.failure("up.conf").getMessage());
    }

    @Test
    void acceptsAFileOfExactlyOneMebibyte() throws Exception {
        validFileOfSize("up.conf", MIB);

        assertEquals("up", fx.load("up.conf").name());
    }

    @Test
    void rejectsATooLargeIncludedFileAtTheIncludeLine() {
        fx.write("up.conf", "[UPSTREAM]", "    name up", "@INCLUDE big.conf");
        validFileOfSize("big.conf", 3 * MIB);

        assertEquals(fx.at("up.conf", 3, "cannot include 'big.conf': " + dir.resolve("big.conf")
                + ": the file is 3.0 MiB; an upstream file is at most 1 MiB"), fx.failure("up.conf").getMessage());
    }

    @Test
    void rejectsTextThatIsNotUtf8WithTheLine() {
        fx.writeBytes("up.conf", new byte[] {'[', 'U', 'P', 'S', 'T', 'R', 'E', 'A', 'M', ']', '\n',
            ' ', 'n', 'a', 'm', 'e', ' ', (byte) 0xE9, '\n'});

        assertEquals(fx.at("up.conf", 2, "the file is not UTF-8 text"), fx.failure("up.conf").getMessage());
    }

    @Test
    void formatsTheMessageWithPathLineAndProblem() {
        UpstreamFileException e = new UpstreamFileException(Path.of("conf", "up.conf"), 14,
                "[NODE] 'node-3': port 'abc' is not a number");

        assertEquals("conf/up.conf:14: [NODE] 'node-3': port 'abc' is not a number", e.getMessage());
        assertEquals("[NODE] 'node-3': port 'abc' is not a number", e.problem());
        assertEquals(14, e.line());
        assertEquals(Path.of("conf", "up.conf"), e.file());
    }

    @Test
    void refusesNullArgumentsToTheLoaderByName() {
        UpstreamFile.Loader loader = UpstreamFile.loader();

        assertEquals("file", assertThrows(NullPointerException.class, () -> loader.load(null)).getMessage());
        assertEquals("env", assertThrows(NullPointerException.class, () -> loader.environment(null)).getMessage());
        assertEquals("sink", assertThrows(NullPointerException.class, () -> loader.warnings(null)).getMessage());
    }

    @Test
    void leavesTheSharedLoaderUnchangedWhenConfiguringACopy() {
        UpstreamFile.Loader shared = UpstreamFile.loader();

        shared.environment(name -> "x").warnings(warning -> { });

        assertSame(shared, UpstreamFile.loader());
    }
}
