package io.forwardlog.internal.transport;

import io.forwardlog.TlsVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a TLS connection offers the node: the protocol versions from a lowest to a highest and, when
 * they are configured, the cipher suites. As with Fluent Bit, whose {@code tls.ciphers} reaches only
 * OpenSSL's list of TLS 1.2 suites, a list that names no TLS 1.3 suite leaves TLS 1.3 its default
 * suites; a list that names some is the whole choice for TLS 1.3 as well, and a list of TLS 1.3 suites
 * only leaves TLS 1.2 out. Immutable.
 */
public final class TlsOffer {

    /** TLS 1.2 and 1.3 with the provider's default suites: what a node without TLS keys gets. */
    public static final TlsOffer DEFAULT = new TlsOffer(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3, List.of());

    /** A value and the name it goes by in a message: a node key, or the appender's setting. */
    public record Named<T>(String name, T value) {
        public Named {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    private final TlsVersion min;
    private final TlsVersion max;
    private final List<CipherSuite> suites;

    private TlsOffer(TlsVersion min, TlsVersion max, List<CipherSuite> suites) {
        this.min = min;
        this.max = max;
        this.suites = List.copyOf(suites);
    }

    /**
     * The offer of these versions and suites, checked together.
     *
     * @param suites IANA names as {@link TlsSyntax#cipherSuites} gives them; empty for the provider's defaults
     * @throws IllegalArgumentException naming the values that leave nothing to offer: a lowest version above
     *                                  the highest, or TLS 1.3 suites only when TLS 1.3 is ruled out
     */
    public static TlsOffer of(Named<TlsVersion> min, Named<TlsVersion> max, Named<List<String>> suites) {
        if (min.value().compareTo(max.value()) > 0) {
            throw new IllegalArgumentException(min.name() + " " + min.value().configName() + " is above "
                    + max.name() + " " + max.value().configName());
        }
        List<CipherSuite> listed = new ArrayList<>();
        for (String name : suites.value()) {
            listed.add(CipherSuite.named(name).orElseThrow(() -> new IllegalArgumentException(
                    suites.name() + " names '" + name + "', which is not a cipher suite forwardlog offers")));
        }
        TlsOffer offer = new TlsOffer(min.value(), max.value(), listed);
        if (offer.versions().isEmpty()) {
            throw new IllegalArgumentException(suites.name() + " names only TLS 1.3 suites, but " + max.name() + " "
                    + max.value().configName() + " leaves TLS 1.3 out: no suite could be agreed");
        }
        return offer;
    }

    /** The versions offered, lowest first: those from the lowest to the highest that have a suite. */
    List<TlsVersion> versions() {
        List<TlsVersion> versions = new ArrayList<>();
        for (TlsVersion version : TlsVersion.values()) {
            if (version.compareTo(min) >= 0 && version.compareTo(max) <= 0 && hasSuitesFor(version)) {
                versions.add(version);
            }
        }
        return versions;
    }

    /** The JSSE protocol names to enable, highest first. */
    String[] protocols() {
        List<TlsVersion> versions = versions();
        String[] protocols = new String[versions.size()];
        for (int i = 0; i < protocols.length; i++) {
            protocols[i] = versions.get(versions.size() - 1 - i).configName();
        }
        return protocols;
    }

    /**
     * The cipher suites to enable, or null to keep the provider's defaults.
     *
     * @param defaults the suites the engine enables by default, whose TLS 1.3 ones stay when none is listed
     */
    String[] cipherSuites(String[] defaults) {
        if (suites.isEmpty()) {
            return null;
        }
        List<String> enabled = new ArrayList<>();
        if (versions().contains(TlsVersion.TLS_1_3)) {
            List<String> tls13 = names(true);
            enabled.addAll(tls13.isEmpty()
                    ? Arrays.stream(defaults).filter(CipherSuite::isTls13).toList() : tls13);
        }
        if (versions().contains(TlsVersion.TLS_1_2)) {
            enabled.addAll(names(false));
        }
        return enabled.toArray(String[]::new);
    }

    /**
     * What is offered, in words: {@code TLS 1.2 and 1.3}, {@code TLS 1.3 only},
     * {@code TLS 1.2 only, with TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256},
     * {@code TLS 1.2 with TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256; TLS 1.3 with its default suites}.
     */
    String describe() {
        List<TlsVersion> versions = versions();
        if (suites.isEmpty()) {
            return versions.size() == 1 ? "TLS " + versions.get(0).number() + " only"
                    : "TLS " + versions.stream().map(TlsVersion::number).collect(Collectors.joining(" and "));
        }
        if (versions.size() == 1) {
            return "TLS " + versions.get(0).number() + " only, with " + suitesOf(versions.get(0));
        }
        return versions.stream().map(v -> "TLS " + v.number() + " with " + suitesOf(v)).collect(Collectors.joining("; "));
    }

    private String suitesOf(TlsVersion version) {
        List<String> names = names(version == TlsVersion.TLS_1_3);
        return names.isEmpty() ? "its default suites" : String.join(", ", names);
    }

    private boolean hasSuitesFor(TlsVersion version) {
        // TLS 1.3 keeps its defaults when no TLS 1.3 suite is listed; TLS 1.2 has none when only those are
        return version == TlsVersion.TLS_1_3 || suites.isEmpty() || !names(false).isEmpty();
    }

    private List<String> names(boolean tls13) {
        return suites.stream().filter(s -> s.tls13() == tls13).map(CipherSuite::ianaName).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TlsOffer other && min == other.min && max == other.max && suites.equals(other.suites);
    }

    @Override
    public int hashCode() {
        return Objects.hash(min, max, suites);
    }

    @Override
    public String toString() {
        return describe();
    }
}
