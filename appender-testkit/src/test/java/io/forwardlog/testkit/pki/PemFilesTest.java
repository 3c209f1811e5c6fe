package io.forwardlog.testkit.pki;

import static io.forwardlog.testkit.pki.PemFiles.BOUNCY_CASTLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemFilesTest {

    private static final char[] PASSWORD = "correct horse".toCharArray();
    private static final char[] WRONG_PASSWORD = "battery staple".toCharArray();

    @TempDir
    static Path directory;

    private static TestPki pki;
    private static IssuedCertificate server;

    @BeforeAll
    static void createPki() {
        pki = TestPki.create(directory);
        server = pki.server("localhost", "127.0.0.1");
    }

    @Test
    void theCaPemParsesBackToTheCaCertificate() throws IOException, GeneralSecurityException {
        X509CertificateHolder read = assertInstanceOf(X509CertificateHolder.class,
                PemFiles.readSingle(pki.ca().certificatePem()));

        assertEquals(pki.ca().certificate(), new JcaX509CertificateConverter().getCertificate(read));
        assertEquals(directory.resolve("ca.crt"), pki.ca().certificatePem());
    }

    @Test
    void theCaDirectoryHoldsTheCaUnderItsOpenSslSubjectHash() throws IOException {
        Path caPath = pki.ca().certificateDirectory();

        // b9ae1344 is what `openssl x509 -noout -subject_hash` (OpenSSL 3.0.19) prints for CN=forwardlog test CA
        try (var files = Files.list(caPath)) {
            assertEquals(List.of("b9ae1344.0", "ca.crt"), files.map(file -> file.getFileName().toString()).sorted().toList());
        }
        assertEquals(PemFiles.text(pki.ca().certificatePem()), PemFiles.text(caPath.resolve("b9ae1344.0")));
        assertEquals(PemFiles.text(pki.ca().certificatePem()), PemFiles.text(caPath.resolve("ca.crt")));
    }

    @Test
    void theCertificatePemParsesBackToTheLeafAlone() throws IOException, GeneralSecurityException {
        X509CertificateHolder read = assertInstanceOf(X509CertificateHolder.class,
                PemFiles.readSingle(server.certificatePem()));

        assertEquals(server.certificate(), new JcaX509CertificateConverter().getCertificate(read));
    }

    @Test
    void thePkcs8KeyIsAnUnencryptedPrivateKeyOfTheCertificate() throws IOException {
        String text = PemFiles.text(server.privateKeyPkcs8Pem());

        assertTrue(text.startsWith("-----BEGIN PRIVATE KEY-----\n"), text);
        PrivateKeyInfo read = assertInstanceOf(PrivateKeyInfo.class, PemFiles.readSingle(server.privateKeyPkcs8Pem()));
        PemFiles.assertSameRsaKey(server.privateKey(), read);
    }

    @Test
    void thePkcs1KeyIsAnUnencryptedRsaPrivateKeyOfTheCertificate() throws IOException {
        String text = PemFiles.text(server.privateKeyPkcs1Pem());

        assertTrue(text.startsWith("-----BEGIN RSA PRIVATE KEY-----\n"), text);
        assertFalse(text.contains("Proc-Type"), text);
        PEMKeyPair read = assertInstanceOf(PEMKeyPair.class, PemFiles.readSingle(server.privateKeyPkcs1Pem()));
        PemFiles.assertSameRsaKey(server.privateKey(), read.getPrivateKeyInfo());
    }

    @Test
    void theEncryptedPkcs8KeyUsesPbes2WithAes256AndDecryptsWithThePassword()
            throws IOException, OperatorCreationException, PKCSException {
        Path file = server.encryptedPrivateKeyPkcs8Pem(PASSWORD);

        assertEquals(directory.resolve("localhost.encrypted.key"), file);
        assertTrue(PemFiles.text(file).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"));
        PKCS8EncryptedPrivateKeyInfo read = assertInstanceOf(PKCS8EncryptedPrivateKeyInfo.class, PemFiles.readSingle(file));
        AlgorithmIdentifier algorithm = read.getEncryptionAlgorithm();
        assertEquals(PKCSObjectIdentifiers.id_PBES2, algorithm.getAlgorithm());
        PBES2Parameters pbes2 = PBES2Parameters.getInstance(algorithm.getParameters());
        assertEquals(NISTObjectIdentifiers.id_aes256_CBC, pbes2.getEncryptionScheme().getAlgorithm());
        assertEquals(PKCSObjectIdentifiers.id_hmacWithSHA256,
                PBKDF2Params.getInstance(pbes2.getKeyDerivationFunc().getParameters()).getPrf().getAlgorithm());
        PrivateKeyInfo decrypted = read.decryptPrivateKeyInfo(
                new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BOUNCY_CASTLE).build(PASSWORD));
        PemFiles.assertSameRsaKey(server.privateKey(), decrypted);
    }

    @Test
    void theEncryptedPkcs8KeyDoesNotDecryptWithAWrongPassword() throws IOException, OperatorCreationException {
        PKCS8EncryptedPrivateKeyInfo read = assertInstanceOf(PKCS8EncryptedPrivateKeyInfo.class,
                PemFiles.readSingle(server.encryptedPrivateKeyPkcs8Pem(PASSWORD)));

        var wrongKey = new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BOUNCY_CASTLE).build(WRONG_PASSWORD);
        assertThrows(PKCSException.class, () -> read.decryptPrivateKeyInfo(wrongKey));
    }

    @Test
    void theEncryptedPkcs1KeyIsOpenSslTraditionalAes256AndDecryptsWithThePassword() throws IOException {
        Path file = server.encryptedPrivateKeyPkcs1Pem(PASSWORD);

        assertEquals(directory.resolve("localhost.encrypted.pkcs1.key"), file);
        List<String> lines = PemFiles.text(file).lines().toList();
        assertEquals("-----BEGIN RSA PRIVATE KEY-----", lines.get(0));
        assertEquals("Proc-Type: 4,ENCRYPTED", lines.get(1));
        assertTrue(lines.get(2).matches("DEK-Info: AES-256-CBC,[0-9A-F]{32}"), lines.get(2));
        PEMEncryptedKeyPair read = assertInstanceOf(PEMEncryptedKeyPair.class, PemFiles.readSingle(file));
        PEMKeyPair decrypted = read.decryptKeyPair(
                new JcePEMDecryptorProviderBuilder().setProvider(BOUNCY_CASTLE).build(PASSWORD));
        PemFiles.assertSameRsaKey(server.privateKey(), decrypted.getPrivateKeyInfo());
    }

    @Test
    void theEncryptedPkcs1KeyDoesNotDecryptWithAWrongPassword() throws IOException {
        PEMEncryptedKeyPair read = assertInstanceOf(PEMEncryptedKeyPair.class,
                PemFiles.readSingle(server.encryptedPrivateKeyPkcs1Pem(PASSWORD)));

        var wrongKey = new JcePEMDecryptorProviderBuilder().setProvider(BOUNCY_CASTLE).build(WRONG_PASSWORD);
        assertThrows(PEMException.class, () -> read.decryptKeyPair(wrongKey));
    }

    @Test
    void writingAnEncryptedKeyAgainReplacesItsPassword(@TempDir Path fresh) throws IOException {
        IssuedCertificate node = TestPki.create(fresh).server("node-1");
        node.encryptedPrivateKeyPkcs1Pem(PASSWORD);

        PEMEncryptedKeyPair read = assertInstanceOf(PEMEncryptedKeyPair.class,
                PemFiles.readSingle(node.encryptedPrivateKeyPkcs1Pem(WRONG_PASSWORD)));

        PEMKeyPair decrypted = read.decryptKeyPair(
                new JcePEMDecryptorProviderBuilder().setProvider(BOUNCY_CASTLE).build(WRONG_PASSWORD));
        PemFiles.assertSameRsaKey(node.privateKey(), decrypted.getPrivateKeyInfo());
    }

    @Test
    void everyPemFileEndsWithANewline() throws IOException {
        for (Path file : List.of(pki.ca().certificatePem(), server.certificatePem(), server.privateKeyPkcs8Pem(),
                server.privateKeyPkcs1Pem(), server.encryptedPrivateKeyPkcs8Pem(PASSWORD),
                server.encryptedPrivateKeyPkcs1Pem(PASSWORD))) {
            assertTrue(PemFiles.text(file).endsWith("-----\n"), file::toString);
        }
    }
}
