package io.forwardlog.testkit.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Builds and signs the X.509 v3 certificates of the test PKI: the root CA and TLS leaves. */
final class CertificateSigner {

    private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateSigner() {
    }

    /** A self-signed root that may sign certificates, and nothing else. */
    static X509Certificate rootCa(X500Name name, KeyPair keys, Instant notBefore, Instant notAfter) {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                name, serialNumber(), Date.from(notBefore), Date.from(notAfter), name, keys.getPublic());
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the CA certificate " + name, e);
        }
        return sign(builder, keys, name);
    }

    /**
     * An end-entity certificate for {@code request}, issued at {@code now} by {@code issuerName}; a
     * self-signed leaf passes its own name and key pair as the issuer's.
     */
    static X509Certificate leaf(LeafRequest request, PublicKey subjectKey, X500Name issuerName, KeyPair issuerKeys,
            Instant now) {
        X500Name subject = request.subject();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, serialNumber(),
                Date.from(request.validity().notBefore(now)), Date.from(request.validity().notAfter(now)),
                subject, subjectKey);
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    // keyEncipherment as well, for TLS 1.2 peers that still offer RSA key exchange
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(request.purpose().keyPurpose()))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(subjectKey))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
            if (!request.alternativeNames().isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, request.subjectAlternativeNames());
            }
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the certificate " + subject, e);
        }
        return sign(builder, issuerKeys, subject);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signerKeys, X500Name subject) {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signerKeys.getPrivate())));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the certificate " + subject, e);
        }
    }

    /** Positive, 127 bits with the top one set: unique in practice and always 16 bytes in DER. */
    private static BigInteger serialNumber() {
        return new BigInteger(126, RANDOM).setBit(126);
    }
}
