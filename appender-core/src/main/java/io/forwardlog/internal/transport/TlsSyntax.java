package io.forwardlog.internal.transport;

import io.forwardlog.TlsVersion;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How TLS versions and cipher suites are written: the one reader of the appender's settings and of the
 * node keys alike, so that both accept the same text and say the same words about it. Every message
 * starts with the name it is given, a setting's or a node key's.
 */
public final class TlsSyntax {

    /** OpenSSL separates the names of a cipher string with any of these, and so does forwardlog. */
    private static final Pattern SEPARATORS = Pattern.compile("[:,;\\s]+");
    /** A TLS or SSL version however it is spelled: {@code TLSv1.1}, {@code TLS1_2}, {@code SSLv3}. */
    private static final Pattern ANY_VERSION = Pattern.compile("(?i)(ssl|tls)v?([0-9])(?:[._]([0-9]))?");
    private static final Set<String> OLD_VERSIONS = Set.of("1", "1.0", "1.1");
    /** The words of OpenSSL's cipher strings that stand for sets of suites (ssl/ssl_ciph.c), upper-cased. */
    private static final Set<String> OPENSSL_CLASSES = Set.of("ALL", "COMPLEMENTOFALL", "COMPLEMENTOFDEFAULT",
            "DEFAULT", "HIGH", "MEDIUM", "LOW", "EXP", "EXPORT", "FIPS", "NULL", "ENULL", "ANULL", "KRSA", "ARSA",
            "RSA", "KDHR", "KDHD", "KDH", "KEDH", "KDHE", "DH", "EDH", "DHE", "ADH", "KECDHR", "KECDHE", "KECDH",
            "KEECDH", "ECDH", "EECDH", "ECDHE", "AECDH", "ADSS", "DSS", "AECDSA", "ECDSA", "PSK", "KPSK", "APSK",
            "KRSAPSK", "KECDHEPSK", "KDHEPSK", "SRP", "KSRP", "ASRP", "KGOST", "AGOST", "AGOST01", "AGOST12",
            "GOST94", "GOST89MAC", "GOST12", "GOST2012", "3DES", "DES", "RC4", "RC2", "IDEA", "SEED", "AES",
            "AES128", "AES256", "AESGCM", "AESCCM", "AESCCM8", "ARIA", "ARIA128", "ARIA256", "ARIAGCM", "CAMELLIA",
            "CAMELLIA128", "CAMELLIA256", "CHACHA20", "CBC", "MD5", "SHA", "SHA1", "SHA256", "SHA384", "SSLV3",
            "TLSV1", "TLSV1.0", "TLSV1.2", "SUITEB128", "SUITEB128ONLY", "SUITEB128C2", "SUITEB192");
    private static final String EXAMPLE = "ECDHE-RSA-AES128-GCM-SHA256:TLS_AES_128_GCM_SHA256";

    private TlsSyntax() {
    }

    /**
     * Reads a TLS version written as Fluent Bit writes it, {@code TLSv1.2} or {@code TLSv1.3}, in any case.
     *
     * @param name the setting or node key, named in the message
     * @throws IllegalArgumentException for an older version (forwardlog speaks TLS 1.2 and 1.3 only),
     *                                  another spelling, or anything else
     */
    public static TlsVersion version(String name, String text) {
        String value = text == null ? "" : text.trim();
        for (TlsVersion version : TlsVersion.values()) {
            if (version.configName().equalsIgnoreCase(value)) {
                return version;
            }
        }
        Matcher spelled = ANY_VERSION.matcher(value);
        if (spelled.matches()) {
            boolean ssl = spelled.group(1).equalsIgnoreCase("ssl");
            String number = spelled.group(2) + (spelled.group(3) == null ? "" : "." + spelled.group(3));
            if (ssl || OLD_VERSIONS.contains(number)) {
                throw new IllegalArgumentException(name + " '" + text
                        + "' is too old: forwardlog speaks TLS 1.2 and 1.3 only; use TLSv1.2 or TLSv1.3");
            }
            for (TlsVersion version : TlsVersion.values()) {
                if (version.number().equals(number)) {
                    throw new IllegalArgumentException(name + " '" + text + "' is spelled differently here: write "
                            + version.configName() + ", as Fluent Bit does");
                }
            }
        }
        throw new IllegalArgumentException(name + " '" + text + "' is not a TLS version; use TLSv1.2 or TLSv1.3");
    }

    /**
     * Reads a list of cipher suites, by OpenSSL names as Fluent Bit takes them
     * ({@code ECDHE-RSA-AES128-GCM-SHA256}) or by IANA names ({@code TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256},
     * {@code TLS_AES_128_GCM_SHA256}), in any case, separated by {@code :} (or {@code ,}, {@code ;} or
     * spaces, as OpenSSL allows).
     *
     * @param name the setting or node key, named in the message
     * @return the suites' IANA names in the order given, each once
     * @throws IllegalArgumentException naming the first name that is not a suite forwardlog offers, or an
     *                                  OpenSSL class or operator ({@code HIGH}, {@code !aNULL}), which
     *                                  forwardlog does not expand
     */
    public static List<String> cipherSuites(String name, String text) {
        String value = text == null ? "" : text.trim();
        Set<String> suites = new LinkedHashSet<>();
        for (String written : value.isEmpty() ? new String[0] : SEPARATORS.split(value)) {
            if (!written.isEmpty()) {
                suites.add(CipherSuite.named(written).orElseThrow(() -> notASuite(name, written)).ianaName());
            }
        }
        if (suites.isEmpty()) {
            throw new IllegalArgumentException(name + " names no cipher suite; list them separated by ':', e.g. "
                    + EXAMPLE);
        }
        return List.copyOf(suites);
    }

    /** Checks suites given one name each, as code gives them; see {@link #cipherSuites(String, String)}. */
    public static List<String> cipherSuites(String name, List<String> names) {
        return cipherSuites(name, String.join(":", names));
    }

    private static IllegalArgumentException notASuite(String name, String written) {
        char first = written.charAt(0);
        if (first == '!' || first == '-' || first == '+' || first == '@' || written.contains("+")
                || OPENSSL_CLASSES.contains(written.toUpperCase(Locale.ROOT))) {
            return new IllegalArgumentException(name + " names '" + written + "', a class or an operator of OpenSSL's"
                    + " cipher strings, which forwardlog does not expand; list the suites themselves, e.g. " + EXAMPLE);
        }
        return new IllegalArgumentException(name + " names '" + written + "', which is not a cipher suite forwardlog"
                + " offers; name suites as OpenSSL does (ECDHE-RSA-AES128-GCM-SHA256) or as IANA does"
                + " (TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)");
    }
}
