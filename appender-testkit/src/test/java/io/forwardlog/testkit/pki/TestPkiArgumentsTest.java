package io.forwardlog.testkit.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPkiArgumentsTest {

    @TempDir
    static Path directory;

    private static TestPki pki;

    @BeforeAll
    static void createPki() {
        pki = TestPki.create(directory);
    }

    @Test
    void rejectsAServerCertificateWithoutNames() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> pki.server());

        assertEquals("a server certificate needs at least one DNS name or IP address", thrown.getMessage());
    }

    @Test
    void rejectsANameThatIsNeitherADnsNameNorAnIpAddress() {
        IllegalArgumentException thrown =
                assertThrows(IllegalArgumentException.class, () -> pki.expiredServer("localhost", "two words"));

        assertEquals("a server certificate name must be a DNS name or an IP address, not 'two words'",
                thrown.getMessage());
    }

    @Test
    void rejectsANullName() {
        IllegalArgumentException thrown =
                assertThrows(IllegalArgumentException.class, () -> pki.notYetValidServer("localhost", null));

        assertEquals("a server certificate name must be a DNS name or an IP address, not null", thrown.getMessage());
    }

    @Test
    void rejectsASelfSignedCertificateWithoutNames(@TempDir Path elsewhere) {
        IllegalArgumentException thrown =
                assertThrows(IllegalArgumentException.class, () -> TestPki.selfSignedServer(elsewhere));

        assertEquals("a server certificate needs at least one DNS name or IP address", thrown.getMessage());
    }

    @Test
    void rejectsABlankClientCommonName() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> pki.client(" "));

        assertEquals("a client certificate needs a common name that is not blank", thrown.getMessage());
    }

    @Test
    void rejectsAnEmptyPasswordForAnEncryptedKey() {
        IssuedCertificate server = pki.server("localhost");

        IllegalArgumentException pkcs8 = assertThrows(IllegalArgumentException.class,
                () -> server.encryptedPrivateKeyPkcs8Pem(new char[0]));
        IllegalArgumentException pkcs1 = assertThrows(IllegalArgumentException.class,
                () -> server.encryptedPrivateKeyPkcs1Pem(null));

        assertEquals("the password of an encrypted private key must not be empty", pkcs8.getMessage());
        assertEquals("the password of an encrypted private key must not be empty", pkcs1.getMessage());
    }

    @Test
    void refusesASecondPkiInTheSameDirectory() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> TestPki.create(directory));

        assertEquals("cannot create a test PKI in " + directory
                + ": ca.crt already exists there; give each TestPki a directory of its own", thrown.getMessage());
    }

    @Test
    void doesNotShowPasswordsInToString() {
        IssuedCertificate server = pki.server("to-string");
        server.encryptedPrivateKeyPkcs8Pem("hunter2".toCharArray());

        String shown = server.toString();

        assertFalse(shown.contains("hunter2"), shown);
        assertEquals("IssuedCertificate[CN=to-string, SERVER, CURRENT, serial "
                + server.certificate().getSerialNumber().toString(16) + ", " + directory.resolve("to-string.crt") + "]",
                shown);
    }
}
