package io.forwardlog.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlUpstreamParserTest {

    @TempDir
    Path dir;

    private UpstreamFixture fx;

    @BeforeEach
    void setUp() {
        fx = new UpstreamFixture(dir);
    }

    private static String[] withNode(String... nodeLines) {
        List<String> lines = new ArrayList<>(List.of("upstream_servers:", "  - name: up", "    nodes:"));
        lines.addAll(List.of(nodeLines));
        return lines.toArray(String[]::new);
    }

    @Test
    void readsTheDocumentedExampleIntoTheSameModelAsTheClassicForm() throws Exception {
        Upstream classic = fx.load(UpstreamFixture.resource("forward-balancing.conf"));
        Upstream yaml = fx.load(UpstreamFixture.resource("forward-balancing.yaml"));

        assertEquals(classic.name(), yaml.name());
        assertEquals(classic.nodes(), yaml.nodes());
        UpstreamNode secured = yaml.nodes().get(2);
        assertTrue(secured.tls());
        assertFalse(secured.tlsVerify());
        assertEquals(Optional.of("secret"), secured.sharedKey());
        assertEquals(12, secured.line());
        assertEquals(List.of(), fx.warnings);
    }

    @Test
    void readsEveryScalarAsTheTextTheUserWrote() throws Exception {
        fx.write("up.yaml", withNode("      - name: 0x1F", "        host: 1e3", "        port: 043000",
                "        tls: true", "        tls.verify: Off", "        tag: 'on'", "        x-when: 2024-01-01"));

        UpstreamNode node = fx.load("up.yaml").nodes().get(0);
        assertEquals("0x1F", node.name());
        assertEquals("1e3", node.host());
        assertEquals(43000, node.port());
        assertTrue(node.tls());
        assertFalse(node.tlsVerify());
        assertEquals(Optional.of("on"), node.tag());
        assertEquals(Map.of("x-when", "2024-01-01"), node.unknownKeys());
    }

    @Test
    void acceptsYmlAndUpperCaseExtensions() throws Exception {
        fx.write("a.yml", withNode("      - {name: n, host: h, port: 1}"));
        fx.write("b.YAML", withNode("      - {name: n, host: h, port: 2}"));

        assertEquals(1, fx.load("a.yml").nodes().get(0).port());
        assertEquals(2, fx.load("b.YAML").nodes().get(0).port());
    }

    @Test
    void translatesCamelCaseKeysToSnakeCaseAsFluentBitDoes() throws Exception {
        fx.write("up.yaml", withNode("      - Name: n", "        host: h", "        port: 1",
                "        sharedKey: s", "        tls.verifyHostname: off", "        requireAckResponse: on"));

        UpstreamNode node = fx.load("up.yaml").nodes().get(0);
        assertEquals(Optional.of("s"), node.sharedKey());
        assertFalse(node.tlsVerifyHostname());
        assertEquals(Optional.of(true), node.requireAckResponse());
    }

    @Test
    void hintsAtTheDottedKeyForTlsVerifyWithAnUnderscore() throws Exception {
        fx.write("up.yaml", withNode("      - name: n", "        host: h", "        port: 1", "        tls: true",
                "        tls_verify: false"));

        UpstreamNode node = fx.load("up.yaml").nodes().get(0);

        assertTrue(node.tlsVerify());
        assertEquals(List.of(fx.at("up.yaml", 8,
                "[NODE] 'n': unknown key 'tls_verify' is kept but not used (did you mean 'tls.verify'?)")),
                fx.warnings);
    }

    @Test
    void readsFlowStyleAndCrlfAndAByteOrderMark() throws Exception {
        fx.writeRaw("up.yaml",
                "\uFEFFupstream_servers:\r\n  - name: up\r\n    nodes: [{name: n, host: h, port: 9}]\r\n");

        assertEquals(9, fx.load("up.yaml").nodes().get(0).port());
    }

    @Test
    void warnsAboutAndIgnoresOtherTopLevelSections() throws Exception {
        fx.write("up.yaml", "service:", "  flush: 1", "upstream_servers:", "  - name: up", "    nodes:",
                "      - {name: n, host: h, port: 1}");

        fx.load("up.yaml");

        assertEquals(List.of(fx.at("up.yaml", 1, "unknown section 'service' is ignored")), fx.warnings);
    }

    @Test
    void warnsAboutAndIgnoresUpstreamKeysOtherThanNameAndNodes() throws Exception {
        fx.write("up.yaml", "upstream_servers:", "  - name: up", "    mode: rr", "    nodes:",
                "      - {name: n, host: h, port: 1}");

        fx.load("up.yaml");

        assertEquals(List.of(fx.at("up.yaml", 3,
                "upstream_servers entry: key 'mode' is ignored; it takes only 'name' and 'nodes'")), fx.warnings);
    }

    @Test
    void keepsTheFirstValueOfARepeatedNodeKeyWithAWarning() throws Exception {
        fx.write("up.yaml", withNode("      - name: n", "        host: first", "        port: 1",
                "        host: second"));

        assertEquals("first", fx.load("up.yaml").nodes().get(0).host());
        assertEquals(List.of(fx.at("up.yaml", 7,
                "[NODE] 'n': key 'host' is repeated; keeping the first value (line 5)")), fx.warnings);
    }

    @Test
    void rejectsASecondUpstreamServersEntry() {
        fx.write("up.yaml", "upstream_servers:", "  - name: one", "    nodes: [{name: n, host: h, port: 1}]",
                "  - name: two", "    nodes: [{name: m, host: h, port: 1}]");

        assertEquals(fx.at("up.yaml", 4, "a second upstream_servers entry (the first is at " + dir.resolve("up.yaml")
                + ":2); an upstream file holds exactly one"), fx.failure("up.yaml").getMessage());
    }

    @Test
    void rejectsAFileWithoutUpstreamServers() {
        fx.write("up.yaml", "# nothing here");

        assertEquals(dir.resolve("up.yaml") + ": no upstream_servers entry; add 'upstream_servers:' with one entry that"
                + " has a name and nodes", fx.failure("up.yaml").getMessage());
    }

    @Test
    void rejectsAnEntryWithoutNodes() {
        fx.write("up.yaml", "upstream_servers:", "  - name: up");

        assertEquals(fx.at("up.yaml", 2, "upstream_servers entry 'up' has no nodes; add at least one under 'nodes:'"),
                fx.failure("up.yaml").getMessage());
    }

    @Test
    void rejectsAnEntryWithoutName() {
        fx.write("up.yaml", "upstream_servers:", "  - nodes: [{name: n, host: h, port: 1}]");

        assertEquals(fx.at("up.yaml", 2, "upstream_servers entry: 'name' is missing"),
                fx.failure("up.yaml").getMessage());
    }

    @Test
    void rejectsATopLevelThatIsNotAMapping() {
        fx.write("up.yaml", "- upstream_servers");

        assertEquals(fx.at("up.yaml", 1, "the top level must be a mapping with 'upstream_servers:'"),
                fx.failure("up.yaml").getMessage());
    }

    @Test
    void rejectsUpstreamServersThatIsNotAList() {
        fx.write("up.yaml", "upstream_servers:", "  name: up");

        assertEquals(fx.at("up.yaml", 2, "'upstream_servers' must be a list of upstreams, each with a name and nodes"),
                fx.failure("up.yaml").getMessage());
    }

    @Test
    void rejectsAnUpstreamServersEntryThatIsNotAMapping() {
        fx.write("up.yaml", "upstream_servers:", "  - up");

        assertEquals(fx.at("up.yaml", 2, "an upstream_servers entry must be a mapping with a name and nodes"),
                fx.failure("up.yaml").getMessage());
    }

    @Test
    void rejectsNodesThatIsNotAList() {
        fx.write("up.yaml", "upstream_servers:", "  - name: up", "    nodes:", "      name: n");

        assertEquals(fx.at("up.yaml", 4, "'nodes' must be a list of nodes, each a mapping with name, host and port"),
                fx.failure("up.yaml").getMessage());
    }

    @Test
    void rejectsANodeThatIsNotAMapping() {
        fx.write("up.yaml", withNode("      - node-1"));

        assertEquals(fx.at("up.yaml", 4, "each entry under 'nodes' must be a mapping with name, host and port"),
                fx.failure("up.yaml").getMessage());
    }

    @Test
    void rejectsANodeValueThatIsAList() {
        fx.write("up.yaml", withNode("      - name: n", "        host: [a, b]", "        port: 1"));

        assertEquals(fx.at("up.yaml", 5, "[NODE] 'n': 'host' must be a single value, not a list"),
                fx.failure("up.yaml").getMessage());
    }

    @Test
    void rejectsANodeValueThatIsAMapping() {
        fx.write("up.yaml", withNode("      - name: n", "        host: h", "        port: {number: 1}"));

        assertEquals(fx.at("up.yaml", 6, "[NODE] 'n': 'port' must be a single value, not a mapping"),
                fx.failure("up.yaml").getMessage());
    }

    @Test
    void rejectsAKeyWithANullValue() {
        fx.write("up.yaml", withNode("      - name: n", "        host:", "        port: 1"));

        assertEquals(fx.at("up.yaml", 5, "[NODE] 'n': key 'host' has no value"), fx.failure("up.yaml").getMessage());
    }

    @Test
    void rejectsAKeyThatIsNotPlainText() {
        fx.write("up.yaml", withNode("      - name: n", "        [a, b]: c"));

        assertEquals(fx.at("up.yaml", 5, "a key must be plain text"), fx.failure("up.yaml").getMessage());
    }

    @Test
    void appliesTheClassicRulesToNodes() {
        fx.write("up.yaml", withNode("      - name: node-3", "        host: h", "        port: abc"));

        assertEquals(fx.at("up.yaml", 6, "[NODE] 'node-3': port 'abc' is not a number"),
                fx.failure("up.yaml").getMessage());
    }

    @Test
    void wrapsAYamlSyntaxErrorWithItsLine() {
        fx.write("up.yaml", "upstream_servers:", "  - name: up", "    nodes: [", "      {name: n", "oops: 1");

        UpstreamFileException e = fx.failure("up.yaml");

        assertEquals(5, e.line());
        assertEquals("not valid YAML: while parsing a flow mapping, expected ',' or '}', but got :", e.problem());
    }

    @Test
    void rejectsTabsUsedForIndentationWithTheLine() {
        fx.write("up.yaml", "upstream_servers:", "  - name: up", "\tnodes: []");

        assertEquals(fx.at("up.yaml", 3, "not valid YAML: while scanning for the next token, found character"
                + " '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)"),
                fx.failure("up.yaml").getMessage());
    }

    @Test
    void rejectsMoreThanOneYamlDocument() {
        fx.write("up.yaml", "upstream_servers: []", "---", "upstream_servers: []");

        assertEquals(fx.at("up.yaml", 2, "not valid YAML: expected a single document in the stream, but found"
                + " another document"), fx.failure("up.yaml").getMessage());
    }

    @Test
    void rejectsNestingTooDeepForTheParserInsteadOfOverflowingTheStack() {
        fx.writeRaw("up.yaml", "upstream_servers: " + "[".repeat(200_000) + "]".repeat(200_000) + "\n");

        assertEquals(dir.resolve("up.yaml") + ": not valid YAML: it is nested too deeply",
                fx.failure("up.yaml").getMessage());
    }
}
