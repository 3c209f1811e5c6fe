package io.forwardlog.testkit.pki;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The root CA of a {@link TestPki}, {@code CN=forwardlog test CA}: what a TLS peer must trust to
 * accept the certificates the PKI issues. Valid from a week ago for 30 days more.
 *
 * <p>Its files in the PKI's directory: {@code ca.crt}, and {@code ca-path/} holding the same PEM as
 * {@code ca.crt} and as {@code <subject-hash>.0}, the name OpenSSL looks it up by.
 */
public final class CertificateAuthority {

    static final String COMMON_NAME = "forwardlog test CA";
    static final String FILE_NAME = "ca.crt";
    static final String PATH_DIRECTORY_NAME = "ca-path";
    private static final String TRUST_STORE_ALIAS = "forwardlog-test-ca";
    private static final Duration VALID_BEFORE_NOW = Duration.ofDays(7);
    private static final Duration VALID_AFTER_NOW = Duration.ofDays(30);

    private final X500Name name;
    private final KeyPair keys;
    private final X509Certificate certificate;
    private final Path certificatePem;
    private final Path certificateDirectory;
    private final Clock clock;

    private CertificateAuthority(X500Name name, KeyPair keys, X509Certificate certificate, Path certificatePem,
            Path certificateDirectory, Clock clock) {
        this.name = name;
        this.keys = keys;
        this.certificate = certificate;
        this.certificatePem = certificatePem;
        this.certificateDirectory = certificateDirectory;
        this.clock = clock;
    }

    /** A new CA with a new key, written into {@code directory}, which must not hold another CA yet. */
    static CertificateAuthority create(Path directory, Clock clock) {
        Path pem = directory.resolve(FILE_NAME);
        if (!AtomicFiles.claim(pem)) {
            throw new IllegalStateException("cannot create a test PKI in " + directory + ": " + FILE_NAME
                    + " already exists there; give each TestPki a directory of its own");
        }
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, COMMON_NAME).build();
        KeyPair keys = RsaKeys.generate();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        X509Certificate certificate = CertificateSigner.rootCa(
                name, keys, now.minus(VALID_BEFORE_NOW), now.plus(VALID_AFTER_NOW));
        String text = PemEncoder.certificates(List.of(certificate));
        AtomicFiles.write(pem, text);
        Path caPath = directory.resolve(PATH_DIRECTORY_NAME);
        AtomicFiles.createDirectories(caPath);
        AtomicFiles.write(caPath.resolve(FILE_NAME), text);
        AtomicFiles.write(caPath.resolve(OpenSslSubjectHash.of(certificate.getSubjectX500Principal()) + ".0"), text);
        return new CertificateAuthority(name, keys, certificate, pem, caPath, clock);
    }

    /** The self-signed CA certificate. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The CA certificate as PEM, for a {@code tls.ca_file} setting or Node's {@code ca} option. */
    public Path certificatePem() {
        return certificatePem;
    }

    /**
     * A directory holding only the CA certificate, as {@code ca.crt} and under its OpenSSL subject
     * hash {@code <hash>.0}, for a {@code tls.ca_path} setting or OpenSSL's {@code -CApath}.
     */
    public Path certificateDirectory() {
        return certificateDirectory;
    }

    /** A new in-memory PKCS#12 store trusting this CA, for a JDK {@code TrustManagerFactory}. */
    public KeyStore trustStore() {
        return TlsMaterial.trustStore(TRUST_STORE_ALIAS, certificate);
    }

    /** Signs leaves with this CA's key, dated by the PKI's clock. */
    Issuer issuer() {
        return (request, subjectKeys) ->
                CertificateSigner.leaf(request, subjectKeys.getPublic(), name, keys, clock.instant());
    }

    @Override
    public String toString() {
        return "CertificateAuthority[" + certificate.getSubjectX500Principal().getName() + ", " + certificatePem + "]";
    }
}
