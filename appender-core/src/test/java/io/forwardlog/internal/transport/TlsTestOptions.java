package io.forwardlog.internal.transport;

import java.nio.file.Path;
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

    TlsOptions build() {
        return new TlsOptions(verify, verifyHostname, 1, caFile, caPath, certificateFile, keyFile, keyPassword,
                virtualHost);
    }

    /** A transport over these options whose rotation warnings are thrown away. */
    TlsTransport transport() throws TlsMaterialException {
        return TlsTransport.load(build(), warning -> { });
    }
}
