package io.forwardlog.testkit.pki;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * A leaf certificate with its RSA private key, and the PEM files holding them in the PKI's directory:
 * {@code <name>.crt}, {@code <name>.key} (PKCS#8) and {@code <name>.pkcs1.key}, written when the
 * certificate is issued, and on request {@code <name>.encrypted.key} and
 * {@code <name>.encrypted.pkcs1.key}.
 *
 * <p>{@link #reissue()} writes a new generation of the same files; from then on the paths of this
 * object hold the new generation's content, and this object no longer writes files.
 */
public final class IssuedCertificate {

    /** Protects nothing: the store it locks never leaves this process's memory. */
    private static final char[] IN_MEMORY_PASSWORD = "forwardlog".toCharArray();

    private final Issuer issuer;
    private final LeafRequest request;
    private final LeafFiles files;
    private final int generation;
    private final KeyPair keys;
    private final X509Certificate certificate;

    private IssuedCertificate(Issuer issuer, LeafRequest request, LeafFiles files, int generation, KeyPair keys,
            X509Certificate certificate) {
        this.issuer = issuer;
        this.request = request;
        this.files = files;
        this.generation = generation;
        this.keys = keys;
        this.certificate = certificate;
    }

    /** Signs {@code request} for {@code keys} and writes the files under a base name claimed in {@code directory}. */
    static IssuedCertificate issue(Issuer issuer, LeafRequest request, KeyPair keys, Path directory, String kind) {
        X509Certificate certificate = issuer.issue(request, keys);
        LeafFiles files = LeafFiles.claim(directory, request.commonName(), kind);
        synchronized (files) {
            IssuedCertificate issued = new IssuedCertificate(issuer, request, files, files.nextGeneration(), keys,
                    certificate);
            issued.writeFiles();
            return issued;
        }
    }

    /**
     * A new certificate with the same names, purpose and kind of validity (dated from now), but a new
     * key pair and serial number, written atomically file by file over the files of this one, keys
     * first: a client that reloads when the certificate file changes then finds the matching key.
     * Encrypted key files written before are written again with the password they were last written with.
     */
    public IssuedCertificate reissue() {
        KeyPair freshKeys = RsaKeys.generate();
        X509Certificate renewed = issuer.issue(request, freshKeys);
        synchronized (files) {
            IssuedCertificate next = new IssuedCertificate(issuer, request, files, files.nextGeneration(), freshKeys,
                    renewed);
            next.writeFiles();
            return next;
        }
    }

    /** The leaf certificate. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The RSA 2048-bit private key. */
    public PrivateKey privateKey() {
        return keys.getPrivate();
    }

    /**
     * The certificates a TLS peer presents, leaf first, then any intermediate CA (this PKI has none);
     * never the root, which the other side holds as its trust anchor.
     */
    public List<X509Certificate> chain() {
        return List.of(certificate);
    }

    /** {@code <name>.crt}: the {@link #chain()} as PEM. */
    public Path certificatePem() {
        return files.certificate();
    }

    /** {@code <name>.key}: the private key as unencrypted PKCS#8, {@code BEGIN PRIVATE KEY}. */
    public Path privateKeyPkcs8Pem() {
        return files.key(KeyFile.PKCS8);
    }

    /** {@code <name>.pkcs1.key}: the private key as unencrypted PKCS#1, {@code BEGIN RSA PRIVATE KEY}. */
    public Path privateKeyPkcs1Pem() {
        return files.key(KeyFile.PKCS1);
    }

    /**
     * Writes {@code <name>.encrypted.key}: the private key as PKCS#8 encrypted with {@code password}
     * (PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC), {@code BEGIN ENCRYPTED PRIVATE KEY}. A later call
     * rewrites the file with its own password.
     *
     * @throws IllegalArgumentException if the password is null or empty
     * @throws IllegalStateException if this certificate has been reissued
     */
    public Path encryptedPrivateKeyPkcs8Pem(char[] password) {
        return writeEncrypted(KeyFile.ENCRYPTED_PKCS8, password);
    }

    /**
     * Writes {@code <name>.encrypted.pkcs1.key}: the private key in OpenSSL's traditional encrypted
     * form, {@code BEGIN RSA PRIVATE KEY} with {@code Proc-Type: 4,ENCRYPTED} and
     * {@code DEK-Info: AES-256-CBC,<iv>}. A later call rewrites the file with its own password.
     *
     * @throws IllegalArgumentException if the password is null or empty
     * @throws IllegalStateException if this certificate has been reissued
     */
    public Path encryptedPrivateKeyPkcs1Pem(char[] password) {
        return writeEncrypted(KeyFile.ENCRYPTED_PKCS1, password);
    }

    /**
     * A new SunJSSE context (TLS 1.3 and 1.2; the JDK disables older versions) that presents this
     * certificate and key, whatever its dates, for a test server. It does not ask for client
     * certificates and trusts only the JDK's default CAs.
     */
    public SSLContext serverContext() {
        return TlsMaterial.serverContext(keyStore(IN_MEMORY_PASSWORD), IN_MEMORY_PASSWORD, null);
    }

    /**
     * Like {@link #serverContext()}, but trusting client certificates issued by {@code trustedClients},
     * for mutual TLS. Whether a client must present one is the server's choice
     * ({@code setNeedClientAuth} / {@code setWantClientAuth} on its socket or engine).
     */
    public SSLContext serverContext(CertificateAuthority trustedClients) {
        Objects.requireNonNull(trustedClients, "trustedClients");
        return TlsMaterial.serverContext(keyStore(IN_MEMORY_PASSWORD), IN_MEMORY_PASSWORD, trustedClients.trustStore());
    }

    /**
     * A new in-memory PKCS#12 store holding the private key and {@link #chain()} under one alias, the
     * base of the file names, and locked with {@code password}.
     */
    public KeyStore keyStore(char[] password) {
        Objects.requireNonNull(password, "password");
        return TlsMaterial.keyStore(files.base(), keys.getPrivate(), chain(), password);
    }

    private Path writeEncrypted(KeyFile kind, char[] password) {
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("the password of an encrypted private key must not be empty");
        }
        synchronized (files) {
            if (!files.isCurrent(generation)) {
                throw new IllegalStateException("'" + files.base()
                        + "' has been reissued; write its key files through the certificate reissue() returned");
            }
            AtomicFiles.write(files.key(kind), kind.encode(keys.getPrivate(), password));
            files.rememberPassword(kind, password);
        }
        return files.key(kind);
    }

    /** Keys first, certificate last; see {@link #reissue()}. Called while holding the lock on {@link #files}. */
    private void writeFiles() {
        AtomicFiles.write(files.key(KeyFile.PKCS8), KeyFile.PKCS8.encode(keys.getPrivate(), null));
        AtomicFiles.write(files.key(KeyFile.PKCS1), KeyFile.PKCS1.encode(keys.getPrivate(), null));
        Map<KeyFile, char[]> passwords = files.rememberedPasswords();
        try {
            passwords.forEach((kind, password) ->
                    AtomicFiles.write(files.key(kind), kind.encode(keys.getPrivate(), password)));
        } finally {
            passwords.values().forEach(password -> Arrays.fill(password, '\0'));
        }
        AtomicFiles.write(files.certificate(), PemEncoder.certificates(chain()));
    }

    @Override
    public String toString() {
        return "IssuedCertificate[" + certificate.getSubjectX500Principal().getName() + ", " + request.purpose()
                + ", " + request.validity() + ", serial " + certificate.getSerialNumber().toString(16) + ", "
                + files.certificate() + "]";
    }
}
