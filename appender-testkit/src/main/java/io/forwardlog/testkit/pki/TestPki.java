package io.forwardlog.testkit.pki;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Objects;

/**
 * A throw-away PKI for TLS tests: a new root CA ({@code CN=forwardlog test CA}) and the server and
 * client certificates it issues, each written as PEM files into the directory given to
 * {@link #create(Path)} (a JUnit {@code @TempDir}, say). No key material is ever committed.
 *
 * <p>All leaves of one {@code TestPki} share one RSA 2048-bit key pair, generated with the first of
 * them, because generating a key takes about 100 ms; {@link IssuedCertificate#reissue()} always
 * generates a new one. The CA has a key of its own. Safe for use by concurrent tests.
 *
 * <pre>{@code
 * TestPki pki = TestPki.create(tempDir);
 * IssuedCertificate node = pki.server("localhost", "127.0.0.1");
 * SSLContext serverSide = node.serverContext();
 * Path trustThis = pki.ca().certificatePem();
 * }</pre>
 */
public final class TestPki {

    private final Path directory;
    private final CertificateAuthority ca;
    private KeyPair leafKeys; // guarded by this; created by the first leaf

    private TestPki(Path directory, CertificateAuthority ca) {
        this.directory = directory;
        this.ca = ca;
    }

    /**
     * A new PKI whose files go in {@code directory}, created if missing: the CA's files at once, each
     * certificate's as it is issued.
     *
     * @throws IllegalStateException if {@code directory} already holds a CA ({@code ca.crt})
     */
    public static TestPki create(Path directory) {
        return create(directory, Clock.systemUTC());
    }

    /** As {@link #create(Path)}, with certificates dated by {@code clock}. */
    static TestPki create(Path directory, Clock clock) {
        Objects.requireNonNull(directory, "directory");
        AtomicFiles.createDirectories(directory);
        return new TestPki(directory, CertificateAuthority.create(directory, clock));
    }

    /** The root CA that issues this PKI's certificates. */
    public CertificateAuthority ca() {
        return ca;
    }

    /**
     * A certificate for a TLS server, valid from an hour ago until a day from now, for the
     * {@code serverAuth} purpose, with every name as a subject alternative name (an IP address as such,
     * anything else as a DNS name) and the first also as its common name. Files: {@code <first name>.crt} ...
     *
     * @throws IllegalArgumentException if there is no name, or one is neither a DNS name nor an IP address
     */
    public IssuedCertificate server(String... dnsNamesOrIps) {
        return issue(LeafRequest.server(dnsNamesOrIps, Validity.CURRENT), "");
    }

    /** As {@link #server(String...)}, but expired a day ago. Files: {@code <first name>-expired.crt} ... */
    public IssuedCertificate expiredServer(String... names) {
        return issue(LeafRequest.server(names, Validity.EXPIRED), "-expired");
    }

    /** As {@link #server(String...)}, but valid only from a day from now. Files: {@code <first name>-not-yet-valid.crt} ... */
    public IssuedCertificate notYetValidServer(String... names) {
        return issue(LeafRequest.server(names, Validity.NOT_YET_VALID), "-not-yet-valid");
    }

    /**
     * A certificate for a TLS client, {@code CN=<commonName>}, for the {@code clientAuth} purpose, valid
     * from an hour ago until a day from now. Files: {@code <commonName>-client.crt} ...
     *
     * @throws IllegalArgumentException if {@code commonName} is null or blank
     */
    public IssuedCertificate client(String commonName) {
        return issue(LeafRequest.client(commonName), "-client");
    }

    /**
     * A server certificate like {@link #server(String...)} that signs itself: no CA vouches for it, so a
     * peer that verifies certificates refuses it. Has a key pair of its own. Files:
     * {@code <first name>-self-signed.crt} ... in {@code directory}, created if missing.
     */
    public static IssuedCertificate selfSignedServer(Path directory, String... names) {
        Objects.requireNonNull(directory, "directory");
        LeafRequest request = LeafRequest.server(names, Validity.CURRENT);
        AtomicFiles.createDirectories(directory);
        Clock clock = Clock.systemUTC();
        Issuer itself = (leaf, keys) -> CertificateSigner.leaf(leaf, keys.getPublic(), leaf.subject(), keys,
                clock.instant());
        return IssuedCertificate.issue(itself, request, RsaKeys.generate(), directory, "-self-signed");
    }

    private IssuedCertificate issue(LeafRequest request, String kind) {
        return IssuedCertificate.issue(ca.issuer(), request, leafKeys(), directory, kind);
    }

    private synchronized KeyPair leafKeys() {
        if (leafKeys == null) {
            leafKeys = RsaKeys.generate();
        }
        return leafKeys;
    }

    @Override
    public String toString() {
        return "TestPki[" + directory + "]";
    }
}
