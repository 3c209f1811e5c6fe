package io.forwardlog.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.forwardlog.internal.forward.DeliveryException;
import io.forwardlog.internal.forward.SecureClient;
import io.forwardlog.testkit.ForwardReceiver;
import io.forwardlog.testkit.pki.IssuedCertificate;
import io.forwardlog.testkit.pki.TestPki;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * With verification on, a node whose certificate is untrusted, names another host, or is outside
 * its dates is refused before any event is sent, with a message that names the problem.
 */
class TlsRefusalTest {

    private static final String NOT_TRUSTED =
            "TLS handshake failed: the node's certificate is not trusted (give its CA with tls.ca_file or tls.ca_path)";

    @TempDir
    static Path directory;
    private static TestPki pki;

    private static IssuedCertificate selfSigned;

    @BeforeAll
    static void issueCertificates() {
        pki = TestPki.create(directory.resolve("pki"));
        selfSigned = TestPki.selfSignedServer(directory.resolve("self-signed"), "127.0.0.1");
    }

    @ParameterizedTest
    @EnumSource(TlsServer.class)
    void refusesASelfSignedCertificateThatTheCaFileDoesNotVouchFor(TlsServer kind) throws Exception {
        assertRefused(kind, selfSigned, TlsTestOptions.verifying().caFile(pki.ca().certificatePem()), NOT_TRUSTED);
    }

    @ParameterizedTest
    @EnumSource(TlsServer.class)
    void refusesACertificateOfAPrivateCaWhenOnlyTheJdkTrustStoreIsUsed(TlsServer kind) throws Exception {
        assertRefused(kind, pki.server("127.0.0.1"), TlsTestOptions.verifying(), NOT_TRUSTED);
    }

    @ParameterizedTest
    @EnumSource(TlsServer.class)
    void refusesACertificateThatNamesAnotherHost(TlsServer kind) throws Exception {
        assertRefused(kind, pki.server("fluent.example"), TlsTestOptions.verifying().caFile(pki.ca().certificatePem()),
                "TLS handshake failed: the node's certificate does not match host name '127.0.0.1'"
                        + " (set tls.vhost to the name in the certificate, or tls.verify_hostname off)");
    }

    @ParameterizedTest
    @EnumSource(TlsServer.class)
    void refusesAnExpiredCertificate(TlsServer kind) throws Exception {
        assertRefused(kind, pki.expiredServer("127.0.0.1"), TlsTestOptions.verifying().caFile(pki.ca().certificatePem()),
                "TLS handshake failed: the node's certificate has expired");
    }

    @ParameterizedTest
    @EnumSource(TlsServer.class)
    void refusesACertificateThatIsNotYetValid(TlsServer kind) throws Exception {
        assertRefused(kind, pki.notYetValidServer("127.0.0.1"),
                TlsTestOptions.verifying().caFile(pki.ca().certificatePem()),
                "TLS handshake failed: the node's certificate is not yet valid");
    }

    @Test
    void saysSoWhenTheNodeDoesNotSpeakTls() throws Exception {
        try (ForwardReceiver plain = ForwardReceiver.builder().udpHeartbeat(false).start();
             SecureClient client = SecureClient.over(TlsTestOptions.verifying().transport())) {
            DeliveryException refusal = client.refusal(plain.host(), plain.port());

            assertEquals(DeliveryException.Kind.TLS, refusal.kind());
            assertEquals("TLS handshake failed: the node closed the connection during the TLS handshake"
                    + " (does it speak TLS on this port?)",
                    refusal.getMessage());
        }
    }

    private static void assertRefused(TlsServer kind, IssuedCertificate certificate, TlsTestOptions options,
                                      String message) throws Exception {
        try (TlsServer.Running server = kind.start(certificate);
             SecureClient client = SecureClient.over(options.transport())) {
            DeliveryException refusal = client.refusal(server.host(), server.port());

            assertEquals(DeliveryException.Kind.TLS, refusal.kind());
            assertEquals(message, refusal.getMessage());
        }
    }
}
