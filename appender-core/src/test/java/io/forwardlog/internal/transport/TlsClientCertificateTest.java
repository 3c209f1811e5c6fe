package io.forwardlog.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.internal.forward.NoSecrets;
import io.forwardlog.internal.forward.SecureClient;
import io.forwardlog.testkit.pki.IssuedCertificate;
import io.forwardlog.testkit.pki.TestPki;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Mutual TLS: the client certificate and its key, in each PEM form a user may have, are presented
 * to nodes that require them; a key that cannot be read stops the start with a message that names
 * the file and the setting, and never the password.
 */
class TlsClientCertificateTest {

    private static final String KEY_PASSWORD = "k3y-pa55word";

    @TempDir
    static Path directory;
    private static TestPki pki;
    private static IssuedCertificate client;
    private static RecordingServerContext recording;
    private static TlsServer.Running receiver;
    private static TlsServer.Running node;

    /** The forms of a private key file that {@code tls.key_file} accepts. */
    enum KeyForm {
        PKCS1(certificate -> certificate.privateKeyPkcs1Pem(), false),
        PKCS8(certificate -> certificate.privateKeyPkcs8Pem(), false),
        ENCRYPTED_PKCS1(certificate -> certificate.encryptedPrivateKeyPkcs1Pem(KEY_PASSWORD.toCharArray()), true),
        ENCRYPTED_PKCS8(certificate -> certificate.encryptedPrivateKeyPkcs8Pem(KEY_PASSWORD.toCharArray()), true);

        private final Function<IssuedCertificate, Path> file;
        private final boolean encrypted;

        KeyForm(Function<IssuedCertificate, Path> file, boolean encrypted) {
            this.file = file;
            this.encrypted = encrypted;
        }

        TlsTestOptions options() {
            TlsTestOptions options = TlsTestOptions.verifying().caFile(pki.ca().certificatePem())
                    .clientCertificate(client.certificatePem(), file.apply(client));
            return encrypted ? options.keyPassword(KEY_PASSWORD) : options;
        }
    }

    @BeforeAll
    static void startServersThatRequireClientCertificates() throws Exception {
        pki = TestPki.create(directory.resolve("pki"));
        IssuedCertificate server = pki.server("127.0.0.1");
        client = pki.client("forwardlog-app");
        recording = RecordingServerContext.serving(server, pki.ca());
        receiver = TlsServer.RECEIVER.start(recording.context(), server, pki.ca());
        node = TlsServer.NODE.startRequiringClientCertificates(server, pki.ca());
    }

    @AfterAll
    static void stopServers() {
        receiver.close();
        node.close();
    }

    @ParameterizedTest
    @EnumSource(KeyForm.class)
    void presentsTheClientCertificateToTheReceiver(KeyForm form) throws Exception {
        int handshakes = recording.clientCertificates().size();
        int before = receiver.messages().size();
        try (SecureClient secureClient = SecureClient.over(form.options().transport())) {
            secureClient.deliver(receiver.host(), receiver.port(), "with a " + form + " key");
        }

        assertEquals("with a " + form + " key", last(receiver.awaitMessages(before + 1)));
        List<X509Certificate> presented = recording.clientCertificates();
        assertEquals(List.of(client.certificate()), presented.subList(handshakes, presented.size()));
    }

    @ParameterizedTest
    @EnumSource(KeyForm.class)
    void presentsTheClientCertificateToTheNodeServer(KeyForm form) throws Exception {
        int before = node.messages().size();
        try (SecureClient secureClient = SecureClient.over(form.options().transport())) {
            secureClient.deliver(node.host(), node.port(), "with a " + form + " key");
        }

        assertEquals("with a " + form + " key", last(node.awaitMessages(before + 1)));
    }

    @ParameterizedTest
    @EnumSource(value = KeyForm.class, names = {"ENCRYPTED_PKCS1", "ENCRYPTED_PKCS8"})
    void refusesToStartWhenTheKeyPasswordIsWrong(KeyForm form) {
        Path key = form.file.apply(client);
        TlsOptions options = form.options().keyPassword("not-the-password").build();

        TlsMaterialException e = assertThrows(TlsMaterialException.class, () -> TlsTransport.load(options, warning -> { }));

        assertEquals("tls.key_file '" + key + "': the key cannot be decrypted: is tls.key_passwd right?", e.getMessage());
        NoSecrets.in(e, "not-the-password", KEY_PASSWORD);
    }

    @ParameterizedTest
    @EnumSource(value = KeyForm.class, names = {"ENCRYPTED_PKCS1", "ENCRYPTED_PKCS8"})
    void refusesToStartWhenAnEncryptedKeyHasNoPassword(KeyForm form) {
        Path key = form.file.apply(client);
        TlsOptions options = TlsTestOptions.verifying().clientCertificate(client.certificatePem(), key).build();

        TlsMaterialException e = assertThrows(TlsMaterialException.class, () -> TlsTransport.load(options, warning -> { }));

        assertEquals("tls.key_file '" + key + "' is encrypted: set tls.key_passwd", e.getMessage());
    }

    @Test
    void refusesToStartWhenTheCertificateFileIsMissing() {
        Path missing = directory.resolve("missing-client.crt");

        assertStartRefused(TlsTestOptions.verifying().clientCertificate(missing, client.privateKeyPkcs8Pem()),
                "tls.crt_file '" + missing + "' does not exist");
    }

    @Test
    void refusesToStartWhenTheKeyFileIsMissing() {
        Path missing = directory.resolve("missing-client.key");

        assertStartRefused(TlsTestOptions.verifying().clientCertificate(client.certificatePem(), missing),
                "tls.key_file '" + missing + "' does not exist");
    }

    @Test
    void refusesToStartWhenTheCaFileIsMissing() {
        Path missing = directory.resolve("missing-ca.crt");

        assertStartRefused(TlsTestOptions.verifying().caFile(missing), "tls.ca_file '" + missing + "' does not exist");
    }

    @Test
    void refusesToStartWhenTheCaPathIsMissing() {
        Path missing = directory.resolve("missing-ca-path");

        assertStartRefused(TlsTestOptions.verifying().caPath(missing), "tls.ca_path '" + missing + "' is not a directory");
    }

    @Test
    void neverShowsTheKeyPasswordInTheOptions() {
        TlsOptions options = KeyForm.ENCRYPTED_PKCS8.options().build();

        assertFalse(options.toString().contains(KEY_PASSWORD), options.toString());
        assertTrue(options.toString().contains("keyPassword=***"), options.toString());
    }

    private static void assertStartRefused(TlsTestOptions options, String message) {
        TlsMaterialException e = assertThrows(TlsMaterialException.class, options::transport);

        assertEquals(message, e.getMessage());
    }

    private static String last(List<String> messages) {
        return messages.get(messages.size() - 1);
    }
}
