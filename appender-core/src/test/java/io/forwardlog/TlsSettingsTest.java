package io.forwardlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code tlsMinVersion}, {@code tlsMaxVersion} and {@code tlsCiphers}: the appender-wide defaults of the node
 * keys {@code tls.min_version}, {@code tls.max_version} and {@code tls.ciphers}, read by the same code in the
 * same words (the node keys' own tests are in {@code io.forwardlog.upstream.TlsNodeKeysTest}).
 */
class TlsSettingsTest {

    private static ForwardSettings.Builder builder() {
        return ForwardSettings.builder().upstream(Path.of("upstream.conf"));
    }

    private static ForwardSettings configured(String... namesAndTexts) throws InvalidSettingsException {
        ConfiguredSettings configured = new ConfiguredSettings();
        configured.put(Settings.UPSTREAM, "upstream.conf");
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            configured.put(namesAndTexts[i], namesAndTexts[i + 1]);
        }
        return configured.build("FLUENT");
    }

    private static List<String> problems(String... namesAndTexts) {
        return assertThrows(InvalidSettingsException.class, () -> configured(namesAndTexts)).problems();
    }

    @Test
    void offersTls12And13WithTheProvidersSuitesByDefault() {
        ForwardSettings settings = builder().build();

        assertEquals(TlsVersion.TLS_1_2, settings.tlsMinVersion());
        assertEquals(TlsVersion.TLS_1_3, settings.tlsMaxVersion());
        assertEquals(Optional.empty(), settings.tlsCiphers());
    }

    @Test
    void readsVersionsAndSuitesAsTheNodeKeysDo() throws Exception {
        ForwardSettings settings = configured("tlsMinVersion", "tlsv1.3", "tlsMaxVersion", "TLSv1.3",
                "tlsCiphers", "TLS_AES_256_GCM_SHA384:ecdhe-rsa-aes128-gcm-sha256, TLS_AES_256_GCM_SHA384");

        assertEquals(TlsVersion.TLS_1_3, settings.tlsMinVersion());
        assertEquals(TlsVersion.TLS_1_3, settings.tlsMaxVersion());
        assertEquals(Optional.of(List.of("TLS_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")),
                settings.tlsCiphers());
    }

    @Test
    void suitesGivenInCodeAreCheckedAndKeptByTheirIanaNames() {
        ForwardSettings settings = builder().tlsCiphers(List.of("ECDHE-RSA-AES256-GCM-SHA384", "TLS_AES_128_GCM_SHA256"))
                .build();

        assertEquals(Optional.of(List.of("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256")),
                settings.tlsCiphers());
        assertEquals("tlsCiphers names 'HIGH', a class or an operator of OpenSSL's cipher strings, which forwardlog"
                + " does not expand; list the suites themselves, e.g. ECDHE-RSA-AES128-GCM-SHA256:TLS_AES_128_GCM_SHA256",
                assertThrows(IllegalArgumentException.class, () -> builder().tlsCiphers(List.of("HIGH"))).getMessage());
    }

    @Test
    void refusesEveryWrongValueAtOnceNamingTheSetting() {
        assertEquals(List.of(
                "tlsMinVersion 'TLSv1.1' is too old: forwardlog speaks TLS 1.2 and 1.3 only; use TLSv1.2 or TLSv1.3",
                "tlsMaxVersion 'TLSv1_3' is spelled differently here: write TLSv1.3, as Fluent Bit does",
                "tlsCiphers names 'ECDHE-RSA-AES128-GCM-SHA512', which is not a cipher suite forwardlog offers; name"
                        + " suites as OpenSSL does (ECDHE-RSA-AES128-GCM-SHA256) or as IANA does"
                        + " (TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)"),
                problems("tlsCiphers", "ECDHE-RSA-AES128-GCM-SHA512", "tlsMaxVersion", "TLSv1_3",
                        "tlsMinVersion", "TLSv1.1"));
    }

    @Test
    void refusesALowestVersionAboveTheHighest() {
        assertEquals(List.of("tlsMinVersion TLSv1.3 is above tlsMaxVersion TLSv1.2"),
                problems("tlsMinVersion", "TLSv1.3", "tlsMaxVersion", "TLSv1.2"));
        assertEquals("tlsMinVersion TLSv1.3 is above tlsMaxVersion TLSv1.2", assertThrows(IllegalArgumentException.class,
                () -> builder().tlsMinVersion(TlsVersion.TLS_1_3).tlsMaxVersion(TlsVersion.TLS_1_2).build()).getMessage());
    }

    @Test
    void refusesTls13SuitesOnlyWhenTls13IsRuledOut() {
        assertEquals(List.of("tlsCiphers names only TLS 1.3 suites, but tlsMaxVersion TLSv1.2 leaves TLS 1.3 out: no"
                + " suite could be agreed"), problems("tlsMaxVersion", "TLSv1.2", "tlsCiphers", "TLS_AES_128_GCM_SHA256"));
    }

    @Test
    void aWrongVersionIsNotAlsoReportedAsAboveTheOther() {
        assertEquals(List.of("tlsMinVersion 'TLSv9' is not a TLS version; use TLSv1.2 or TLSv1.3"),
                problems("tlsMinVersion", "TLSv9", "tlsMaxVersion", "TLSv1.2"));
    }
}
