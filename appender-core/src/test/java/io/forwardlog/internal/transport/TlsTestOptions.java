package io.forwardlog.internal.transport;

import io.forwardlog.TlsVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Builds {@link TlsOptions} for a test, starting from the defaults of the upstream file: verify everything. */
final class TlsTestOptions {

    private boolean verify = true;
    private boolean verifyHostname = true;
    private Optional<Path> caFile = Optional.empty();
    private Optional<Path> caPath = Optional.empty();
    private Optional<Path> certificateFile = Optional.empty();
    private Optional<Path> keyFile = Optional.empty();
    private Optional<String> keyPassword = Optional.empty();
    private Optional<String> virtualHost = Optional.empty();
    private TlsVersion minVersion = TlsVersion.TLS_1_2;
    private TlsVersion maxVersion = TlsVersion.TLS_1_3;
    private List<String> cipherSuites = List.of();

    private TlsTestOptions() {
    }

    static TlsTestOptions verifying() {
        return new TlsTestOptions();
    }

    /** {@code tls.verify off}. */
    TlsTestOptions verifyOff() {
        verify = false;
        return this;
    }

    /** {@code tls.verify_hostname off}. */
    TlsTestOptions verifyHostnameOff() {
        verifyHostname = false;
        return this;
    }

    TlsTestOptions caFile(Path file) {
        caFile = Optional.of(file);
        return this;
    }

    TlsTestOptions caPath(Path directory) {
        caPath = Optional.of(directory);
        return this;
    }

    /** {@code tls.crt_file} and {@code tls.key_file}. */
    TlsTestOptions clientCertificate(Path certificate, Path key) {
        certificateFile = Optional.of(certificate);
        keyFile = Optional.of(key);
        return this;
    }

    TlsTestOptions keyPassword(String password) {
        keyPassword = Optional.of(password);
        return this;
    }

    TlsTestOptions vhost(String name) {
        virtualHost = Optional.of(name);
        return this;
    }

    /** {@code tls.min_version} and {@code tls.max_version}. */
    TlsTestOptions versions(TlsVersion min, TlsVersion max) {
        minVersion = min;
        maxVersion = max;
        return this;
    }

    /** {@code tls.ciphers}, written as in the upstream file. */
    TlsTestOptions ciphers(String list) {
        cipherSuites = TlsSyntax.cipherSuites("tls.ciphers", list);
        return this;
    }

    TlsOptions build() {
        TlsOffer offer = TlsOffer.of(new TlsOffer.Named<>("tls.min_version", minVersion),
                new TlsOffer.Named<>("tls.max_version", maxVersion), new TlsOffer.Named<>("tls.ciphers", cipherSuites));
        return new TlsOptions(verify, verifyHostname, 1, caFile, caPath, certificateFile, keyFile, keyPassword,
                virtualHost, offer);
    }

    /** A transport over these options whose rotation warnings are thrown away. */
    TlsTransport transport() throws TlsMaterialException {
        return TlsTransport.load(build(), warning -> { });
    }
}
