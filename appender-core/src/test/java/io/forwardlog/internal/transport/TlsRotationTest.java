package io.forwardlog.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.forwardlog.internal.forward.SecureClient;
import io.forwardlog.testkit.pki.IssuedCertificate;
import io.forwardlog.testkit.pki.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Certificate, key and CA files replaced on disk are used by the next connection of the same
 * transport, without a restart; files caught broken are reported and the previous ones stay in use.
 */
class TlsRotationTest {

    @TempDir
    static Path pkiDirectory;
    private static TestPki pki;
    private static TestPki otherPki;
    private static IssuedCertificate loopback;
    private static IssuedCertificate serverOfOtherPki;

    @TempDir
    Path directory;
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void createPkis() {
        pki = TestPki.create(pkiDirectory.resolve("pki"));
        otherPki = TestPki.create(pkiDirectory.resolve("other-pki"));
        loopback = pki.server("127.0.0.1");
        serverOfOtherPki = otherPki.server("127.0.0.1");
    }

    @Test
    void presentsAReissuedClientCertificateOnTheNextConnection() throws Exception {
        IssuedCertificate client = pki.client("rotating-app");
        RecordingServerContext recording = RecordingServerContext.serving(loopback, pki.ca());
        try (TlsServer.Running receiver = TlsServer.RECEIVER.start(recording.context(), loopback, pki.ca());
             SecureClient secureClient = SecureClient.over(transport(TlsTestOptions.verifying()
                     .caFile(pki.ca().certificatePem())
                     .clientCertificate(client.certificatePem(), client.privateKeyPkcs8Pem())))) {
            secureClient.deliver(receiver.host(), receiver.port(), "before rotation");
            IssuedCertificate renewed = client.reissue();
            secureClient.deliver(receiver.host(), receiver.port(), "after rotation");

            assertEquals(List.of("before rotation", "after rotation"), receiver.awaitMessages(2));
            List<X509Certificate> presented = recording.clientCertificates();
            assertEquals(List.of(client.certificate(), renewed.certificate()), presented);
            assertNotEquals(presented.get(0).getSerialNumber(), presented.get(1).getSerialNumber());
            assertEquals(List.of(), warnings);
        }
    }

    @ParameterizedTest
    @EnumSource(TlsServer.class)
    void trustsANewCaFileOnTheNextConnection(TlsServer kind) throws Exception {
        Path caFile = directory.resolve("trusted-ca.crt");
        Files.copy(pki.ca().certificatePem(), caFile);
        try (TlsServer.Running server = kind.start(serverOfOtherPki);
             SecureClient client = SecureClient.over(transport(TlsTestOptions.verifying().caFile(caFile)))) {
            String refusal = client.refusal(server.host(), server.port()).getMessage();
            assertEquals("TLS handshake failed: the node's certificate is not trusted"
                    + " (give its CA with tls.ca_file or tls.ca_path)", refusal);

            replace(caFile, otherPki.ca().certificatePem());
            client.deliver(server.host(), server.port(), "trusted now");

            assertEquals(List.of("trusted now"), server.awaitMessages(1));
        }
    }

    @Test
    void trustsACaAddedToTheCaPathOnTheNextConnection() throws Exception {
        Path caPath = Files.createDirectory(directory.resolve("trusted-cas"));
        Files.copy(pki.ca().certificatePem(), caPath.resolve("first.pem"));
        try (TlsServer.Running server = TlsServer.RECEIVER.start(serverOfOtherPki);
             SecureClient client = SecureClient.over(transport(TlsTestOptions.verifying().caPath(caPath)))) {
            client.refusal(server.host(), server.port());

            replace(caPath.resolve("second.pem"), otherPki.ca().certificatePem());
            client.deliver(server.host(), server.port(), "trusted now");

            assertEquals(List.of("trusted now"), server.awaitMessages(1));
        }
    }

    @Test
    void keepsThePreviousFilesAndWarnsOnceWhenARotatedKeyCannotBeRead() throws Exception {
        IssuedCertificate client = pki.client("app-with-a-broken-rotation");
        Path key = directory.resolve("client.key");
        Files.copy(client.privateKeyPkcs8Pem(), key);
        try (TlsServer.Running receiver = TlsServer.RECEIVER.startRequiringClientCertificates(loopback, pki.ca());
             SecureClient secureClient = SecureClient.over(transport(TlsTestOptions.verifying()
                     .caFile(pki.ca().certificatePem()).clientCertificate(client.certificatePem(), key)))) {
            Path broken = Files.writeString(directory.resolve("broken.key"), "not yet written\n");
            replace(key, broken);
            secureClient.deliver(receiver.host(), receiver.port(), "with the previous key");
            secureClient.deliver(receiver.host(), receiver.port(), "still with the previous key");

            assertEquals(List.of("with the previous key", "still with the previous key"), receiver.awaitMessages(2));
            assertEquals(List.of("TLS files changed but cannot be used: tls.key_file '" + key
                    + "' holds no PEM private key; keeping the previous ones"), warnings);
        }
    }

    private TlsTransport transport(TlsTestOptions options) throws TlsMaterialException {
        return TlsTransport.load(options.build(), warnings::add);
    }

    /** Replaces {@code target} at once, as a deployment tool would: a reader never sees half a file. */
    private static void replace(Path target, Path content) throws IOException {
        Path next = Files.copy(content, target.resolveSibling(target.getFileName() + ".next"));
        Files.move(next, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
