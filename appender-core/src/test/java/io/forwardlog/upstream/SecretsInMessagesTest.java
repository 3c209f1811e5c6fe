package io.forwardlog.upstream;

import static io.forwardlog.upstream.UpstreamFixture.classicWithNode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A message about a line names its key only when the line can only be a key name and a value, or the key is one
 * forwardlog knows; the text of any other line, and the value of a secret, is never shown.
 */
class SecretsInMessagesTest {

    private static final String SECRET = "s3cr3tk3y-probe";
    private static final String HIDDEN = "a key (not shown: the line may hold a secret)";

    @TempDir
    Path dir;

    private UpstreamFixture fx;

    @BeforeEach
    void setUp() {
        fx = new UpstreamFixture(dir);
    }

    private String failure(String... lines) {
        fx.write("up.conf", lines);
        String message = fx.failure("up.conf").getMessage();
        assertFalse(message.toLowerCase().contains(SECRET), message);
        return message;
    }

    private List<String> warnings(String... lines) throws Exception {
        fx.write("up.conf", lines);
        fx.load("up.conf");
        fx.warnings.forEach(w -> assertFalse(w.toLowerCase().contains(SECRET), w));
        return fx.warnings;
    }

    private String at(int line, String problem) {
        return fx.at("up.conf", line, problem);
    }

    @Test
    void hidesAKeyJoinedToItsSecretByAnEqualsSign() {
        assertEquals(at(7, "[NODE] 'n': the key is not a name of letters, digits, '_', '.' and '-'; write the key, a"
                        + " space or a tab, then the value (the line is not shown: it may hold a secret)"),
                failure(classicWithNode("    name n", "    host h", "    shared_key=" + SECRET, "    port 1")));
    }

    @Test
    void hidesAKeyJoinedToItsSecretEvenWithAValueAfterIt() {
        assertEquals(at(7, "[NODE] 'n': the key is not a name of letters, digits, '_', '.' and '-'; write the key, a"
                        + " space or a tab, then the value (the line is not shown: it may hold a secret)"),
                failure(classicWithNode("    name n", "    host h", "    password=" + SECRET + " more", "    port 1")));
    }

    @Test
    void hidesAWordAloneOnAnIndentedLine() {
        assertEquals(at(7, "[NODE] 'n': " + HIDDEN + " has no value"),
                failure(classicWithNode("    name n", "    host h", "    Pa55-" + SECRET, "    port 1")));
    }

    @Test
    void namesAKnownKeyWithoutAValue() {
        assertEquals(at(7, "[NODE] 'n': key 'shared_key' has no value"),
                failure(classicWithNode("    name n", "    host h", "    shared_key", "    port 1")));
    }

    @Test
    void hidesAWordInColumnOne() {
        assertEquals(at(7, HIDDEN + " is not indented; indent it with spaces or a tab to make it a key of the section"
                + " above"), failure(classicWithNode("    name n", "    host h", "Pa55-" + SECRET, "    port 1")));
    }

    @Test
    void namesAKnownKeyInColumnOneButNotItsValue() {
        assertEquals(at(7, "key 'shared_key' is not indented; indent it with spaces or a tab to make it a key of the"
                + " section above"), failure(classicWithNode("    name n", "    host h", "shared_key " + SECRET)));
    }

    @Test
    void hidesAWordOutsideAnySection() {
        assertEquals(at(1, HIDDEN + " is outside any section; put it under [UPSTREAM] or [NODE]"),
                failure("    " + SECRET, "[UPSTREAM]", "    name up"));
    }

    @Test
    void hidesAnUnclosedHeaderThatIsNotASectionName() {
        assertEquals(at(1, "a line starts with '[' but has no closing ']' (the line is not shown: it may hold a"
                + " secret); a section header is [UPSTREAM] or [NODE]"), failure("[" + SECRET));
    }

