package io.forwardlog.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link CipherSuite} is the list of suites BouncyCastle's JSSE provider supports, less those left out on
 * purpose; a newer BouncyCastle that adds or drops a suite makes this test say which.
 */
class CipherSuiteTableTest {

    /** No encryption, no authentication, 3DES, integrity only (RFC 9150), Chinese national suites. */
    private static final String LEFT_OUT = ".*_NULL_.*|.*_anon_.*|.*_3DES_.*|TLS_SHA256_SHA256|TLS_SHA384_SHA384"
            + "|TLS_SM4_.*";

    private static SSLContext bouncyCastle;

    @BeforeAll
    static void createContext() throws Exception {
        bouncyCastle = SSLContext.getInstance("TLS", new BouncyCastleJsseProvider(new BouncyCastleProvider()));
        bouncyCastle.init(null, null, null);
    }

    @Test
    void holdsEverySuiteBouncyCastleSupportsButThoseLeftOutOnPurpose() {
        Set<String> expected = supported().stream().filter(name -> !name.matches(LEFT_OUT))
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(expected, table());
    }

    @Test
    void leavesOutNoSuiteBouncyCastleEnablesByDefault() {
        List<String> defaults = Arrays.asList(bouncyCastle.getDefaultSSLParameters().getCipherSuites());

        assertTrue(table().containsAll(defaults), "defaults not in the table: "
                + defaults.stream().filter(name -> !table().contains(name)).toList());
    }

    @Test
    void takesTheFiveTls13SuitesForTls13Ones() {
        Set<String> tls13 = Arrays.stream(CipherSuite.values()).filter(CipherSuite::tls13).map(CipherSuite::ianaName)
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(Set.of("TLS_AES_128_CCM_8_SHA256", "TLS_AES_128_CCM_SHA256", "TLS_AES_128_GCM_SHA256",
                "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"), tls13);
    }

    @Test
    void findsASuiteByEitherNameInAnyCase() {
        assertEquals(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                CipherSuite.named("ECDHE-RSA-AES128-GCM-SHA256").orElseThrow());
        assertEquals(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                CipherSuite.named("ecdhe-rsa-aes128-gcm-sha256").orElseThrow());
        assertEquals(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                CipherSuite.named("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256").orElseThrow());
        assertEquals(CipherSuite.TLS_AES_256_GCM_SHA384, CipherSuite.named("tls_aes_256_gcm_sha384").orElseThrow());
        assertTrue(CipherSuite.named("DES-CBC3-SHA").isEmpty());
    }

    private static Set<String> supported() {
        return new TreeSet<>(Arrays.asList(bouncyCastle.getSupportedSSLParameters().getCipherSuites()));
    }

    private static Set<String> table() {
        return Arrays.stream(CipherSuite.values()).map(CipherSuite::ianaName)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
