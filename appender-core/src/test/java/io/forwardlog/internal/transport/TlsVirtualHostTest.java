package io.forwardlog.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.forwardlog.internal.forward.DeliveryException;
import io.forwardlog.internal.forward.SecureClient;
import io.forwardlog.testkit.pki.IssuedCertificate;
import io.forwardlog.testkit.pki.TestPki;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tls.vhost} is the name sent with SNI and checked against the certificate, in place of the
 * node's host; without it the host is, and an IP address is never sent with SNI.
 */
class TlsVirtualHostTest {

    @TempDir
    static Path directory;
    private static TestPki pki;
    private static IssuedCertificate virtualHost;

    @BeforeAll
    static void issueCertificates() {
        pki = TestPki.create(directory.resolve("pki"));
        virtualHost = pki.server("fluent.example");
    }

    @Test
    void sendsTheVhostWithSniAndVerifiesTheCertificateAgainstIt() throws Exception {
        RecordingServerContext recording = RecordingServerContext.serving(virtualHost);
        try (TlsServer.Running server = TlsServer.RECEIVER.start(recording.context(), virtualHost, null);
             SecureClient client = SecureClient.over(options().vhost("fluent.example").transport())) {
            client.deliver(server.host(), server.port(), "to a virtual host");

            assertEquals(List.of("to a virtual host"), server.awaitMessages(1));
            assertEquals(List.of(List.of("fluent.example")), recording.serverNames());
        }
    }

    @Test
    void verifiesTheNodeServersCertificateAgainstTheVhost() throws Exception {
        try (TlsServer.Running server = TlsServer.NODE.start(virtualHost);
             SecureClient client = SecureClient.over(options().vhost("fluent.example").transport())) {
            client.deliver(server.host(), server.port(), "to a virtual host");

            assertEquals(List.of("to a virtual host"), server.awaitMessages(1));
        }
    }

    @Test
    void refusesANodeWhoseCertificateDoesNotNameTheVhost() throws Exception {
        try (TlsServer.Running server = TlsServer.NODE.start(virtualHost);
             SecureClient client = SecureClient.over(options().vhost("other.example").transport())) {
            DeliveryException refusal = client.refusal(server.host(), server.port());

            assertEquals("TLS handshake failed: the node's certificate does not match host name 'other.example'"
                    + " (set tls.vhost to the name in the certificate, or tls.verify_hostname off)", refusal.getMessage());
        }
    }

    @Test
    void sendsTheNodesHostNameWithSniWhenNoVhostIsSet() throws Exception {
        IssuedCertificate localhost = pki.server("localhost");
        RecordingServerContext recording = RecordingServerContext.serving(localhost);
        try (TlsServer.Running server = TlsServer.RECEIVER.start(recording.context(), localhost, null);
             SecureClient client = SecureClient.over(options().transport())) {
            client.deliver("localhost", server.port(), "to localhost");

            assertEquals(List.of("to localhost"), server.awaitMessages(1));
            assertEquals(List.of(List.of("localhost")), recording.serverNames());
        }
    }

    @Test
    void sendsNoSniForAnIpAddress() throws Exception {
        IssuedCertificate loopback = pki.server("127.0.0.1");
        RecordingServerContext recording = RecordingServerContext.serving(loopback);
        try (TlsServer.Running server = TlsServer.RECEIVER.start(recording.context(), loopback, null);
             SecureClient client = SecureClient.over(options().transport())) {
            client.deliver(server.host(), server.port(), "to an address");

            assertEquals(List.of("to an address"), server.awaitMessages(1));
            assertEquals(List.of(List.of()), recording.serverNames());
        }
    }

    private static TlsTestOptions options() {
        return TlsTestOptions.verifying().caFile(pki.ca().certificatePem());
    }
}