    @Test
    void hidesAnIndentedLineStartingWithABracketThatIsNotAHeader() {
        assertEquals(at(3, "an indented line starts with '[' (the line is not shown: it may hold a secret); a"
                        + " section header starts in column 1"),
                failure("[UPSTREAM]", "    name up", "    [" + SECRET + " x"));
    }

    @Test
    void hidesADirectiveThatFluentBitDoesNotHave() throws Exception {
        assertEquals(List.of(at(1, "a line starting with '@' is ignored in an upstream file (the line is not shown:"
                        + " it may hold a secret)")),
                warnings("@" + SECRET, "[UPSTREAM]", "    name up", "[NODE]", "    name n", "    host h",
                        "    port 1"));
    }

    @Test
    void hidesAWordAloneInTheUpstreamSection() throws Exception {
        assertEquals(List.of(at(3, "[UPSTREAM]: " + HIDDEN + " is ignored; it takes only 'name'")),
                warnings("[UPSTREAM]", "    name up", "    " + SECRET, "[NODE]", "    name n", "    host h",
                        "    port 1"));
    }

    @Test
    void namesAnUnknownKeyThatHasAValueButNeverTheValue() throws Exception {
        assertEquals(List.of(at(8, "[NODE] 'n': unknown key 'http_passwd' is kept but not used")),
                warnings(classicWithNode("    name n", "    host h", "    port 1", "    http_passwd " + SECRET)));
    }

    @Test
    void hidesTheNameOfAVariableThatCannotBeOne() {
        String password = "    password a${" + SECRET + "!}b";

        assertEquals(at(9, "[NODE] 'n': password: '${...}' holds something that is not the name of an environment"
                + " variable (not shown: it may be a secret)"), failure(classicWithNode("    name n",
                "    host h", "    shared_key k", "    username u", password, "    port 1")));
    }

    @Test
    void hidesTheValueOfASecretWithAControlCharacter() {
        String sharedKey = "    shared_key " + SECRET + "\u0007";

        assertEquals(at(7, "[NODE] 'n': shared_key contains the control character U+0007 (its value is not shown)"),
                failure(classicWithNode("    name n", "    host h", sharedKey, "    port 1")));
    }

    @Test
    void hidesAYamlAliasThatMayBeAPassword() {
        fx.write("up.yaml", "upstream_servers:", "  - name: up", "    nodes:", "      - name: n", "        host: h",
                "        port: 1", "        shared_key: *" + SECRET);

        String message = fx.failure("up.yaml").getMessage();

        assertEquals(fx.at("up.yaml", 7, "not valid YAML: found an undefined alias (a value that starts with '*' must"
                + " be quoted)"), message);
    }

    @Test
    void hidesAYamlTagHandleThatMayBeAPassword() {
        fx.write("up.yaml", "upstream_servers:", "  - name: up", "    nodes:", "      - name: n", "        host: h",
                "        port: 1", "        shared_key: !" + SECRET + "!x");

        assertEquals(fx.at("up.yaml", 7, "not valid YAML: while parsing a node, found an undefined tag handle (a value"
                + " that starts with '!' must be quoted)"), fx.failure("up.yaml").getMessage());
    }

    @Test
    void hidesAYamlEscapeThatMayBePartOfAPassword() {
        fx.write("up.yaml", "upstream_servers:", "  - name: up", "    nodes:", "      - name: n", "        host: h",
                "        port: 1", "        shared_key: \"" + SECRET + "\\x" + SECRET + "\"");

        assertEquals(fx.at("up.yaml", 7, "not valid YAML: while scanning a double-quoted scalar, expected escape"
                + " sequence of 2 hexadecimal numbers"), fx.failure("up.yaml").getMessage());
    }

    @Test
    void hidesAYamlKeyWithoutAValue() {
        fx.write("up.yaml", "upstream_servers:", "  - name: up", "    nodes:", "      - name: n", "        host: h",
                "        port: 1", "        " + SECRET + ":");

        assertEquals(fx.at("up.yaml", 7, "[NODE] 'n': " + HIDDEN + " has no value"),
                fx.failure("up.yaml").getMessage());
    }
}
