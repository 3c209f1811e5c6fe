package io.forwardlog.testkit.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/** In-memory key stores and JDK TLS contexts built from the test PKI's keys and certificates. */
final class TlsMaterial {

    /** The JDK's own provider, even where a test has put BouncyCastle's JSSE first. */
    private static final String SUN_JSSE = "SunJSSE";
    private static final String KEY_STORE_TYPE = "PKCS12";

    private TlsMaterial() {
    }

    static KeyStore keyStore(String alias, PrivateKey key, List<X509Certificate> chain, char[] password) {
        KeyStore store = emptyStore();
        try {
            store.setKeyEntry(alias, key, password, chain.toArray(new Certificate[0]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot put the key of '" + alias + "' into a key store", e);
        }
        return store;
    }

    static KeyStore trustStore(String alias, X509Certificate anchor) {
        KeyStore store = emptyStore();
        try {
            store.setCertificateEntry(alias, anchor);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot put '" + alias + "' into a trust store", e);
        }
        return store;
    }

    /**
     * A SunJSSE context that presents the key in {@code keyStore}; it trusts the certificates in
     * {@code trustStore} as client certificates, or the JDK's default CAs when that is null.
     *
     * <p>The "SunX509" key manager presents the certificate whatever its dates, so that a test server
     * can serve an expired one; SunJSSE's "PKIX" key manager would prefer to find another.
     */
    static SSLContext serverContext(KeyStore keyStore, char[] password, KeyStore trustStore) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance("SunX509", SUN_JSSE);
            keys.init(keyStore, password);
            TrustManager[] trust = null;
            if (trustStore != null) {
                TrustManagerFactory trusted = TrustManagerFactory.getInstance("PKIX", SUN_JSSE);
                trusted.init(trustStore);
                trust = trusted.getTrustManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS", SUN_JSSE);
            context.init(keys.getKeyManagers(), trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a SunJSSE server context", e);
        }
    }

    private static KeyStore emptyStore() {
        try {
            KeyStore store = KeyStore.getInstance(KEY_STORE_TYPE);
            store.load(null, null);
            return store;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create an empty " + KEY_STORE_TYPE + " key store", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create an empty " + KEY_STORE_TYPE + " key store", e);
        }
    }
}
