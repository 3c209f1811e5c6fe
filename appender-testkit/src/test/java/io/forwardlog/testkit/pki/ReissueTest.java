package io.forwardlog.testkit.pki;

import static io.forwardlog.testkit.pki.PemFiles.BOUNCY_CASTLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReissueTest {

    private static final char[] PASSWORD = "rotate me".toCharArray();

    @TempDir
    static Path directory;

    private static TestPki pki;

    @BeforeAll
    static void createPki() {
        pki = TestPki.create(directory);
    }

    @Test
    void replacesTheFilesAtTheSamePathsWithANewKeyAndSerial() throws IOException, GeneralSecurityException {
        IssuedCertificate original = pki.server("rotating", "127.0.0.1");
        String originalPem = PemFiles.text(original.certificatePem());

        IssuedCertificate reissued = original.reissue();

        assertEquals(original.certificatePem(), reissued.certificatePem());
        assertEquals(original.privateKeyPkcs8Pem(), reissued.privateKeyPkcs8Pem());
        assertEquals(original.privateKeyPkcs1Pem(), reissued.privateKeyPkcs1Pem());
        assertNotEquals(originalPem, PemFiles.text(reissued.certificatePem()));
        assertNotEquals(original.certificate().getSerialNumber(), reissued.certificate().getSerialNumber());
        assertNotEquals(original.certificate().getPublicKey(), reissued.certificate().getPublicKey());
        X509CertificateHolder onDisk = assertInstanceOf(X509CertificateHolder.class,
                PemFiles.readSingle(reissued.certificatePem()));
        assertEquals(reissued.certificate(), new JcaX509CertificateConverter().getCertificate(onDisk));
        PemFiles.assertSameRsaKey(reissued.privateKey(),
                assertInstanceOf(PrivateKeyInfo.class, PemFiles.readSingle(reissued.privateKeyPkcs8Pem())));
        PemFiles.assertSameRsaKey(reissued.privateKey(),
                assertInstanceOf(PEMKeyPair.class, PemFiles.readSingle(reissued.privateKeyPkcs1Pem())).getPrivateKeyInfo());
    }

    @Test
    void keepsTheNamesAndPurpose() throws GeneralSecurityException {
        IssuedCertificate original = pki.server("rotating-names", "10.0.0.7");

        X509Certificate reissued = original.reissue().certificate();

        assertEquals(original.certificate().getSubjectX500Principal(), reissued.getSubjectX500Principal());
        assertEquals(List.copyOf(original.certificate().getSubjectAlternativeNames()),
                List.copyOf(reissued.getSubjectAlternativeNames()));
        assertEquals(original.certificate().getExtendedKeyUsage(), reissued.getExtendedKeyUsage());
        Pkix.validate(reissued, pki.ca().certificate());
    }

    @Test
    void keepsTheKindOfValidityAndTheIssuer(@TempDir Path elsewhere) throws GeneralSecurityException {
        X509Certificate ca = pki.ca().certificate();

        IssuedCertificate expired = pki.expiredServer("rotating-expired").reissue();
        IssuedCertificate client = pki.client("rotating-client").reissue();
        IssuedCertificate selfSigned = TestPki.selfSignedServer(elsewhere, "localhost").reissue();

        assertEquals(BasicReason.EXPIRED, Pkix.failureReason(expired.certificate(), ca));
        Pkix.validate(client.certificate(), ca);
        assertEquals(PKIXReason.NO_TRUST_ANCHOR, Pkix.failureReason(selfSigned.certificate(), ca));
        Pkix.validate(selfSigned.certificate(), selfSigned.certificate());
    }

    @Test
    void rewritesEncryptedKeyFilesWithTheirPassword()
            throws IOException, OperatorCreationException, PKCSException {
        IssuedCertificate original = pki.server("rotating-encrypted");
        original.encryptedPrivateKeyPkcs8Pem(PASSWORD);
        original.encryptedPrivateKeyPkcs1Pem(PASSWORD);

        IssuedCertificate reissued = original.reissue();

        PKCS8EncryptedPrivateKeyInfo pkcs8 = assertInstanceOf(PKCS8EncryptedPrivateKeyInfo.class,
                PemFiles.readSingle(directory.resolve("rotating-encrypted.encrypted.key")));
        PemFiles.assertSameRsaKey(reissued.privateKey(), pkcs8.decryptPrivateKeyInfo(
                new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BOUNCY_CASTLE).build(PASSWORD)));
        PEMEncryptedKeyPair pkcs1 = assertInstanceOf(PEMEncryptedKeyPair.class,
                PemFiles.readSingle(directory.resolve("rotating-encrypted.encrypted.pkcs1.key")));
        PemFiles.assertSameRsaKey(reissued.privateKey(), pkcs1.decryptKeyPair(
                new JcePEMDecryptorProviderBuilder().setProvider(BOUNCY_CASTLE).build(PASSWORD)).getPrivateKeyInfo());
    }

    @Test
    void writesNoEncryptedKeyFileThatWasNotAskedFor() throws IOException {
        pki.server("rotating-plain").reissue();

        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(List.of("rotating-plain.crt", "rotating-plain.key", "rotating-plain.pkcs1.key"),
                    files.map(file -> file.getFileName().toString())
                            .filter(name -> name.startsWith("rotating-plain"))
                            .sorted()
                            .toList());
        }
    }

    @Test
    void theReplacedCertificateNoLongerWritesKeyFiles() {
        IssuedCertificate original = pki.server("rotating-stale");
        original.reissue();

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> original.encryptedPrivateKeyPkcs8Pem(PASSWORD));

        assertEquals("'rotating-stale' has been reissued; write its key files through the certificate reissue() returned",
                thrown.getMessage());
    }

    @Test
    void aReissuedCertificateCanBeReissuedAgain() throws IOException {
        IssuedCertificate first = pki.server("rotating-twice");
        IssuedCertificate second = first.reissue();

        IssuedCertificate third = second.reissue();

        assertNotEquals(second.certificate().getSerialNumber(), third.certificate().getSerialNumber());
        assertEquals(first.certificatePem(), third.certificatePem());
        PemFiles.assertSameRsaKey(third.privateKey(),
                assertInstanceOf(PrivateKeyInfo.class, PemFiles.readSingle(third.privateKeyPkcs8Pem())));
        X509CertificateHolder onDisk = assertInstanceOf(X509CertificateHolder.class,
                PemFiles.readSingle(third.certificatePem()));
        assertEquals(third.certificate().getSerialNumber(), onDisk.getSerialNumber());
    }
}
