package io.forwardlog.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.TlsVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code tls.min_version}, {@code tls.max_version} and {@code tls.ciphers}: what they accept and what they refuse. */
class TlsNodeKeysTest {

    private static final String SUITES_BY_NAME = "; name suites as OpenSSL does (ECDHE-RSA-AES128-GCM-SHA256) or as"
            + " IANA does (TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)";
    private static final String NOT_EXPANDED = ", a class or an operator of OpenSSL's cipher strings, which forwardlog"
            + " does not expand; list the suites themselves, e.g. ECDHE-RSA-AES128-GCM-SHA256:TLS_AES_128_GCM_SHA256";

    @TempDir
    Path dir;

    private UpstreamFixture fx;

    @BeforeEach
    void setUp() {
        fx = new UpstreamFixture(dir);
    }

    /** Loads node-3 (its header on line 4) with {@code tls on} on line 8 and the key lines after it. */
    private UpstreamNode node(String... keyLines) throws UpstreamFileException {
        return fx.node3(withTls(keyLines));
    }

    private String failure(String... keyLines) {
        return fx.node3Failure(withTls(keyLines));
    }

    private static String[] withTls(String... keyLines) {
        List<String> lines = new ArrayList<>(List.of("    tls on"));
        lines.addAll(List.of(keyLines));
        return lines.toArray(String[]::new);
    }

    @Test
    void leavesVersionsAndSuitesToTheAppenderWhenTheNodeSetsNone() throws Exception {
        UpstreamNode node = node();

        assertEquals(Optional.empty(), node.tlsMinVersion());
        assertEquals(Optional.empty(), node.tlsMaxVersion());
        assertEquals(Optional.empty(), node.tlsCiphers());
    }

