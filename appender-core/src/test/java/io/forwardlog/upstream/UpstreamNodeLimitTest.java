package io.forwardlog.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An upstream has at most 1,024 nodes: each costs a connection and heartbeats. */
class UpstreamNodeLimitTest {

    private static final String TOO_MANY = "a 1025th node; an upstream file has at most 1024 nodes";

    @TempDir
    Path dir;

    private UpstreamFixture fx;

    @BeforeEach
    void setUp() {
        fx = new UpstreamFixture(dir);
    }

    /** {@code count} classic nodes, four lines each, the first header on line {@code 1}. */
    private static List<String> classicNodes(int first, int count) {
        List<String> lines = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            lines.addAll(List.of("[NODE]", "    name node-" + i, "    host 10.0.0.1", "    port " + (1000 + i)));
        }
        return lines;
    }

    private Path classic(String name, List<String> head, List<String> nodes) {
        List<String> lines = new ArrayList<>(head);
        lines.addAll(nodes);
        return fx.write(name, lines.toArray(String[]::new));
    }

    @Test
    void acceptsExactlyTheLimit() throws Exception {
        classic("up.conf", List.of("[UPSTREAM]", "    name up"), classicNodes(1, 1024));

        assertEquals(1024, fx.load("up.conf").nodes().size());
    }

    @Test
    void refusesTheFirstNodePastTheLimitAtItsHeader() {
        classic("up.conf", List.of("[UPSTREAM]", "    name up"), classicNodes(1, 2000));

        // two lines of [UPSTREAM], then four per node: the 1025th header is on line 2 + 4 * 1024 + 1
        assertEquals(fx.at("up.conf", 4099, TOO_MANY), fx.failure("up.conf").getMessage());
    }

    @Test
    void countsTheNodesOfEveryIncludedFile() {
        classic("up.conf", List.of("[UPSTREAM]", "    name up", "@INCLUDE nodes.d/*.conf"), List.of());
        classic("nodes.d/a.conf", List.of(), classicNodes(1, 1000));
        classic("nodes.d/b.conf", List.of(), classicNodes(1001, 1000));

        assertEquals(fx.at("nodes.d/b.conf", 4 * 24 + 1, TOO_MANY), fx.failure("up.conf").getMessage());
    }

    @Test
    void refusesTheFirstYamlNodePastTheLimitAtItsLine() {
        List<String> lines = new ArrayList<>(List.of("upstream_servers:", "  - name: up", "    nodes:"));
        for (int i = 1; i <= 1100; i++) {
            lines.add("      - {name: node-" + i + ", host: 10.0.0.1, port: " + (1000 + i) + "}");
        }
        fx.write("up.yaml", lines.toArray(String[]::new));

        assertEquals(fx.at("up.yaml", 3 + 1025, TOO_MANY), fx.failure("up.yaml").getMessage());
    }
}
