package io.forwardlog.internal.transport;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A key of one type and a certificate it signs itself, as PEM files, for a server that needs keys of
 * types the test PKI does not issue (it issues RSA only): the ECDSA and DSA suites need them. Clients of
 * such a server run with {@code tls.verify off}.
 */
record SelfSignedKey(Path keyPem, Path certificatePem) {

    /** A 2048-bit RSA key. */
    static SelfSignedKey rsa(Path dir) throws GeneralSecurityException, IOException {
        return create(dir, "RSA", 2048, "SHA256withRSA");
    }

    /** An ECDSA key on P-256. */
    static SelfSignedKey ecdsa(Path dir) throws GeneralSecurityException, IOException {
        return create(dir, "EC", 256, "SHA256withECDSA");
    }

    /** A 2048-bit DSA key. */
    static SelfSignedKey dsa(Path dir) throws GeneralSecurityException, IOException {
        return create(dir, "DSA", 2048, "SHA256withDSA");
    }

    private static SelfSignedKey create(Path dir, String algorithm, int bits, String signature)
            throws GeneralSecurityException, IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize(bits);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=127.0.0.1");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder certificate = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), name,
                pair.getPublic());
        StringWriter key = new StringWriter();
        StringWriter cert = new StringWriter();
        try (JcaPEMWriter keyWriter = new JcaPEMWriter(key); JcaPEMWriter certWriter = new JcaPEMWriter(cert)) {
            keyWriter.writeObject(new JcaPKCS8Generator(pair.getPrivate(), null));
            certWriter.writeObject(certificate.build(new JcaContentSignerBuilder(signature).build(pair.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign with " + signature, e);
        }
        Files.createDirectories(dir);
        String prefix = algorithm.toLowerCase(Locale.ROOT);
        return new SelfSignedKey(
                Files.writeString(dir.resolve(prefix + ".key"), key.toString(), StandardCharsets.US_ASCII),
                Files.writeString(dir.resolve(prefix + ".crt"), cert.toString(), StandardCharsets.US_ASCII));
    }
}
