package io.forwardlog.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.forwardlog.internal.forward.SecureClient;
import io.forwardlog.testkit.pki.IssuedCertificate;
import io.forwardlog.testkit.pki.TestPki;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Events reach a TLS node when its certificate is trusted through {@code tls.ca_file} or
 * {@code tls.ca_path}, or when {@code tls.verify} / {@code tls.verify_hostname} are off, against
 * our receiver and the Node FluentServer.
 */
class TlsVerificationTest {

    @TempDir
    static Path directory;
    private static TestPki pki;
    private static IssuedCertificate loopback;
    private static IssuedCertificate anotherName;
    private static IssuedCertificate selfSigned;

    @BeforeAll
    static void issueCertificates() {
        pki = TestPki.create(directory.resolve("pki"));
        loopback = pki.server("localhost", "127.0.0.1");
        anotherName = pki.server("fluent.example");
        selfSigned = TestPki.selfSignedServer(directory.resolve("self-signed"), "localhost", "127.0.0.1");
    }

    @ParameterizedTest
    @EnumSource(TlsServer.class)
    void deliversToANodeWhoseCaIsInTheCaFile(TlsServer kind) throws Exception {
        assertDelivered(kind, loopback, TlsTestOptions.verifying().caFile(pki.ca().certificatePem()));
    }

    @ParameterizedTest
    @EnumSource(TlsServer.class)
    void deliversToANodeWhoseCaIsInTheCaPathDirectory(TlsServer kind) throws Exception {
        assertDelivered(kind, loopback, TlsTestOptions.verifying().caPath(pki.ca().certificateDirectory()));
    }

    @ParameterizedTest
    @EnumSource(TlsServer.class)
    void deliversToANodeWithASelfSignedCertificateWhenVerifyIsOff(TlsServer kind) throws Exception {
        assertDelivered(kind, selfSigned, TlsTestOptions.verifying().verifyOff());
    }

    @ParameterizedTest
    @EnumSource(TlsServer.class)
    void deliversToANodeWhoseCertificateNamesAnotherHostWhenOnlyTheHostnameCheckIsOff(TlsServer kind)
            throws Exception {
        assertDelivered(kind, anotherName,
                TlsTestOptions.verifying().caFile(pki.ca().certificatePem()).verifyHostnameOff());
    }

    private static void assertDelivered(TlsServer kind, IssuedCertificate certificate, TlsTestOptions options)
            throws Exception {
        try (TlsServer.Running server = kind.start(certificate);
             SecureClient client = SecureClient.over(options.transport())) {
            client.deliver(server.host(), server.port(), "over tls");

            assertEquals(List.of("over tls"), server.awaitMessages(1));
        }
    }
}
