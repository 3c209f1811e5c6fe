package io.forwardlog.internal.transport;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;

/**
 * Builds an {@link SSLContext} on BouncyCastle's JSSE provider from a node's TLS options. The
 * providers are used by reference and never installed in the JVM, so the application's own TLS is
 * untouched.
 */
final class TlsContextLoader {

    /** Created once: building the BouncyCastle providers is costly. */
    private static final class Providers {
        static final Provider CRYPTO = new BouncyCastleProvider();
        static final Provider JSSE = new BouncyCastleJsseProvider(CRYPTO);
    }

    private static final char[] IN_MEMORY_PASSWORD = "forwardlog".toCharArray();

    private final PemFiles pem = new PemFiles(Providers.CRYPTO);

    /** Reads every file the options name and builds the context. */
    SSLContext load(TlsOptions options) throws TlsMaterialException {
        KeyManager[] keyManagers = keyManagers(options);
        TrustManager[] trustManagers = trustManagers(options);
        try {
            SSLContext context = SSLContext.getInstance("TLS", Providers.JSSE);
            context.init(keyManagers, trustManagers, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new TlsMaterialException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** The files whose change means the context must be built again. */
    static List<Path> files(TlsOptions options) {
        List<Path> files = new ArrayList<>();
        options.caFile().ifPresent(files::add);
        options.caPath().ifPresent(files::add);
        options.certificateFile().ifPresent(files::add);
        options.keyFile().ifPresent(files::add);
        return files;
    }

    private TrustManager[] trustManagers(TlsOptions options) throws TlsMaterialException {
        if (!options.verify()) {
            return new TrustManager[] {new TrustEverything()};
        }
        try {
            KeyStore trusted = null;
            if (options.caFile().isPresent() || options.caPath().isPresent()) {
                trusted = KeyStore.getInstance("PKCS12");
                trusted.load(null, null);
                int n = 0;
                if (options.caFile().isPresent()) {
                    for (X509Certificate ca : pem.certificates("tls.ca_file", options.caFile().get())) {
                        trusted.setCertificateEntry("ca-" + n++, ca);
                    }
                }
                if (options.caPath().isPresent()) {
                    for (X509Certificate ca : pem.certificatesInDirectory("tls.ca_path", options.caPath().get())) {
                        trusted.setCertificateEntry("ca-" + n++, ca);
                    }
                }
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX", Providers.JSSE);
            factory.init(trusted);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsMaterialException("cannot set up the trusted certificates: " + e.getMessage(), e);
        }
    }

    private KeyManager[] keyManagers(TlsOptions options) throws TlsMaterialException {
        if (options.certificateFile().isEmpty() && options.keyFile().isEmpty()) {
            return null;
        }
        if (options.certificateFile().isEmpty() || options.keyFile().isEmpty()) {
            throw new TlsMaterialException("tls.crt_file and tls.key_file go together: set both for a client certificate");
        }
        List<X509Certificate> chain = pem.certificates("tls.crt_file", options.certificateFile().get());
        PrivateKey key = pem.privateKey("tls.key_file", options.keyFile().get(), options.keyPassword());
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("client", key, IN_MEMORY_PASSWORD, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory factory = KeyManagerFactory.getInstance("PKIX", Providers.JSSE);
            factory.init(store, IN_MEMORY_PASSWORD);
            return factory.getKeyManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsMaterialException("tls.key_file '" + options.keyFile().get()
                    + "' does not fit tls.crt_file '" + options.certificateFile().get() + "': " + e.getMessage(), e);
        }
    }
}
