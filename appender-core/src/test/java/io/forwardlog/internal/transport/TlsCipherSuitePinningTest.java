package io.forwardlog.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.TlsVersion;
import io.forwardlog.internal.forward.DeliveryException;
import io.forwardlog.internal.forward.SecureClient;
import io.forwardlog.testkit.pki.IssuedCertificate;
import io.forwardlog.testkit.pki.TestPki;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code tls.ciphers} decides the suites of the ClientHello and so the one agreed, whether written by
 * OpenSSL or IANA names; a list without a TLS 1.3 suite leaves TLS 1.3 its defaults, as with Fluent Bit.
 * The servers are the JDK's, with its own default suites and preferences.
 */
class TlsCipherSuitePinningTest {

    /** The TLS 1.3 suites BouncyCastle enables by default, in its order of preference. */
    private static final List<String> TLS13_DEFAULTS = List.of("TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_AES_128_GCM_SHA256");
    /** Not a suite: the secure renegotiation signal of RFC 5746, which BouncyCastle sends when it offers TLS 1.2. */
    private static final String RENEGOTIATION_SIGNAL = "TLS_EMPTY_RENEGOTIATION_INFO_SCSV";

    @TempDir
    static Path directory;
    private static TestPki pki;
    private static IssuedCertificate loopback;

    @BeforeAll
    static void issueCertificates() {
        pki = TestPki.create(directory.resolve("pki"));
        loopback = pki.server("127.0.0.1");
    }

    @ParameterizedTest
    @CsvSource({
        "ECDHE-RSA-AES128-SHA256, TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
        "ecdhe-rsa-aes256-sha, TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
        "ECDHE-RSA-CHACHA20-POLY1305, TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
        "DHE-RSA-AES128-GCM-SHA256, TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"})
    void aPinnedTls12SuiteIsTheOneAgreed(String written, String agreed) throws Exception {
        assertEquals("TLSv1.2 " + agreed, agreed(options().versions(TlsVersion.TLS_1_2, TlsVersion.TLS_1_2)
                .ciphers(written)));
    }

    @ParameterizedTest
    @CsvSource({"TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256", "tls_aes_256_gcm_sha384"})
    void aPinnedTls13SuiteIsTheOneAgreed(String written) throws Exception {
        assertEquals("TLSv1.3 " + written.toUpperCase(Locale.ROOT), agreed(options().ciphers(written)));
    }

    @Test
    void aListWithoutTls13SuitesLeavesTls13ItsDefaultSuites() throws Exception {
        TlsTestOptions options = options().ciphers("ECDHE-RSA-AES128-GCM-SHA256");

        TlsRecords.ClientHello hello = helloOf(options);
        assertEquals(List.of(TlsRecords.TLS_1_3, TlsRecords.TLS_1_2), hello.supportedVersions());
        List<String> offered = new ArrayList<>(TLS13_DEFAULTS);
        offered.addAll(List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", RENEGOTIATION_SIGNAL));
        assertEquals(offered, hello.cipherSuites());
        String agreed = agreed(options);
        assertTrue(agreed.startsWith("TLSv1.3 ") && TLS13_DEFAULTS.contains(agreed.substring(8)), agreed);
    }

    @Test
    void aListWithTls13SuitesOnlyLeavesTls12Out() throws Exception {
        TlsRecords.ClientHello hello = helloOf(options().ciphers("TLS_AES_128_GCM_SHA256"));

        assertEquals(List.of(TlsRecords.TLS_1_3), hello.supportedVersions());
        assertEquals(List.of("TLS_AES_128_GCM_SHA256"), hello.cipherSuites());
    }

    @Test
    void theListIsOfferedInItsOrderWhateverTheNamesAreWrittenIn() throws Exception {
        TlsRecords.ClientHello hello = helloOf(options().ciphers(
                "TLS_AES_256_GCM_SHA384, ECDHE-RSA-AES256-GCM-SHA384 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256;"
                        + "tls_aes_128_gcm_sha256:ECDHE-RSA-AES256-GCM-SHA384"));

        assertEquals(List.of("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", RENEGOTIATION_SIGNAL), hello.cipherSuites());
    }

    @Test
    void noSharedSuiteFailsSayingWhichWeOffer() throws Exception {
        try (OneConnectionServer<String> server = AgreementServer.start(loopback, new String[] {"TLSv1.2"},
                new String[] {"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"});
             SecureClient client = SecureClient.over(options().versions(TlsVersion.TLS_1_2, TlsVersion.TLS_1_2)
                     .ciphers("ECDHE-RSA-AES128-SHA256:ECDHE-RSA-AES128-GCM-SHA256").transport())) {
            DeliveryException refusal = client.refusal(server.host(), server.port());

            assertEquals(DeliveryException.Kind.TLS, refusal.kind());
            assertEquals("TLS handshake failed: the node and we share no TLS version or cipher (we offer TLS 1.2"
                    + " only, with TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)",
                    refusal.getMessage());
        }
    }

    @Test
    void noSharedSuiteOrVersionFailsSayingWhatWeOfferForEachVersion() throws Exception {
        try (OneConnectionServer<String> server = AgreementServer.start(loopback, new String[] {"TLSv1.2"},
                new String[] {"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"});
             SecureClient client = SecureClient.over(options().ciphers("ECDHE-RSA-AES128-GCM-SHA256").transport())) {
            DeliveryException refusal = client.refusal(server.host(), server.port());

            assertEquals("TLS handshake failed: the node and we share no TLS version or cipher (we offer TLS 1.2 with"
                    + " TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256; TLS 1.3 with its default suites)", refusal.getMessage());
        }
    }

    private static String agreed(TlsTestOptions options) throws Exception {
        try (OneConnectionServer<String> server = AgreementServer.start(loopback);
             SecureClient client = SecureClient.over(options.transport())) {
            client.connectAndClose(server.host(), server.port());

            return server.await();
        }
    }

    private static TlsRecords.ClientHello helloOf(TlsTestOptions options) throws Exception {
        try (OneConnectionServer<TlsRecords.ClientHello> server = OneConnectionServer.start(
                socket -> TlsRecords.readClientHello(socket.getInputStream()));
             SecureClient client = SecureClient.over(options.transport())) {
            client.refusal(server.host(), server.port());

            return server.await();
        }
    }

    private static TlsTestOptions options() {
        return TlsTestOptions.verifying().caFile(pki.ca().certificatePem());
    }
}
