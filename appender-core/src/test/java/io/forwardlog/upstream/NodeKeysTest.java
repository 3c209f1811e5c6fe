package io.forwardlog.upstream;

import static io.forwardlog.upstream.UpstreamFixture.classicWithNode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.Compression;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NodeKeysTest {

    @TempDir
    Path dir;

    private UpstreamFixture fx;

    @BeforeEach
    void setUp() {
        fx = new UpstreamFixture(dir);
    }

    /** Loads node-3 (its header on line 4) with the extra key lines, from line 8 ({@link UpstreamFixture#node3}). */
    private UpstreamNode node(String... keyLines) throws UpstreamFileException {
        return fx.node3(keyLines);
    }

    private String failure(String... keyLines) {
        return fx.node3Failure(keyLines);
    }

    @Test
    void givesEachOptionalKeyItsDefault() throws Exception {
        UpstreamNode node = node();

        assertFalse(node.tls());
        assertTrue(node.tlsVerify());
        assertTrue(node.tlsVerifyHostname());
        assertEquals(1, node.tlsDebug());
        assertEquals(Optional.empty(), node.tlsCaFile());
        assertEquals(Optional.empty(), node.tlsCaPath());
        assertEquals(Optional.empty(), node.tlsCrtFile());
        assertEquals(Optional.empty(), node.tlsKeyFile());
        assertEquals(Optional.empty(), node.tlsKeyPasswd());
        assertEquals(Optional.empty(), node.tlsVhost());
        assertEquals(Optional.empty(), node.sharedKey());
        assertFalse(node.emptySharedKey());
        assertFalse(node.requiresHandshake());
        assertEquals(Optional.empty(), node.selfHostname());
        assertEquals(Optional.empty(), node.username());
        assertEquals(Optional.empty(), node.password());
        assertEquals(Optional.empty(), node.timeAsInteger());
        assertEquals(Optional.empty(), node.sendOptions());
        assertEquals(Optional.empty(), node.requireAckResponse());
        assertEquals(Optional.empty(), node.compress());
        assertEquals(Optional.empty(), node.tag());
        assertEquals(60, node.weight());
        assertFalse(node.standby());
        assertEquals(Optional.empty(), node.dnsRoundRobin());
        assertEquals(Optional.empty(), node.expireDnsCache());
        assertEquals(Map.of(), node.unknownKeys());
    }

    @Test
    void readsEveryKeyItUnderstands() throws Exception {
        UpstreamNode node = node("    tls on", "    tls.verify off", "    tls.verify_hostname off", "    tls.debug 4",
                "    tls.ca_file ca.pem", "    tls.ca_path /etc/ssl/certs", "    tls.crt_file certs/client.pem",
                "    tls.key_file certs/client.key", "    tls.key_passwd kp", "    tls.vhost fluent.example.com",
                "    shared_key sk", "    self_hostname me.example.com", "    username alice", "    password pw",
                "    time_as_integer on", "    send_options off", "    require_ack_response yes", "    compress GZIP",
                "    tag app.logs", "    weight 0", "    standby true", "    dns_round_robin on", "    expire_dns_cache 30");

        assertTrue(node.tls());
        assertFalse(node.tlsVerify());
        assertFalse(node.tlsVerifyHostname());
        assertEquals(4, node.tlsDebug());
        assertEquals(Optional.of(dir.resolve("ca.pem")), node.tlsCaFile());
        assertEquals(Optional.of(Path.of("/etc/ssl/certs")), node.tlsCaPath());
        assertEquals(Optional.of(dir.resolve("certs/client.pem")), node.tlsCrtFile());
        assertEquals(Optional.of(dir.resolve("certs/client.key")), node.tlsKeyFile());
        assertEquals(Optional.of("kp"), node.tlsKeyPasswd());
        assertEquals(Optional.of("fluent.example.com"), node.tlsVhost());
        assertEquals(Optional.of("sk"), node.sharedKey());
        assertTrue(node.requiresHandshake());
        assertEquals(Optional.of("me.example.com"), node.selfHostname());
        assertEquals(Optional.of("alice"), node.username());
        assertEquals(Optional.of("pw"), node.password());
        assertEquals(Optional.of(true), node.timeAsInteger());
        assertEquals(Optional.of(false), node.sendOptions());
        assertEquals(Optional.of(true), node.requireAckResponse());
        assertEquals(Optional.of(Compression.GZIP), node.compress());
        assertEquals(Optional.of("app.logs"), node.tag());
        assertEquals(0, node.weight());
        assertTrue(node.standby());
        assertEquals(Optional.of(true), node.dnsRoundRobin());
        assertEquals(Optional.of(Duration.ofSeconds(30)), node.expireDnsCache());
        assertEquals(List.of(), fx.warnings);
    }

    @ParameterizedTest
    @CsvSource({"on,true", "ON,true", "true,true", "True,true", "yes,true", "YES,true",
        "off,false", "Off,false", "false,false", "FALSE,false", "no,false", "No,false"})
    void readsBooleansInAnyCase(String written, boolean expected) throws Exception {
        assertEquals(expected, node("    tls " + written).tls());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tls", "tls.verify", "tls.verify_hostname", "empty_shared_key", "time_as_integer",
        "send_options", "require_ack_response", "standby", "dns_round_robin"})
    void rejectsABooleanThatIsNeitherOnNorOff(String key) {
        assertEquals(fx.at("up.conf", 8, "[NODE] 'node-3': " + key
                + " 'maybe' is not a boolean; use on/off, true/false or yes/no"), failure("    " + key + " maybe"));
    }

    @Test
    void rejectsAPortThatIsNotANumber() {
        fx.write("up.conf", classicWithNode("    name node-3", "    host h", "    port abc"));

        assertEquals(fx.at("up.conf", 7, "[NODE] 'node-3': port 'abc' is not a number"),
                fx.failure("up.conf").getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "999999999"})
    void rejectsAPortOutOfRange(String port) {
        fx.write("up.conf", classicWithNode("    name node-3", "    host h", "    port " + port));

        assertEquals(fx.at("up.conf", 7, "[NODE] 'node-3': port " + port + " is out of range; use 1 to 65535"),
                fx.failure("up.conf").getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "+80", "80.0", "0x50", "1234567890"})
    void rejectsAPortWithASignADotOrTooManyDigits(String port) {
        fx.write("up.conf", classicWithNode("    name node-3", "    host h", "    port " + port));

        assertEquals(fx.at("up.conf", 7, "[NODE] 'node-3': port '" + port + "' is not a number"),
                fx.failure("up.conf").getMessage());
    }

    @Test
    void acceptsTheHighestPort() throws Exception {
        fx.write("up.conf", classicWithNode("    name n", "    host h", "    port 65535"));

        assertEquals(65535, fx.load("up.conf").nodes().get(0).port());
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "-1", "high"})
    void rejectsATlsDebugLevelOutsideZeroToFour(String level) {
        assertEquals(fx.at("up.conf", 8, "[NODE] 'node-3': tls.debug '" + level + "' is not a level from 0 to 4"),
                failure("    tls.debug " + level));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1.5", "heavy"})
    void rejectsAWeightThatIsNotAWholeNumber(String weight) {
        assertEquals(fx.at("up.conf", 8, "[NODE] 'node-3': weight '" + weight + "' is not a whole number of 0 or more"),
                failure("    weight " + weight));
    }

    @Test
    void rejectsAWeightTooLargeForAnInt() {
        assertEquals(fx.at("up.conf", 8,
                "[NODE] 'node-3': weight '2147483648' is too large; the largest is 2147483647"),
                failure("    weight 2147483648"));
    }

    @ParameterizedTest
    @CsvSource({"0,PT0S", "60,PT1M", "1.5,PT1.5S", "30s,PT30S", "5m,PT5M", "2h,PT2H", "1d,PT24H", "10M,PT10M"})
    void readsExpireDnsCacheAsFluentdWritesATime(String written, String expected) throws Exception {
        assertEquals(Optional.of(Duration.parse(expected)), node("    expire_dns_cache " + written).expireDnsCache());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "5 minutes", "PT10S", "10ms", "1w", "s"})
    void rejectsAnExpireDnsCacheThatIsNotATime(String value) {
        assertEquals(fx.at("up.conf", 8, "[NODE] 'node-3': expire_dns_cache '" + value + "' is not a time: write seconds"
                + " (60) or a number with s, m, h or d (30s, 5m), as Fluentd does"), failure("    expire_dns_cache " + value));
    }

    @Test
    void anErrorFoundLaterNamesTheLineOfItsKeyOrOfTheNode() throws Exception {
        UpstreamNode node = node("    tls off", "    dns_round_robin on");

        assertEquals(fx.at("up.conf", 9, "[NODE] 'node-3': no"), node.errorAt("dns_round_robin", "no").getMessage());
        assertEquals(fx.at("up.conf", 4, "[NODE] 'node-3': no"), node.errorAt("weight", "no").getMessage());
    }

    @Test
    void acceptsTextCompression() throws Exception {
        assertEquals(Optional.of(Compression.TEXT), node("    compress text").compress());
    }

    @Test
    void acceptsZstdCompressionWhenZstdJniIsOnTheClassPath() throws Exception {
        assertEquals(Optional.of(Compression.ZSTD), node("    compress Zstd").compress());
    }

    @Test
    void rejectsACompressionOtherThanTextGzipOrZstd() {
        assertEquals(fx.at("up.conf", 8, "[NODE] 'node-3': compress 'lz4' is not a compression: use text, gzip or zstd"),
                failure("    compress lz4"));
    }

    @Test
    void makesTheSharedKeyEmptyWithEmptySharedKeyOn() throws Exception {
        UpstreamNode node = node("    empty_shared_key on");

        assertTrue(node.emptySharedKey());
        assertEquals(Optional.of(""), node.sharedKey());
        assertTrue(node.requiresHandshake());
    }

    @Test
    void keepsTheSharedKeyWithEmptySharedKeyOff() throws Exception {
        UpstreamNode node = node("    empty_shared_key off", "    shared_key sk");

        assertFalse(node.emptySharedKey());
        assertEquals(Optional.of("sk"), node.sharedKey());
    }

    @Test
    void rejectsASharedKeyTogetherWithEmptySharedKeyOn() {
        assertEquals(fx.at("up.conf", 9, "[NODE] 'node-3': shared_key and empty_shared_key on contradict each other;"
                + " keep one"), failure("    empty_shared_key on", "    shared_key sk"));
    }

    @Test
    void acceptsUsernameAndPasswordWithEmptySharedKeyOn() throws Exception {
        UpstreamNode node = node("    empty_shared_key on", "    username alice", "    password pw");

        assertEquals(Optional.of("alice"), node.username());
    }

    @Test
    void rejectsUsernameAndPasswordWithoutASharedKey() {
        assertEquals(fx.at("up.conf", 8, "[NODE] 'node-3': username and password are sent only in the shared key"
                + " handshake; set shared_key (or empty_shared_key on) as well"),
                failure("    username alice", "    password pw"));
    }

    @Test
    void rejectsAUsernameWithoutPassword() {
        assertEquals(fx.at("up.conf", 9, "[NODE] 'node-3': username is set but password is not; set both or neither"),
                failure("    shared_key sk", "    username alice"));
    }

    @Test
    void rejectsAPasswordWithoutUsername() {
        assertEquals(fx.at("up.conf", 9, "[NODE] 'node-3': password is set but username is not; set both or neither"),
                failure("    shared_key sk", "    password pw"));
    }

    @Test
    void keepsUnknownKeysInFileOrderAndWarnsOnceForEach() throws Exception {
        UpstreamNode node = node("    zeta 1", "    Alpha two words", "    zeta 3", "    tls.provider_query x");

        assertEquals(List.of("zeta", "alpha", "tls.provider_query"), List.copyOf(node.unknownKeys().keySet()));
        assertEquals("two words", node.unknownKeys().get("alpha"));
        assertEquals(List.of(
                fx.at("up.conf", 8, "[NODE] 'node-3': unknown key 'zeta' is kept but not used"),
                fx.at("up.conf", 9, "[NODE] 'node-3': unknown key 'alpha' is kept but not used"),
                fx.at("up.conf", 10, "[NODE] 'node-3': key 'zeta' is repeated; keeping the first value (line 8)"),
                fx.at("up.conf", 11, "[NODE] 'node-3': unknown key 'tls.provider_query' is kept but not used")),
                fx.warnings);
    }

    @Test
    void readsEveryKnownKeyWithoutAWarning() throws Exception {
        Map<String, String> samples = new TreeMap<>(Map.ofEntries(Map.entry("name", "n"), Map.entry("host", "h"),
                Map.entry("port", "1"), Map.entry("tls", "on"), Map.entry("tls.verify", "on"),
                Map.entry("tls.verify_hostname", "on"), Map.entry("tls.debug", "2"), Map.entry("tls.ca_file", "a"),
                Map.entry("tls.ca_path", "b"), Map.entry("tls.crt_file", "c"), Map.entry("tls.key_file", "d"),
                Map.entry("tls.key_passwd", "e"), Map.entry("tls.vhost", "f"), Map.entry("shared_key", "g"),
                Map.entry("empty_shared_key", "off"), Map.entry("self_hostname", "i"), Map.entry("username", "j"),
                Map.entry("password", "k"), Map.entry("time_as_integer", "on"), Map.entry("send_options", "on"),
                Map.entry("require_ack_response", "on"), Map.entry("compress", "gzip"), Map.entry("tag", "l"),
                Map.entry("weight", "5"), Map.entry("standby", "on"),
                Map.entry("tls.min_version", "TLSv1.2"), Map.entry("tls.max_version", "TLSv1.3"),
                Map.entry("tls.ciphers", "ECDHE-RSA-AES128-GCM-SHA256"), Map.entry("dns_round_robin", "on"),
                Map.entry("expire_dns_cache", "0")));
        List<String> lines = new ArrayList<>(List.of("[UPSTREAM]", "    name up", "[NODE]"));
        samples.forEach((key, value) -> lines.add("    " + key + " " + value));
        fx.write("up.conf", lines.toArray(String[]::new));

        UpstreamNode node = fx.load("up.conf").nodes().get(0);

        assertEquals(NodeKeys.KNOWN, samples.keySet());
        assertEquals(Map.of(), node.unknownKeys());
        assertEquals(List.of(), fx.warnings);
    }
}
