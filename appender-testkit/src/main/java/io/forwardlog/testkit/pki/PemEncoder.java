package io.forwardlog.testkit.pki;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.io.pem.PemObjectGenerator;

/** Writes certificates and private keys as the PEM text that OpenSSL, Node and our clients read. */
final class PemEncoder {

    /** Used as an object, never registered, so that the JVM's provider list stays as the tests expect it. */
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();

    private PemEncoder() {
    }

    /** One {@code BEGIN CERTIFICATE} block per certificate, in order. */
    static String certificates(List<X509Certificate> certificates) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (X509Certificate certificate : certificates) {
                writer.writeObject(certificate);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode certificates as PEM", e);
        }
        return text.toString();
    }

    /** {@code BEGIN PRIVATE KEY}: unencrypted PKCS#8. */
    static String pkcs8(PrivateKey key) {
        try {
            return write(new JcaPKCS8Generator(key, null));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a PKCS#8 private key as PEM", e);
        }
    }

    /** {@code BEGIN RSA PRIVATE KEY}: unencrypted PKCS#1, the "traditional" OpenSSL form. */
    static String pkcs1(PrivateKey key) {
        try {
            return write(new JcaMiscPEMGenerator(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a PKCS#1 private key as PEM", e);
        }
    }

    /**
     * {@code BEGIN ENCRYPTED PRIVATE KEY}: PKCS#8 under PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC,
     * what {@code openssl pkcs8 -topk8 -v2 aes-256-cbc} writes by default since OpenSSL 3.
     */
    static String encryptedPkcs8(PrivateKey key, char[] password) {
        try {
            return write(new JcaPKCS8Generator(key, new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setPRF(PKCS8Generator.PRF_HMACSHA256)
                    .setRandom(RANDOM)
                    .setPassword(password)
                    .setProvider(BOUNCY_CASTLE)
                    .build()));
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot encrypt a PKCS#8 private key", e);
        }
    }

    /** {@code BEGIN RSA PRIVATE KEY} with {@code Proc-Type: 4,ENCRYPTED} and {@code DEK-Info: AES-256-CBC,<iv>}. */
    static String encryptedPkcs1(PrivateKey key, char[] password) {
        try {
            return write(new JcaMiscPEMGenerator(key, new JcePEMEncryptorBuilder("AES-256-CBC")
                    .setProvider(BOUNCY_CASTLE)
                    .setSecureRandom(RANDOM)
                    .build(password)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encrypt a PKCS#1 private key", e);
        }
    }

    private static String write(PemObjectGenerator generator) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(generator);
        }
        return text.toString();
    }
}
