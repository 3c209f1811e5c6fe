package io.forwardlog.upstream;

import static io.forwardlog.upstream.UpstreamFixture.classicWithNode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A host is checked when the file is read: a DNS name, an IPv4 address or an IPv6 address, nothing else. */
class HostSyntaxTest {

    @TempDir
    Path dir;

    private UpstreamFixture fx;

    @BeforeEach
    void setUp() {
        fx = new UpstreamFixture(dir);
    }

    private String hostOf(String host) throws UpstreamFileException {
        fx.write("up.conf", classicWithNode("    name n", "    host " + host, "    port 1"));
        return fx.load("up.conf").nodes().get(0).host();
    }

    private String failure(String host) {
        fx.write("up.conf", classicWithNode("    name n", "    host " + host, "    port 1"));
        return fx.failure("up.conf").getMessage();
    }

    private String at6(String problem) {
        return fx.at("up.conf", 6, "[NODE] 'n': " + problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "fluentd", "fluentd.internal", "fluentd.internal.", "fluentd-a.example.com",
        "1fluentd.example", "my_service", "xn--bcher-kva.example", "10.0.0.1.nip.io", "127.0.0.1", "0.0.0.0",
        "255.255.255.255", "::1", "::", "2001:db8::1", "2001:db8:0:0:0:0:0:1", "fe80::1%eth0", "::ffff:192.0.2.1",
        "2001:db8:1:2:3:4:192.0.2.1"})
    void acceptsANameOrAnAddressAsWritten(String host) throws Exception {
        assertEquals(host, hostOf(host));
    }

    @Test
    void acceptsALabelOfSixtyThreeCharactersAndANameOf253() throws Exception {
        String label = "a".repeat(63);
        String name = String.join(".", label, label, label, "b".repeat(61));

        assertEquals(253, name.length());
        assertEquals(name, hostOf(name));
    }

    @Test
    void refusesASpace() {
        assertEquals(at6("host 'fluentd internal' contains a space; a host is a DNS name, an IPv4 address or an IPv6"
                + " address"), failure("fluentd internal"));
    }

    @Test
    void refusesANulByteAndNeverShowsItRaw() {
        String message = failure("fluentd\u0000.internal");

        assertEquals(at6("host 'fluentd\\u0000.internal' contains the control character U+0000"), message);
        assertFalse(message.contains("\u0000"));
    }

    @Test
    void refusesATab() {
        assertEquals(at6("host 'fluentd\\tinternal' contains the control character U+0009"),
                failure("fluentd\tinternal"));
    }

    @Test
    void refusesABracketedIpv6AddressAsFluentBitDoes() {
        assertEquals(at6("host '[::1]': write an IPv6 address without brackets (::1); Fluent Bit passes the host to"
                + " the resolver as written"), failure("[::1]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1:2:3", ":::", "1::2::3", "12345::", "1:2:3:4:5:6:7:8:9", "::g", "fe80::1%", "::1.2.3"})
    void refusesAnInvalidIpv6Address(String host) {
        assertEquals(at6("host '" + host + "' is not a valid IPv6 address"), failure(host));
    }

    @Test
    void refusesAPortInTheHost() {
        assertEquals(at6("host '10.0.0.5:24224' includes a port; give the port with the port key"),
                failure("10.0.0.5:24224"));
    }

    @Test
    void refusesAUrl() {
        assertEquals(at6("host 'tcp://fluentd:24224' is a URL; give only the host name"),
                failure("tcp://fluentd:24224"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.1.1.1", "127.1", "10.0.0.01", "12345", "1.2.3.4.5"})
    void refusesAnAllNumericNameThatIsNotAnIpv4Address(String host) {
        assertEquals(at6("host '" + host + "' is not a valid IPv4 address (four numbers from 0 to 255, without"
                + " leading zeros)"), failure(host));
    }

    @Test
    void refusesANonAsciiName() {
        assertEquals(at6("host 'bücher.example' contains 'ü', which a DNS name cannot; write an internationalized"
                + " name in its ASCII form (xn--...)"), failure("bücher.example"));
    }

    @Test
    void refusesPunctuation() {
        assertEquals(at6("host 'fluent!d' contains '!', which a DNS name cannot; a DNS name has letters, digits,"
                + " '-' and '_' between dots"), failure("fluent!d"));
    }

    @Test
    void refusesAnEmptyLabel() {
        assertEquals(at6("host 'fluentd..internal' has an empty label (two dots in a row, or a dot at the start)"),
                failure("fluentd..internal"));
    }

    @Test
    void refusesALabelThatStartsOrEndsWithAHyphen() {
        assertEquals(at6("host 'fluentd-.internal' has a label that starts or ends with '-'"),
                failure("fluentd-.internal"));
    }

    @Test
    void refusesALabelLongerThanSixtyThreeCharacters() {
        String label = "a".repeat(64);

        assertEquals(at6("host '" + label + ".internal' has a label longer than 63 characters"),
                failure(label + ".internal"));
    }

    @Test
    void refusesANameLongerThan253Characters() {
        String label = "a".repeat(63);
        String name = String.join(".", label, label, label, "b".repeat(62));

        assertEquals(at6("host '" + name + "' is longer than 253 characters"), failure(name));
    }

    @Test
    void refusesAHostFromAVariableWithASpace() {
        fx.env.put("FLUENT_HOST", "fluentd internal");
        fx.write("up.conf", classicWithNode("    name n", "    host ${FLUENT_HOST}", "    port 1"));

        assertEquals(at6("host 'fluentd internal' contains a space; a host is a DNS name, an IPv4 address or an"
                + " IPv6 address"), fx.failure("up.conf").getMessage());
    }

    @Test
    void checksTheHostOfTheYamlForm() {
        fx.write("up.yaml", "upstream_servers:", "  - name: up", "    nodes:", "      - name: n",
                "        host: \"fluentd\\0internal\"", "        port: 1");

        assertEquals(fx.at("up.yaml", 5, "[NODE] 'n': host 'fluentd\\u0000internal' contains the control character"
                + " U+0000"), fx.failure("up.yaml").getMessage());
    }

    @Test
    void escapesAControlCharacterThatYamlRefusesAndGivesItsLine() {
        fx.writeRaw("up.yaml", "upstream_servers:\n  - name: up\n    nodes:\n      - name: n\u0001\n");

        String message = fx.failure("up.yaml").getMessage();

        assertEquals(fx.at("up.yaml", 4, "not valid YAML: the character U+0001 is not allowed in YAML"), message);
    }

    @Test
    void escapesAControlCharacterInAnUnknownSectionName() throws Exception {
        fx.write("up.conf", "[UPSTREAM]", "    name up", "[NO\u0007DE]", "[NODE]", "    name n", "    host h",
                "    port 1");

        fx.load("up.conf");

        assertEquals(List.of(fx.at("up.conf", 3, "an unknown section is ignored (the line is not shown: it"
                + " may hold a secret)")), fx.warnings);
    }

    @Test
    void escapesAControlCharacterInTheFileName() {
        Path file = fx.write("up\u001b[31m.conf", "[UPSTREAM]");

        String message = fx.failure("up\u001b[31m.conf").getMessage();

        assertEquals(file.toString().replace("\u001b", "\\u001b") + ":1: [UPSTREAM]: 'name' is missing", message);
    }
}
