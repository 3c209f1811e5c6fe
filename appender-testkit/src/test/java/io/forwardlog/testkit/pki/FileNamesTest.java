package io.forwardlog.testkit.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileNamesTest {

    private static final char[] PASSWORD = "secret".toCharArray();

    @Test
    void writesReadableFileNamesAndLeavesNoTemporaryFiles(@TempDir Path directory) throws IOException {
        TestPki pki = TestPki.create(directory);

        IssuedCertificate node = pki.server("node-3", "127.0.0.1");
        node.encryptedPrivateKeyPkcs8Pem(PASSWORD);
        node.encryptedPrivateKeyPkcs1Pem(PASSWORD);
        pki.expiredServer("node-3");
        pki.notYetValidServer("node-3");
        pki.client("app");
        IssuedCertificate again = pki.server("node-3");
        TestPki.selfSignedServer(directory, "node-3");

        assertEquals(directory.resolve("node-3.crt"), node.certificatePem());
        assertEquals(directory.resolve("node-3.key"), node.privateKeyPkcs8Pem());
        assertEquals(directory.resolve("node-3.pkcs1.key"), node.privateKeyPkcs1Pem());
        assertEquals(directory.resolve("node-3-2.crt"), again.certificatePem());
        assertEquals(List.of(
                "app-client.crt", "app-client.key", "app-client.pkcs1.key",
                "ca-path/b9ae1344.0", "ca-path/ca.crt", "ca.crt",
                "node-3-2.crt", "node-3-2.key", "node-3-2.pkcs1.key",
                "node-3-expired.crt", "node-3-expired.key", "node-3-expired.pkcs1.key",
                "node-3-not-yet-valid.crt", "node-3-not-yet-valid.key", "node-3-not-yet-valid.pkcs1.key",
                "node-3-self-signed.crt", "node-3-self-signed.key", "node-3-self-signed.pkcs1.key",
                "node-3.crt", "node-3.encrypted.key", "node-3.encrypted.pkcs1.key", "node-3.key", "node-3.pkcs1.key"),
                filesUnder(directory));
    }

    @Test
    void aSelfSignedCertificateCreatesItsDirectory(@TempDir Path parent) throws IOException {
        Path directory = parent.resolve("not/there/yet");

        IssuedCertificate selfSigned = TestPki.selfSignedServer(directory, "localhost");

        assertEquals(directory.resolve("localhost-self-signed.crt"), selfSigned.certificatePem());
        assertEquals(List.of("localhost-self-signed.crt", "localhost-self-signed.key", "localhost-self-signed.pkcs1.key"),
                filesUnder(directory));
    }

    @Test
    void turnsWildcardsAndIpv6AddressesIntoFileNames() {
        assertEquals("wildcard.example.com", LeafFiles.readable("*.example.com"));
        assertEquals("__1", LeafFiles.readable("::1"));
        assertEquals("127.0.0.1", LeafFiles.readable("127.0.0.1"));
    }

    @Test
    void replacesWhatDoesNotBelongInAFileName() {
        assertEquals("my_app_1", LeafFiles.readable("my app/1"));
        assertEquals("_.hidden", LeafFiles.readable(".hidden"));
    }

    @Test
    void neverLetsANameSpellAnotherCertificatesKeyFile() {
        assertEquals("node.pkcs1_", LeafFiles.readable("node.pkcs1"));
        assertEquals("node.encrypted_", LeafFiles.readable("node.encrypted"));
    }

    private static List<String> filesUnder(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> directory.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }
}
