package io.forwardlog.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.forwardlog.internal.forward.DeliveryException;
import io.forwardlog.internal.forward.SecureClient;
import io.forwardlog.testkit.pki.IssuedCertificate;
import io.forwardlog.testkit.pki.TestPki;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Only TLS 1.2 and 1.3 are offered and accepted. The JDK no longer lets a server be configured for
 * TLS 1.0 or 1.1, so that server is played by hand: it answers our ClientHello with a ServerHello
 * of the old version, as such a server does.
 */
class TlsProtocolVersionTest {

    private static final int PROTOCOL_VERSION_ALERT = 70;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

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
    void offersTls13AndTls12Only() throws Exception {
        try (OneConnectionServer<TlsRecords.ClientHello> server = OneConnectionServer.start(
                socket -> TlsRecords.readClientHello(socket.getInputStream()));
             SecureClient client = SecureClient.over(options().transport())) {
            client.refusal(server.host(), server.port());

            TlsRecords.ClientHello hello = server.await();
            assertEquals(List.of(TlsRecords.TLS_1_3, TlsRecords.TLS_1_2), hello.supportedVersions());
            assertEquals(TlsRecords.TLS_1_2, hello.legacyVersion());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {TlsRecords.TLS_1_0, TlsRecords.TLS_1_1})
    void refusesAServerLimitedToAnOlderVersion(int version) throws Exception {
        try (OneConnectionServer<Integer> server = OneConnectionServer.start(socket -> {
            TlsRecords.readClientHello(socket.getInputStream());
            socket.getOutputStream().write(TlsRecords.serverHello(version));
            return TlsRecords.readAlertDescription(socket.getInputStream());
        }); SecureClient client = SecureClient.over(options().transport())) {
            DeliveryException refusal = client.refusal(server.host(), server.port());

            assertEquals(DeliveryException.Kind.TLS, refusal.kind());
            assertEquals("TLS handshake failed: the node and we share no TLS version or cipher"
                    + " (we offer TLS 1.2 and 1.3)", refusal.getMessage());
            assertEquals(PROTOCOL_VERSION_ALERT, server.await());
        }
    }

    @Test
    void agreesOnTls13WithAServerThatOffersIt() throws Exception {
        RecordingServerContext recording = RecordingServerContext.serving(loopback);
        try (TlsServer.Running server = TlsServer.RECEIVER.start(recording.context(), loopback, null);
             SecureClient client = SecureClient.over(options().transport())) {
            client.deliver(server.host(), server.port(), "over the newest version");

            assertEquals(List.of("TLSv1.3"), recording.protocols());
        }
    }

    @Test
    void agreesOnTls12WithAServerLimitedToIt() throws Exception {
        try (OneConnectionServer<String> server = OneConnectionServer.start(raw -> {
            SSLSocket tls = (SSLSocket) loopback.serverContext().getSocketFactory().createSocket(raw,
                    raw.getInetAddress().getHostAddress(), raw.getPort(), true);
            tls.setUseClientMode(false);
            tls.setEnabledProtocols(new String[] {"TLSv1.2"});
            tls.startHandshake();
            return tls.getSession().getProtocol();
        }); SecureClient client = SecureClient.over(options().transport())) {
            client.connectAndClose(server.host(), server.port());

            assertEquals("TLSv1.2", server.await());
        }
    }

    private static TlsTestOptions options() {
        return TlsTestOptions.verifying().caFile(pki.ca().certificatePem());
    }
}
