package io.forwardlog.upstream;

import static io.forwardlog.upstream.UpstreamFixture.classicWithNode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassicUpstreamParserTest {

    @TempDir
    Path dir;

    private UpstreamFixture fx;

    @BeforeEach
    void setUp() {
        fx = new UpstreamFixture(dir);
    }

    @Test
    void readsFluentBitsDocumentedExample() throws Exception {
        Path file = UpstreamFixture.resource("forward-balancing.conf");
        Upstream upstream = fx.load(file);

        assertEquals("forward-balancing", upstream.name());
        assertEquals(file, upstream.source());
        assertEquals(List.of("node-1", "node-2", "node-3"), upstream.nodes().stream().map(UpstreamNode::name).toList());
        assertEquals(List.of(43000, 44000, 45000), upstream.nodes().stream().map(UpstreamNode::port).toList());
        UpstreamNode plain = upstream.nodes().get(0);
        assertEquals("127.0.0.1", plain.host());
        assertFalse(plain.tls());
        assertFalse(plain.requiresHandshake());
        assertEquals(4, plain.line());
        assertEquals(file, plain.file());
        UpstreamNode secured = upstream.nodes().get(2);
        assertTrue(secured.tls());
        assertFalse(secured.tlsVerify());
        assertEquals(Optional.of("secret"), secured.sharedKey());
        assertTrue(secured.requiresHandshake());
        assertEquals(14, secured.line());
        assertEquals(List.of(), fx.warnings);
    }

    @Test
    void keepsSpacesInsideAValueAndTrimsAroundIt() throws Exception {
        fx.write("up.conf", classicWithNode("    name node-1", "    host h", "    port 1", "    tag   my  tag   "));

        assertEquals(Optional.of("my  tag"), fx.load("up.conf").nodes().get(0).tag());
    }

    @Test
    void readsAHashInsideAValueAsPartOfTheValue() throws Exception {
        fx.write("up.conf", classicWithNode("    name node-1", "    host h", "    port 1", "    shared_key abc#1"));

        assertEquals(Optional.of("abc#1"), fx.load("up.conf").nodes().get(0).sharedKey());
    }

    @Test
    void skipsCommentLinesIndentedOrNotAndBlankLines() throws Exception {
        fx.write("up.conf", "# the upstream", "[UPSTREAM]", "    # its name:", "    name up", "   ", "\t",
                "[NODE]", "  #host commented", "    name node-1", "    host h", "    port 1");

        assertEquals("h", fx.load("up.conf").nodes().get(0).host());
    }

    @Test
    void acceptsTabsForIndentationAndBetweenKeyAndValue() throws Exception {
        fx.write("up.conf", "[UPSTREAM]", "\tname\tup", "[NODE]", "\tname\t\tnode-1", "\thost \t h", "\tport\t1");

        UpstreamNode node = fx.load("up.conf").nodes().get(0);
        assertEquals("node-1", node.name());
        assertEquals("h", node.host());
    }

    @Test
    void readsCrlfLineEnds() throws Exception {
        fx.writeRaw("up.conf", "[UPSTREAM]\r\n    name up\r\n\r\n[NODE]\r\n    name node-1\r\n    host h\r\n"
                + "    port 24224\r\n    tls.verify off\r\n");

        Upstream upstream = fx.load("up.conf");
        UpstreamNode node = upstream.nodes().get(0);
        assertEquals("up", upstream.name());
        assertEquals(24224, node.port());
        assertFalse(node.tlsVerify());
    }

    @Test
    void ignoresAUtf8ByteOrderMarkAtTheStart() throws Exception {
        fx.writeRaw("up.conf", "\uFEFF[UPSTREAM]\n    name up\n[NODE]\n    name node-1\n    host h\n    port 1\n");

        assertEquals("up", fx.load("up.conf").name());
    }

    @Test
    void readsSectionNamesAndKeysInAnyCase() throws Exception {
        fx.write("up.conf", "[upstream]", "    NAME up", "[Node]", "    Name node-1", "    HOST h", "    Port 1",
                "    TLS.Verify OFF", "    X-Custom Value");

        UpstreamNode node = fx.load("up.conf").nodes().get(0);
        assertEquals("node-1", node.name());
        assertFalse(node.tlsVerify());
        assertEquals("Value", node.unknownKeys().get("x-custom"));
    }

    @Test
    void acceptsTheUpstreamSectionAfterTheNodes() throws Exception {
        fx.write("up.conf", "[NODE]", "    name node-1", "    host h", "    port 1", "[UPSTREAM]", "    name up");

        assertEquals("up", fx.load("up.conf").name());
    }

    @Test
    void rejectsAKeyInColumnOne() {
        fx.write("up.conf", "[UPSTREAM]", "name up");

        assertEquals(fx.at("up.conf", 2, "key 'name' is not indented; indent it with spaces or a tab to make it a key"
                + " of the section above"), fx.failure("up.conf").getMessage());
    }

    @Test
    void rejectsAKeyOutsideAnySection() {
        fx.write("up.conf", "    name up", "[UPSTREAM]");

        assertEquals(fx.at("up.conf", 1, "key 'name' is outside any section; put it under [UPSTREAM] or [NODE]"),
                fx.failure("up.conf").getMessage());
    }

    @Test
    void rejectsAKeyWithNoValueNamingTheNode() {
        fx.write("up.conf", classicWithNode("    name node-1", "    host", "    port 1"));

        assertEquals(fx.at("up.conf", 6, "[NODE] 'node-1': key 'host' has no value"),
                fx.failure("up.conf").getMessage());
    }

    @Test
    void rejectsAKeyWithNoValueInANodeWithoutANameByItsLine() {
        fx.write("up.conf", classicWithNode("    host", "    port 1"));

        assertEquals(fx.at("up.conf", 5, "[NODE] at line 4: key 'host' has no value"),
                fx.failure("up.conf").getMessage());
    }

    @Test
    void rejectsAnUpstreamNameWithNoValue() {
        fx.write("up.conf", "[UPSTREAM]", "    name  ", "[NODE]");

        assertEquals(fx.at("up.conf", 2, "[UPSTREAM]: key 'name' has no value"), fx.failure("up.conf").getMessage());
    }

    @Test
    void rejectsASectionHeaderWithoutClosingBracket() {
        fx.write("up.conf", "[UPSTREAM");

        assertEquals(fx.at("up.conf", 1, "section header '[UPSTREAM' has no closing ']'"),
                fx.failure("up.conf").getMessage());
    }

    @Test
    void rejectsTextAfterASectionHeader() {
        fx.write("up.conf", "[UPSTREAM] # main");

        assertEquals(fx.at("up.conf", 1, "unexpected text after [UPSTREAM]; a section header stands alone on its line"),
                fx.failure("up.conf").getMessage());
    }

    @Test
    void rejectsAnIndentedSectionHeader() {
        fx.write("up.conf", "[UPSTREAM]", "    name up", "    [NODE]");

        assertEquals(fx.at("up.conf", 3, "section header '[NODE]' is indented; a section header starts in column 1"),
                fx.failure("up.conf").getMessage());
    }

    @Test
    void rejectsAnEmptySectionName() {
        fx.write("up.conf", "[ ]");

        assertEquals(fx.at("up.conf", 1, "section header '[]' has no name; use [UPSTREAM] or [NODE]"),
                fx.failure("up.conf").getMessage());
    }

    @Test
    void ignoresAnUnknownSectionAndItsKeysWithAWarning() throws Exception {
        fx.write("up.conf", "[UPSTREAM]", "    name up", "[SERVICE]", "    flush 1", "    log_level", "[NODE]",
                "    name node-1", "    host h", "    port 1");

        assertEquals(1, fx.load("up.conf").nodes().size());
        assertEquals(List.of(fx.at("up.conf", 3, "unknown section [SERVICE] is ignored")), fx.warnings);
    }

    @Test
    void ignoresOtherDirectivesThanIncludeWithAWarning() throws Exception {
        fx.write("up.conf", "@SET port=1", "[UPSTREAM]", "    name up", "[NODE]", "    name node-1", "    host h",
                "    port 1");

        fx.load("up.conf");

        assertEquals(List.of(fx.at("up.conf", 1, "@SET is ignored in an upstream file")), fx.warnings);
    }

    @Test
    void keepsTheFirstValueOfARepeatedKeyWithAWarning() throws Exception {
        fx.write("up.conf", classicWithNode("    name node-1", "    host first", "    port 1", "    host second"));

        assertEquals("first", fx.load("up.conf").nodes().get(0).host());
        assertEquals(List.of(fx.at("up.conf", 8,
                "[NODE] 'node-1': key 'host' is repeated; keeping the first value (line 6)")), fx.warnings);
    }

    @Test
    void warnsAboutAndIgnoresUpstreamKeysOtherThanName() throws Exception {
        fx.write("up.conf", "[UPSTREAM]", "    name up", "    balancing round-robin", "[NODE]", "    name node-1",
                "    host h", "    port 1");

        assertEquals("up", fx.load("up.conf").name());
        assertEquals(List.of(fx.at("up.conf", 3,
                "[UPSTREAM]: key 'balancing' is ignored; it takes only 'name'")), fx.warnings);
    }

    @Test
    void rejectsASecondUpstreamSection() {
        fx.write("up.conf", "[UPSTREAM]", "    name one", "[UPSTREAM]", "    name two");

        assertEquals(fx.at("up.conf", 3, "a second [UPSTREAM] section (the first is at " + dir.resolve("up.conf")
                + ":1); an upstream file holds exactly one"), fx.failure("up.conf").getMessage());
    }

    @Test
    void rejectsAFileWithoutUpstreamSection() {
        fx.write("up.conf", "[NODE]", "    name node-1", "    host h", "    port 1");

        UpstreamFileException e = fx.failure("up.conf");
        assertEquals(dir.resolve("up.conf") + ": no [UPSTREAM] section; add one with a name", e.getMessage());
        assertEquals(0, e.line());
    }

    @Test
    void rejectsAnUpstreamWithoutName() {
        fx.write("up.conf", "# upstream", "[UPSTREAM]", "[NODE]", "    name node-1", "    host h", "    port 1");

        assertEquals(fx.at("up.conf", 2, "[UPSTREAM]: 'name' is missing"), fx.failure("up.conf").getMessage());
    }

    @Test
    void rejectsAnUpstreamWithoutNodes() {
        fx.write("up.conf", "[UPSTREAM]", "    name up");

        assertEquals(fx.at("up.conf", 1, "[UPSTREAM] 'up' has no [NODE] section; add at least one"),
                fx.failure("up.conf").getMessage());
    }

    @Test
    void rejectsANodeWithoutName() {
        fx.write("up.conf", classicWithNode("    host h", "    port 1"));

        assertEquals(fx.at("up.conf", 4, "[NODE] at line 4: 'name' is missing"), fx.failure("up.conf").getMessage());
    }

    @Test
    void rejectsANodeWithoutHost() {
        fx.write("up.conf", classicWithNode("    name node-1", "    port 1"));

        assertEquals(fx.at("up.conf", 4, "[NODE] 'node-1': 'host' is missing"), fx.failure("up.conf").getMessage());
    }

    @Test
    void rejectsANodeWithoutPort() {
        fx.write("up.conf", classicWithNode("    name node-1", "    host h"));

        assertEquals(fx.at("up.conf", 4, "[NODE] 'node-1': 'port' is missing"), fx.failure("up.conf").getMessage());
    }

    @Test
    void rejectsTwoNodesWithTheSameName() {
        fx.write("up.conf", classicWithNode("    name node-1", "    host a", "    port 1", "[NODE]", "    host b",
                "    name node-1", "    port 2"));

        assertEquals(fx.at("up.conf", 10, "[NODE] 'node-1': the name is already used by the node at "
                + dir.resolve("up.conf") + ":4; node names must be unique"), fx.failure("up.conf").getMessage());
    }

    @Test
    void readsAFileThatHasNoFinalLineEnd() throws Exception {
        fx.writeBytes("up.conf", "[UPSTREAM]\n    name up\n[NODE]\n    name n\n    host h\n    port 7"
                .getBytes(StandardCharsets.UTF_8));

        assertEquals(7, fx.load("up.conf").nodes().get(0).port());
    }
}
