package io.forwardlog.testkit.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateContentTest {

    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_ENCIPHERMENT = 2;
    private static final int KEY_CERT_SIGN = 5;
    private static final int CRL_SIGN = 6;

    @TempDir
    static Path directory;

    private static TestPki pki;

    @BeforeAll
    static void createPki() {
        pki = TestPki.create(directory);
    }

    @Test
    void theCaIsASelfSignedRootNamedForwardlogTestCa() throws GeneralSecurityException {
        X509Certificate ca = pki.ca().certificate();

        assertEquals("CN=forwardlog test CA", ca.getSubjectX500Principal().getName());
        assertEquals(ca.getSubjectX500Principal(), ca.getIssuerX500Principal());
        ca.verify(ca.getPublicKey());
        assertEquals(Integer.MAX_VALUE, ca.getBasicConstraints());
        assertTrue(ca.getKeyUsage()[KEY_CERT_SIGN], "keyCertSign");
        assertTrue(ca.getKeyUsage()[CRL_SIGN], "cRLSign");
        assertTrue(ca.getCriticalExtensionOIDs().containsAll(List.of("2.5.29.19", "2.5.29.15")),
                "basic constraints and key usage are critical");
    }

    @Test
    void aServerCertificateNamesEachDnsNameAndIpAddressAsRequested() throws GeneralSecurityException {
        X509Certificate server = pki.server("localhost", "127.0.0.1", "::1", "*.example.com", "node-3.local")
                .certificate();

        assertEquals(List.of(
                List.of(DNS_NAME, "localhost"),
                List.of(IP_ADDRESS, "127.0.0.1"),
                List.of(IP_ADDRESS, "0:0:0:0:0:0:0:1"),
                List.of(DNS_NAME, "*.example.com"),
                List.of(DNS_NAME, "node-3.local")), List.copyOf(server.getSubjectAlternativeNames()));
        assertEquals("CN=localhost", server.getSubjectX500Principal().getName());
    }

    @Test
    void aServerCertificateIsAnEndEntityForServerAuthentication() throws GeneralSecurityException {
        X509Certificate server = pki.server("localhost").certificate();

        assertEquals(List.of(SERVER_AUTH), server.getExtendedKeyUsage());
        assertEquals(-1, server.getBasicConstraints());
        assertTrue(server.getKeyUsage()[DIGITAL_SIGNATURE], "digitalSignature");
        assertTrue(server.getKeyUsage()[KEY_ENCIPHERMENT], "keyEncipherment");
        assertEquals(pki.ca().certificate().getSubjectX500Principal(), server.getIssuerX500Principal());
        server.verify(pki.ca().certificate().getPublicKey());
    }

    @Test
    void anIpAddressAloneNamesTheServerToo() throws GeneralSecurityException {
        X509Certificate server = pki.server("10.1.2.3").certificate();

        assertEquals(List.of(List.of(IP_ADDRESS, "10.1.2.3")), List.copyOf(server.getSubjectAlternativeNames()));
        assertEquals("CN=10.1.2.3", server.getSubjectX500Principal().getName());
    }

    @Test
    void aClientCertificateCarriesItsCommonNameAndIsForClientAuthentication() throws GeneralSecurityException {
        X509Certificate client = pki.client("app, the one with commas").certificate();

        assertEquals("CN=app\\, the one with commas", client.getSubjectX500Principal().getName());
        assertEquals(List.of(CLIENT_AUTH), client.getExtendedKeyUsage());
        assertNull(client.getSubjectAlternativeNames());
    }

    @Test
    void keysAreRsaWith2048Bits() {
        IssuedCertificate server = pki.server("localhost");

        RSAPublicKey publicKey = assertInstanceOf(RSAPublicKey.class, server.certificate().getPublicKey());
        assertEquals(2048, publicKey.getModulus().bitLength());
        assertEquals("RSA", server.privateKey().getAlgorithm());
        RSAPublicKey caKey = assertInstanceOf(RSAPublicKey.class, pki.ca().certificate().getPublicKey());
        assertEquals(2048, caKey.getModulus().bitLength());
    }

    @Test
    void leavesOfOnePkiShareOneKeyPairButNotTheirSerialNumbers() {
        IssuedCertificate server = pki.server("localhost");
        IssuedCertificate client = pki.client("app");

        assertEquals(server.certificate().getPublicKey(), client.certificate().getPublicKey());
        assertNotEquals(server.certificate().getSerialNumber(), client.certificate().getSerialNumber());
        assertNotEquals(pki.ca().certificate().getPublicKey(), server.certificate().getPublicKey());
        assertEquals(1, server.certificate().getSerialNumber().signum());
    }

    @Test
    void theChainIsTheLeafAloneSinceThePeerHoldsTheRoot() {
        IssuedCertificate server = pki.server("localhost");

        assertEquals(List.of(server.certificate()), server.chain());
    }

    @Test
    void theKeyStoreHoldsTheKeyAndChainUnderTheFileName() throws GeneralSecurityException {
        IssuedCertificate server = pki.server("key-store-node");
        char[] password = "store secret".toCharArray();

        KeyStore store = server.keyStore(password);

        assertEquals(List.of("key-store-node"), Collections.list(store.aliases()));
        assertEquals(server.privateKey(), store.getKey("key-store-node", password));
        assertArrayEquals(server.chain().toArray(), store.getCertificateChain("key-store-node"));
    }

    @Test
    void theTrustStoreHoldsTheCaAsATrustedCertificate() throws GeneralSecurityException {
        KeyStore store = pki.ca().trustStore();

        assertEquals(List.of("forwardlog-test-ca"), Collections.list(store.aliases()));
        assertTrue(store.isCertificateEntry("forwardlog-test-ca"));
        assertEquals(pki.ca().certificate(), store.getCertificate("forwardlog-test-ca"));
    }
}
