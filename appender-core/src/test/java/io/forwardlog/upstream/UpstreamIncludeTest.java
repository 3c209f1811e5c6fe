package io.forwardlog.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpstreamIncludeTest {

    @TempDir
    Path dir;

    private UpstreamFixture fx;

    @BeforeEach
    void setUp() {
        fx = new UpstreamFixture(dir);
    }

    private static List<String> names(Upstream upstream) {
        return upstream.nodes().stream().map(UpstreamNode::name).toList();
    }

    @Test
    void includesAFileRelativeToTheIncludingFile() throws Exception {
        fx.write("conf/up.conf", "[UPSTREAM]", "    name up", "@INCLUDE nodes/one.conf");
        fx.write("conf/nodes/one.conf", "[NODE]", "    name node-1", "    host h", "    port 1");

        UpstreamNode node = fx.load("conf/up.conf").nodes().get(0);

        assertEquals("node-1", node.name());
        assertEquals(dir.resolve("conf/nodes/one.conf"), node.file());
        assertEquals(1, node.line());
    }

    @Test
    void acceptsTheIncludeDirectiveInAnyCase() throws Exception {
        fx.write("up.conf", "[UPSTREAM]", "    name up", "@include one.conf");
        fx.write("one.conf", "[NODE]", "    name node-1", "    host h", "    port 1");

        assertEquals(List.of("node-1"), names(fx.load("up.conf")));
    }

    @Test
    void expandsAGlobInTheFileNameInSortedOrder() throws Exception {
        fx.write("up.conf", "[UPSTREAM]", "    name up", "@INCLUDE nodes.d/*.conf");
        fx.write("nodes.d/20-b.conf", "[NODE]", "    name b", "    host h", "    port 2");
        fx.write("nodes.d/10-a.conf", "[NODE]", "    name a", "    host h", "    port 1");
        fx.write("nodes.d/30-c.conf", "[NODE]", "    name c", "    host h", "    port 3");
        fx.write("nodes.d/README.txt", "not a node");

        assertEquals(List.of("a", "b", "c"), names(fx.load("up.conf")));
    }

    @Test
    void rejectsAGlobThatMatchesNoFileAsFluentBitDoes() {
        fx.write("up.conf", "[UPSTREAM]", "    name up", "@INCLUDE nodes.d/*.conf");

        assertEquals(fx.at("up.conf", 3, "'nodes.d/*.conf' matches no file"), fx.failure("up.conf").getMessage());
    }

    @Test
    void rejectsAGlobInADirectoryName() {
        fx.write("up.conf", "[UPSTREAM]", "    name up", "@INCLUDE */nodes.conf");

        assertEquals(fx.at("up.conf", 3, "'*/nodes.conf': a '*' may appear only in the file name, not in a directory"),
                fx.failure("up.conf").getMessage());
    }

    @Test
    void rejectsAnInvalidGlobPattern() {
        fx.write("up.conf", "[UPSTREAM]", "    name up", "@INCLUDE [*.conf");

        assertEquals(fx.at("up.conf", 3, "'[*.conf' is not a valid pattern: Missing ']"),
                fx.failure("up.conf").getMessage());
    }

    @Test
    void rejectsAnIncludeWithoutPath() {
        fx.write("up.conf", "[UPSTREAM]", "    name up", "@INCLUDE   ");

        assertEquals(fx.at("up.conf", 3, "@INCLUDE needs the path of a file"), fx.failure("up.conf").getMessage());
    }

    @Test
    void reportsAMissingIncludedFileAtTheIncludeLine() {
        fx.write("up.conf", "[UPSTREAM]", "    name up", "", "@INCLUDE missing.conf");

        assertEquals(fx.at("up.conf", 4, "cannot include 'missing.conf': " + dir.resolve("missing.conf")
                + ": the file does not exist"), fx.failure("up.conf").getMessage());
    }

    @Test
    void reportsAnErrorInAnIncludedFileWithThatFilesPathAndLine() {
        fx.write("up.conf", "[UPSTREAM]", "    name up", "@INCLUDE nodes.conf");
        fx.write("nodes.conf", "# node three", "[NODE]", "    name node-3", "    host h", "    port abc");

        UpstreamFileException e = fx.failure("up.conf");

        assertEquals(fx.at("nodes.conf", 5, "[NODE] 'node-3': port 'abc' is not a number"), e.getMessage());
        assertEquals(dir.resolve("nodes.conf"), e.file());
        assertEquals(5, e.line());
    }

    @Test
    void rejectsAFileThatIncludesItself() {
        fx.write("a.conf", "[UPSTREAM]", "    name up", "@INCLUDE a.conf");

        assertEquals(fx.at("a.conf", 3, "include cycle: a.conf -> a.conf"), fx.failure("a.conf").getMessage());
    }

    @Test
    void rejectsAnIndirectIncludeCycleNamingTheChain() {
        fx.write("a.conf", "[UPSTREAM]", "    name up", "@INCLUDE b.conf");
        fx.write("b.conf", "# b", "@INCLUDE sub/c.conf");
        fx.write("sub/c.conf", "@INCLUDE ../a.conf");

        assertEquals(fx.at("sub/c.conf", 1, "include cycle: a.conf -> b.conf -> c.conf -> a.conf"),
                fx.failure("a.conf").getMessage());
    }

    @Test
    void rejectsIncludingTheSameFileTwice() {
        fx.write("up.conf", "[UPSTREAM]", "    name up", "@INCLUDE nodes.conf", "@INCLUDE ./nodes.conf");
        fx.write("nodes.conf", "[NODE]", "    name n", "    host h", "    port 1");

        assertEquals(fx.at("up.conf", 4, "'./nodes.conf' includes " + dir.resolve("./nodes.conf")
                + " a second time (first included at " + dir.resolve("up.conf")
                + ":3); a file may be included only once"),
                fx.failure("up.conf").getMessage());
    }

    @Test
    void keepsKeysAfterAnIncludeInTheSectionAboveItAsFluentBitDoes() throws Exception {
        fx.write("up.conf", "[UPSTREAM]", "    name up", "[NODE]", "    name first", "@INCLUDE second.conf",
                "    host h1", "    port 1");
        fx.write("second.conf", "[NODE]", "    name second", "    host h2", "    port 2");

        Upstream upstream = fx.load("up.conf");

        assertEquals(List.of("first", "second"), names(upstream));
        assertEquals("h1", upstream.nodes().get(0).host());
    }

    @Test
    void rejectsKeysAtTheStartOfAnIncludedFileBecauseTheyHaveNoSection() {
        fx.write("up.conf", "[UPSTREAM]", "    name up", "[NODE]", "    name n", "@INCLUDE more.conf");
        fx.write("more.conf", "    host h");

        assertEquals(fx.at("more.conf", 1, "key 'host' is outside any section; put it under [UPSTREAM] or [NODE]"),
                fx.failure("up.conf").getMessage());
    }

    @Test
    void resolvesTlsPathsAgainstTheDirectoryOfTheFileThatDeclaresTheNode() throws Exception {
        fx.write("up.conf", "[UPSTREAM]", "    name up", "@INCLUDE certs/node.conf");
        fx.write("certs/node.conf", "[NODE]", "    name n", "    host h", "    port 1", "    tls.ca_file ca.pem",
                "    tls.crt_file /etc/fluent/client.pem");

        UpstreamNode node = fx.load("up.conf").nodes().get(0);

        assertEquals(dir.resolve("certs/ca.pem"), node.tlsCaFile().orElseThrow());
        assertEquals(Path.of("/etc/fluent/client.pem"), node.tlsCrtFile().orElseThrow());
    }

    @Test
    void followsIncludesInTheYamlForm() throws Exception {
        fx.write("up.yaml", "includes:", "  - more/*.yaml");
        fx.write("more/b.yaml", "upstream_servers:", "  - name: up", "    nodes: [{name: n, host: h, port: 1}]");
        fx.write("more/a.yaml", "# nothing yet");

        Upstream upstream = fx.load("up.yaml");

        assertEquals("up", upstream.name());
        assertEquals(dir.resolve("more/b.yaml"), upstream.nodes().get(0).file());
        assertEquals(3, upstream.nodes().get(0).line());
    }

    @Test
    void rejectsAYamlIncludeCycle() {
        fx.write("a.yaml", "includes: [b.yaml]");
        fx.write("b.yaml", "includes:", "  - a.yaml");

        assertEquals(fx.at("b.yaml", 2, "include cycle: a.yaml -> b.yaml -> a.yaml"),
                fx.failure("a.yaml").getMessage());
    }

    @Test
    void rejectsYamlIncludesThatAreNotAList() {
        fx.write("a.yaml", "includes: b.yaml");

        assertEquals(fx.at("a.yaml", 1, "'includes' must be a list of file paths"), fx.failure("a.yaml").getMessage());
    }

    @Test
    void refusesIncludesNestedDeeperThanThirtyTwoFiles() {
        fx.write("f0.conf", "[UPSTREAM]", "    name up", "@INCLUDE f1.conf");
        for (int i = 1; i <= 40; i++) {
            fx.write("f" + i + ".conf", "@INCLUDE f" + (i + 1) + ".conf");
        }

        assertEquals(fx.at("f31.conf", 1, "cannot include 'f32.conf': includes are nested 32 files deep, the most"
                + " there may be"), fx.failure("f0.conf").getMessage());
    }
}
