package io.forwardlog;

/**
 * A TLS protocol version forwardlog speaks: the lowest and highest a connection offers are set with
 * {@code tlsMinVersion} and {@code tlsMaxVersion} on the appender, or {@code tls.min_version} and
 * {@code tls.max_version} on a node, written as Fluent Bit writes them: {@code TLSv1.2}, {@code TLSv1.3}.
 * Older versions are not offered at all.
 */
public enum TlsVersion {
    /** TLS 1.2 (RFC 5246). */
    TLS_1_2("TLSv1.2", "1.2"),
    /** TLS 1.3 (RFC 8446). */
    TLS_1_3("TLSv1.3", "1.3");

    private final String configName;
    private final String number;

    TlsVersion(String configName, String number) {
        this.configName = configName;
        this.number = number;
    }

    /** The name written in configuration files, Fluent Bit's spelling, which is also the JSSE protocol name. */
    public String configName() {
        return configName;
    }

    /** The version number alone, {@code 1.2} or {@code 1.3}, for messages such as {@code TLS 1.2 and 1.3}. */
    public String number() {
        return number;
    }
}
