package io.forwardlog.internal.transport;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A node's TLS keys ({@code tls.*} in the upstream file), resolved. {@link #toString()} never shows
 * the key password.
 *
 * @param verify          check the server's certificate chain ({@code tls.verify}, default on)
 * @param verifyHostname  also check that the certificate names the host ({@code tls.verify_hostname}, default on)
 * @param debug           detail of TLS errors, 0..4 ({@code tls.debug})
 * @param caFile          PEM file of trusted CAs instead of the JDK's trust store
 * @param caPath          directory of PEM files of trusted CAs
 * @param certificateFile client certificate chain (PEM) for mutual TLS
 * @param keyFile         client private key (PEM: PKCS#1 or PKCS#8, encrypted or not)
 * @param keyPassword     password of an encrypted key
 * @param virtualHost     host name for SNI and verification instead of the node's host
 * @param offer           the TLS versions and cipher suites offered ({@code tls.min_version},
 *                        {@code tls.max_version}, {@code tls.ciphers} or the appender's defaults)
 */
public record TlsOptions(boolean verify, boolean verifyHostname, int debug, Optional<Path> caFile,
                         Optional<Path> caPath, Optional<Path> certificateFile, Optional<Path> keyFile,
                         Optional<String> keyPassword, Optional<String> virtualHost, TlsOffer offer) {

    public TlsOptions {
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(caPath, "caPath");
        Objects.requireNonNull(certificateFile, "certificateFile");
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(keyPassword, "keyPassword");
        Objects.requireNonNull(virtualHost, "virtualHost");
        Objects.requireNonNull(offer, "offer");
    }

    /** Verification on, the JDK's trust store, no client certificate, TLS 1.2 and 1.3 with the default suites. */
    public static TlsOptions verifying() {
        return new TlsOptions(true, true, 1, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), TlsOffer.DEFAULT);
    }

    @Override
    public String toString() {
        return "TlsOptions[verify=" + verify + ", verifyHostname=" + verifyHostname + ", debug=" + debug
                + caFile.map(p -> ", caFile=" + p).orElse("") + caPath.map(p -> ", caPath=" + p).orElse("")
                + certificateFile.map(p -> ", certificateFile=" + p).orElse("")
                + keyFile.map(p -> ", keyFile=" + p).orElse("") + keyPassword.map(p -> ", keyPassword=***").orElse("")
                + virtualHost.map(v -> ", virtualHost=" + v).orElse("")
                + (offer.equals(TlsOffer.DEFAULT) ? "" : ", offer=" + offer) + "]";
    }
}
