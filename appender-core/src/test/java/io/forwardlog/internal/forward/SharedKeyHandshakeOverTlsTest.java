package io.forwardlog.internal.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.forwardlog.internal.transport.TlsMaterialException;
import io.forwardlog.internal.transport.TlsOffer;
import io.forwardlog.internal.transport.TlsOptions;
import io.forwardlog.internal.transport.TlsTransport;
import io.forwardlog.interop.NodeFluentServer;
import io.forwardlog.testkit.ForwardReceiver;
import io.forwardlog.testkit.pki.IssuedCertificate;
import io.forwardlog.testkit.pki.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS and the shared-key handshake together, as node-3 of the seed upstream file has them:
 * {@code tls on}, {@code tls.verify off}, {@code shared_key secret}. The handshake runs inside TLS.
 */
class SharedKeyHandshakeOverTlsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String KEY = "secret";

    @TempDir
    static Path directory;
    private static IssuedCertificate selfSigned;

    @BeforeAll
    static void issueCertificate() {
        selfSigned = TestPki.selfSignedServer(directory, "127.0.0.1");
    }

    @Test
    void deliversToTheReceiverOverTlsAfterTheHandshake() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.builder().tls(selfSigned.serverContext()).sharedKey(KEY)
                .udpHeartbeat(false).start();
             SecureClient client = client(KEY)) {
            client.deliver(receiver.host(), receiver.port(), "node-3");

            assertEquals("node-3", receiver.awaitEvents(1, TIMEOUT).get(0).record().get("message"));
        }
    }

    @Test
    void deliversToTheNodeServerOverTlsAfterTheHandshake() throws Exception {
        try (NodeFluentServer server = nodeServer(); SecureClient client = client(KEY)) {
            client.deliver(server.host(), server.port(), "node-3");

            assertEquals("node-3", server.awaitEvents(1, TIMEOUT).get(0).record().get("message"));
        }
    }

    @Test
    void reportsAWrongKeyOverTlsAsAnAuthenticationFailure() throws Exception {
        try (NodeFluentServer server = nodeServer(); SecureClient client = client("not-" + KEY)) {
            DeliveryException refusal = client.refusal(server.host(), server.port());

            assertEquals(DeliveryException.Kind.AUTHENTICATION, refusal.kind());
            assertEquals("authentication failed: shared key mismatch", refusal.getMessage());
        }
    }

    private static NodeFluentServer nodeServer() throws Exception {
        return NodeFluentServer.builder().sharedKey(KEY)
                .tls(pem(selfSigned.privateKeyPkcs8Pem()), pem(selfSigned.certificatePem())).start();
    }

    private static SecureClient client(String key) throws TlsMaterialException {
        TlsOptions verifyOff = new TlsOptions(false, true, 1, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), TlsOffer.DEFAULT);
        return SecureClient.over(TlsTransport.load(verifyOff, warning -> { }),
                new SharedKeyHandshake(new SharedKeyCredentials("app-host-1", key, Optional.empty(), Optional.empty())));
    }

    private static String pem(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.US_ASCII);
    }
}
