package io.forwardlog.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.TlsVersion;
import io.forwardlog.internal.forward.DeliveryException;
import io.forwardlog.internal.forward.SecureClient;
import io.forwardlog.testkit.pki.IssuedCertificate;
import io.forwardlog.testkit.pki.TestPki;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tls.min_version} and {@code tls.max_version} decide what the ClientHello offers and what is agreed. */
class TlsVersionPinningTest {

    @TempDir
    static Path directory;
    private static TestPki pki;
    private static IssuedCertificate loopback;

    @BeforeAll
    static void issueCertificates() {
        pki = TestPki.create(directory.resolve("pki"));
        loopback = pki.server("127.0.0.1");
    }

    @Test
    void tls13OnlyOffersTls13Alone() throws Exception {
        assertEquals(List.of(TlsRecords.TLS_1_3), helloOf(TlsVersion.TLS_1_3, TlsVersion.TLS_1_3).supportedVersions());
    }

    @Test
    void tls12OnlyOffersTls12Alone() throws Exception {
        TlsRecords.ClientHello hello = helloOf(TlsVersion.TLS_1_2, TlsVersion.TLS_1_2);

        assertEquals(TlsRecords.TLS_1_2, hello.legacyVersion());
        assertEquals(List.of(), hello.supportedVersions(), "a TLS 1.2 client sends no supported_versions");
    }

    @Test
    void tls13OnlyAgainstAServerLimitedToTls12FailsSayingWhatWeOffer() throws Exception {
        try (OneConnectionServer<String> server = AgreementServer.start(loopback, new String[] {"TLSv1.2"}, null);
             SecureClient client = SecureClient.over(options().versions(TlsVersion.TLS_1_3, TlsVersion.TLS_1_3)
                     .transport())) {
            DeliveryException refusal = client.refusal(server.host(), server.port());

            assertEquals(DeliveryException.Kind.TLS, refusal.kind());
            assertEquals("TLS handshake failed: the node and we share no TLS version or cipher (we offer TLS 1.3 only)",
                    refusal.getMessage());
            assertTrue(server.await().startsWith("refused: "), "the server refused the handshake");
        }
    }

    @Test
    void tls12OnlyAgainstAServerLimitedToTls13FailsSayingWhatWeOffer() throws Exception {
        try (OneConnectionServer<String> server = AgreementServer.start(loopback, new String[] {"TLSv1.3"}, null);
             SecureClient client = SecureClient.over(options().versions(TlsVersion.TLS_1_2, TlsVersion.TLS_1_2)
                     .transport())) {
            DeliveryException refusal = client.refusal(server.host(), server.port());

            assertEquals("TLS handshake failed: the node and we share no TLS version or cipher (we offer TLS 1.2 only)",
                    refusal.getMessage());
        }
    }

    @Test
    void tls12OnlyIsAgreedWithAServerThatOffersBoth() throws Exception {
        assertEquals("TLSv1.2", protocolAgreed(TlsVersion.TLS_1_2, TlsVersion.TLS_1_2));
    }

    @Test
    void tls13OnlyIsAgreedWithAServerThatOffersBoth() throws Exception {
        assertEquals("TLSv1.3", protocolAgreed(TlsVersion.TLS_1_3, TlsVersion.TLS_1_3));
    }

    private static String protocolAgreed(TlsVersion min, TlsVersion max) throws Exception {
        try (OneConnectionServer<String> server = AgreementServer.start(loopback);
             SecureClient client = SecureClient.over(options().versions(min, max).transport())) {
            client.connectAndClose(server.host(), server.port());

            return server.await().split(" ")[0];
        }
    }

    private static TlsRecords.ClientHello helloOf(TlsVersion min, TlsVersion max) throws Exception {
        try (OneConnectionServer<TlsRecords.ClientHello> server = OneConnectionServer.start(
                socket -> TlsRecords.readClientHello(socket.getInputStream()));
             SecureClient client = SecureClient.over(options().versions(min, max).transport())) {
            client.refusal(server.host(), server.port());

            return server.await();
        }
    }

    private static TlsTestOptions options() {
        return TlsTestOptions.verifying().caFile(pki.ca().certificatePem());
    }
}