    @ParameterizedTest
    @CsvSource({"TLSv1.2, TLS_1_2", "tlsv1.2, TLS_1_2", "TLSV1.3, TLS_1_3", "TLSv1.3, TLS_1_3"})
    void readsFluentBitsVersionNamesInAnyCase(String written, TlsVersion version) throws Exception {
        UpstreamNode node = node("    tls.min_version " + written, "    tls.max_version " + written);

        assertEquals(Optional.of(version), node.tlsMinVersion());
        assertEquals(Optional.of(version), node.tlsMaxVersion());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SSLv2", "SSLv3", "TLSv1", "TLSv1.0", "TLSv1.1", "tlsv1.1", "TLSv1_1"})
    void refusesAnOlderVersionSayingWhichItSpeaks(String written) {
        assertEquals(fx.at("up.conf", 9, "[NODE] 'node-3': tls.min_version '" + written + "' is too old: forwardlog"
                + " speaks TLS 1.2 and 1.3 only; use TLSv1.2 or TLSv1.3"), failure("    tls.min_version " + written));
        assertEquals(fx.at("up.conf", 9, "[NODE] 'node-3': tls.max_version '" + written + "' is too old: forwardlog"
                + " speaks TLS 1.2 and 1.3 only; use TLSv1.2 or TLSv1.3"), failure("    tls.max_version " + written));
    }

    @ParameterizedTest
    @CsvSource({"TLSv1_2, TLSv1.2", "TLS1_3, TLSv1.3", "TLS1.2, TLSv1.2", "tls1_2, TLSv1.2"})
    void refusesOtherSpellingsOfAVersionNamingFluentBits(String written, String fluentBit) {
        assertEquals(fx.at("up.conf", 9, "[NODE] 'node-3': tls.max_version '" + written
                + "' is spelled differently here: write " + fluentBit + ", as Fluent Bit does"),
                failure("    tls.max_version " + written));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.4", "1.2", "TLS", "latest"})
    void refusesAnUnknownVersion(String written) {
        assertEquals(fx.at("up.conf", 9, "[NODE] 'node-3': tls.min_version '" + written
                + "' is not a TLS version; use TLSv1.2 or TLSv1.3"), failure("    tls.min_version " + written));
    }

    @Test
    void refusesALowestVersionAboveTheHighestAtTheLineOfTheHighest() {
        assertEquals(fx.at("up.conf", 10, "[NODE] 'node-3': tls.min_version TLSv1.3 is above tls.max_version TLSv1.2"),
                failure("    tls.min_version TLSv1.3", "    tls.max_version TLSv1.2"));
        assertEquals(fx.at("up.conf", 9, "[NODE] 'node-3': tls.min_version TLSv1.3 is above tls.max_version TLSv1.2"),
                failure("    tls.max_version TLSv1.2", "    tls.min_version TLSv1.3"));
    }

    @Test
    void readsOpenSslAndIanaNamesIntoIanaNamesInTheOrderGiven() throws Exception {
        UpstreamNode node = node("    tls.ciphers ECDHE-RSA-AES128-GCM-SHA256:TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"
                + ":TLS_AES_128_GCM_SHA256:dhe-rsa-chacha20-poly1305");

        assertEquals(Optional.of(List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256",
                "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256")), node.tlsCiphers());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ECDHE-RSA-AES128-GCM-SHA256:TLS_AES_128_GCM_SHA256",
        "ECDHE-RSA-AES128-GCM-SHA256,TLS_AES_128_GCM_SHA256", "ECDHE-RSA-AES128-GCM-SHA256 TLS_AES_128_GCM_SHA256",
        "ECDHE-RSA-AES128-GCM-SHA256, TLS_AES_128_GCM_SHA256", "ECDHE-RSA-AES128-GCM-SHA256;TLS_AES_128_GCM_SHA256",
        ":ECDHE-RSA-AES128-GCM-SHA256::TLS_AES_128_GCM_SHA256:",
        "ECDHE-RSA-AES128-GCM-SHA256:TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256:TLS_AES_128_GCM_SHA256"})
    void takesTheSeparatorsOpenSslTakesAndEachSuiteOnce(String list) throws Exception {
        assertEquals(Optional.of(List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256")),
                node("    tls.ciphers " + list).tlsCiphers());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ECDHE-RSA-AES128-GCM-SHA512", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA512", "RC4-SHA",
        "DES-CBC3-SHA", "TLS_RSA_WITH_NULL_SHA256", "ADH-AES128-SHA"})
    void refusesANameThatIsNoSuiteForwardlogOffersNamingIt(String suite) {
        assertEquals(fx.at("up.conf", 9, "[NODE] 'node-3': tls.ciphers names '" + suite
                + "', which is not a cipher suite forwardlog offers" + SUITES_BY_NAME),
                failure("    tls.ciphers ECDHE-RSA-AES128-GCM-SHA256:" + suite + ":TLS_AES_128_GCM_SHA256"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HIGH", "DEFAULT", "ALL", "aNULL", "!aNULL", "-kRSA", "+AES", "@STRENGTH", "@SECLEVEL=2",
        "ECDHE+AESGCM", "kEECDH", "AESGCM", "high"})
    void refusesOpenSslClassesAndOperatorsNamingThem(String word) {
        assertEquals(fx.at("up.conf", 9, "[NODE] 'node-3': tls.ciphers names '" + word + "'" + NOT_EXPANDED),
                failure("    tls.ciphers ECDHE-RSA-AES128-GCM-SHA256:" + word));
    }

    @Test
    void refusesFluentdsDefaultListAtItsFirstClass() {
        assertEquals(fx.at("up.conf", 9, "[NODE] 'node-3': tls.ciphers names 'ALL'" + NOT_EXPANDED),
                failure("    tls.ciphers ALL:!aNULL:!eNULL:!SSLv2"));
    }

    @Test
    void refusesAListOfSeparatorsOnly() {
        assertEquals(fx.at("up.conf", 9, "[NODE] 'node-3': tls.ciphers names no cipher suite; list them separated by"
                + " ':', e.g. ECDHE-RSA-AES128-GCM-SHA256:TLS_AES_128_GCM_SHA256"), failure("    tls.ciphers : ,"));
    }

    @Test
    void refusesTls13SuitesOnlyWhenTls13IsRuledOut() {
        assertEquals(fx.at("up.conf", 9, "[NODE] 'node-3': tls.ciphers names only TLS 1.3 suites, but tls.max_version"
                + " TLSv1.2 leaves TLS 1.3 out: no suite could be agreed"),
                failure("    tls.max_version TLSv1.2", "    tls.ciphers TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384"));
    }

    @Test
    void takesTls12SuitesOnlyWithTls13Only() throws Exception {
        UpstreamNode node = node("    tls.min_version TLSv1.3", "    tls.ciphers ECDHE-RSA-AES128-GCM-SHA256");

        assertEquals(Optional.of(List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")), node.tlsCiphers());
    }

    @Test
    void aChangeOfVersionOrSuitesIsAChangeOfTheNodeAndShowsInItsDescription() throws Exception {
        UpstreamNode plain = node();
        UpstreamNode pinned = node("    tls.min_version TLSv1.3", "    tls.max_version tlsv1.3",
                "    tls.ciphers TLS_AES_256_GCM_SHA384");
        UpstreamNode samePinned = node("    tls.ciphers tls_aes_256_gcm_sha384", "    tls.max_version TLSv1.3",
                "    tls.min_version TLSv1.3");

        assertNotEquals(plain, pinned);
        assertEquals(pinned, samePinned);
        assertEquals(pinned.hashCode(), samePinned.hashCode());
        assertTrue(pinned.toString().contains(", tls.min_version=TLSv1.3, tls.max_version=TLSv1.3,"
                + " tls.ciphers=TLS_AES_256_GCM_SHA384,"), pinned.toString());
        assertEquals(List.of(), fx.warnings);
    }

    @Test
    void readsTheSameKeysFromTheYamlForm() throws Exception {
        fx.write("up.yaml", "upstream_servers:", "  - name: up", "    nodes:", "      - name: node-3",
                "        host: 127.0.0.1", "        port: 45000", "        tls: on", "        tls.min_version: TLSv1.3",
                "        tls.ciphers: ECDHE-RSA-AES128-GCM-SHA256:TLS_AES_128_GCM_SHA256");

        UpstreamNode node = fx.load("up.yaml").nodes().get(0);

        assertEquals(Optional.of(TlsVersion.TLS_1_3), node.tlsMinVersion());
        assertEquals(Optional.of(List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256")),
                node.tlsCiphers());
    }

    @Test
    void refusesAnOlderVersionInTheYamlFormAtItsLine() {
        fx.write("up.yaml", "upstream_servers:", "  - name: up", "    nodes:", "      - name: node-3",
                "        host: 127.0.0.1", "        port: 45000", "        tls.max_version: TLSv1.1");

        assertEquals(fx.at("up.yaml", 7, "[NODE] 'node-3': tls.max_version 'TLSv1.1' is too old: forwardlog speaks"
                + " TLS 1.2 and 1.3 only; use TLSv1.2 or TLSv1.3"), fx.failure("up.yaml").getMessage());
    }
}
