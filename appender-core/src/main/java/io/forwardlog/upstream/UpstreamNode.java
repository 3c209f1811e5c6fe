package io.forwardlog.upstream;

import io.forwardlog.Compression;
import io.forwardlog.TlsVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * One {@code [NODE]} of an upstream file: where to connect and how. Immutable.
 *
 * <p>Settings that the appender also has ({@code time_as_integer}, {@code send_options},
 * {@code require_ack_response}, {@code compress}, {@code tag}, {@code tls.min_version},
 * {@code tls.max_version}, {@code tls.ciphers}, {@code dns_round_robin}, {@code expire_dns_cache}) are empty
 * unless the node sets them; empty means "use the appender's setting".
 *
 * <p>Two nodes are equal when every setting is equal, secrets and unknown keys included, wherever they are
 * declared: {@link #file()}, {@link #line()} and the lines of the keys do not take part, so adding a comment above a node does not
 * make a reload see it as changed. {@link #toString()} never shows {@code shared_key}, {@code password} or
 * {@code tls.key_passwd}, nor the values of unknown keys.
 */
public final class UpstreamNode {

    private final String name;
    private final String host;
    private final int port;
    private final Path file;
    private final int line;
    private final boolean tls;
    private final boolean tlsVerify;
    private final boolean tlsVerifyHostname;
    private final int tlsDebug;
    private final Path tlsCaFile;
    private final Path tlsCaPath;
    private final Path tlsCrtFile;
    private final Path tlsKeyFile;
    private final String tlsKeyPasswd;
    private final String tlsVhost;
    private final TlsVersion tlsMinVersion;
    private final TlsVersion tlsMaxVersion;
    private final List<String> tlsCiphers;
    private final String sharedKey;
    private final boolean emptySharedKey;
    private final String selfHostname;
    private final String username;
    private final String password;
    private final Boolean timeAsInteger;
    private final Boolean sendOptions;
    private final Boolean requireAckResponse;
    private final Compression compress;
    private final String tag;
    private final int weight;
    private final boolean standby;
    private final Boolean dnsRoundRobin;
    private final Duration expireDnsCache;
    private final Map<String, String> unknownKeys;
    private final Map<String, Integer> keyLines;

    UpstreamNode(NodeValues v) {
        name = v.name;
        host = v.host;
        port = v.port;
        file = v.file;
        line = v.line;
        tls = v.tls;
        tlsVerify = v.tlsVerify;
        tlsVerifyHostname = v.tlsVerifyHostname;
        tlsDebug = v.tlsDebug;
        tlsCaFile = v.tlsCaFile;
        tlsCaPath = v.tlsCaPath;
        tlsCrtFile = v.tlsCrtFile;
        tlsKeyFile = v.tlsKeyFile;
        tlsKeyPasswd = v.tlsKeyPasswd;
        tlsVhost = v.tlsVhost;
        tlsMinVersion = v.tlsMinVersion;
        tlsMaxVersion = v.tlsMaxVersion;
        tlsCiphers = v.tlsCiphers;
        sharedKey = v.sharedKey;
        emptySharedKey = v.emptySharedKey;
        selfHostname = v.selfHostname;
        username = v.username;
        password = v.password;
        timeAsInteger = v.timeAsInteger;
        sendOptions = v.sendOptions;
        requireAckResponse = v.requireAckResponse;
        compress = v.compress;
        tag = v.tag;
        weight = v.weight;
        standby = v.standby;
        dnsRoundRobin = v.dnsRoundRobin;
        expireDnsCache = v.expireDnsCache;
        unknownKeys = Collections.unmodifiableMap(new LinkedHashMap<>(v.unknownKeys));
        keyLines = Map.copyOf(v.keyLines);
    }

    /** {@code name}: the node's name, unique in its upstream file. */
    public String name() {
        return name;
    }

    /** {@code host}: the IP address or host name to connect to. */
    public String host() {
        return host;
    }

    /** {@code port}: the TCP port, 1 to 65535. */
    public int port() {
        return port;
    }

    /** The file that declares the node (the upstream file or a file it includes). */
    public Path file() {
        return file;
    }

    /** The 1-based line of the node's {@code [NODE]} header (or of its YAML mapping). */
    public int line() {
        return line;
    }

    /** {@code tls}: connect with TLS; default off. */
    public boolean tls() {
        return tls;
    }

    /** {@code tls.verify}: check the server's certificate chain; default on. */
    public boolean tlsVerify() {
        return tlsVerify;
    }

    /**
     * {@code tls.verify_hostname}: check that the server's certificate names {@link #host()} (or
     * {@link #tlsVhost()}); default <b>on</b>. Stricter than Fluent Bit, whose default is off; Fluentd's
     * default is on as well.
     */
    public boolean tlsVerifyHostname() {
        return tlsVerifyHostname;
    }

    /** {@code tls.debug}: Fluent Bit's TLS log level, 0 (none) to 4 (most); default 1. */
    public int tlsDebug() {
        return tlsDebug;
    }

    /** {@code tls.ca_file}: PEM file of trusted CA certificates; relative to the declaring file's directory. */
    public Optional<Path> tlsCaFile() {
        return Optional.ofNullable(tlsCaFile);
    }

    /** {@code tls.ca_path}: directory of trusted CA certificates; relative to the declaring file's directory. */
    public Optional<Path> tlsCaPath() {
        return Optional.ofNullable(tlsCaPath);
    }

    /** {@code tls.crt_file}: the client certificate (PEM); relative to the declaring file's directory. */
    public Optional<Path> tlsCrtFile() {
        return Optional.ofNullable(tlsCrtFile);
    }

    /** {@code tls.key_file}: the client private key (PEM); relative to the declaring file's directory. */
    public Optional<Path> tlsKeyFile() {
        return Optional.ofNullable(tlsKeyFile);
    }

    /** {@code tls.key_passwd}: the password of {@link #tlsKeyFile()}. A secret. */
    public Optional<String> tlsKeyPasswd() {
        return Optional.ofNullable(tlsKeyPasswd);
    }

    /** {@code tls.vhost}: the host name to send in SNI and to verify, instead of {@link #host()}. */
    public Optional<String> tlsVhost() {
        return Optional.ofNullable(tlsVhost);
    }

    /**
     * {@code tls.min_version}: the lowest TLS version offered, {@code TLSv1.2} or {@code TLSv1.3}; empty = the
     * appender's setting.
     */
    public Optional<TlsVersion> tlsMinVersion() {
        return Optional.ofNullable(tlsMinVersion);
    }

    /** {@code tls.max_version}: the highest TLS version offered; empty = the appender's setting. */
    public Optional<TlsVersion> tlsMaxVersion() {
        return Optional.ofNullable(tlsMaxVersion);
    }

    /**
     * {@code tls.ciphers}: the IANA names of the cipher suites offered, in the order given (the file may
     * name them as OpenSSL does); empty = the appender's setting.
     */
    public Optional<List<String>> tlsCiphers() {
        return Optional.ofNullable(tlsCiphers);
    }

    /**
     * {@code shared_key}: the key of the Forward handshake. A secret. With {@code empty_shared_key on} it is
     * {@code Optional.of("")}.
     */
    public Optional<String> sharedKey() {
        return Optional.ofNullable(sharedKey);
    }

    /** {@code empty_shared_key}: do the handshake with an empty shared key; default off. */
    public boolean emptySharedKey() {
        return emptySharedKey;
    }

    /** {@code self_hostname}: the client host name sent in the handshake. */
    public Optional<String> selfHostname() {
        return Optional.ofNullable(selfHostname);
    }

    /** {@code username}: the user for the handshake's user authentication; needs a shared key. */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /** {@code password}: the password of {@link #username()}. A secret. */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** {@code time_as_integer}: send event times as whole seconds (Fluentd 0.12); empty = the appender's setting. */
    public Optional<Boolean> timeAsInteger() {
        return Optional.ofNullable(timeAsInteger);
    }

    /** {@code send_options}: always send the option map; empty = the appender's setting. */
    public Optional<Boolean> sendOptions() {
        return Optional.ofNullable(sendOptions);
    }

    /** {@code require_ack_response}: wait for the server's ack of each chunk; empty = the appender's setting. */
    public Optional<Boolean> requireAckResponse() {
        return Optional.ofNullable(requireAckResponse);
    }

    /** {@code compress}: {@code text}, {@code gzip} or {@code zstd}; empty = the appender's setting. */
    public Optional<Compression> compress() {
        return Optional.ofNullable(compress);
    }

    /** {@code tag}: the tag to send instead of the event's; empty = the appender's setting. */
    public Optional<String> tag() {
        return Optional.ofNullable(tag);
    }

    /** {@code weight} (from Fluentd): the node's share of the traffic, 0 or more; default 60. */
    public int weight() {
        return weight;
    }

    /**
     * {@code standby} (from Fluentd): the node gets batches only while active nodes are down, standing in
     * for their weight; default off.
     */
    public boolean standby() {
        return standby;
    }

    /**
     * {@code dns_round_robin} (from Fluentd): at each connect, pick one of the host's addresses at random
     * rather than the first; empty = the appender's setting.
     */
    public Optional<Boolean> dnsRoundRobin() {
        return Optional.ofNullable(dnsRoundRobin);
    }

    /**
     * {@code expire_dns_cache} (from Fluentd): how long the host's addresses are kept before they are looked
     * up again, zero for every connect; empty = the appender's setting.
     */
    public Optional<Duration> expireDnsCache() {
        return Optional.ofNullable(expireDnsCache);
    }

    /** Keys forwardlog does not know, lower-cased, with their values, in file order. */
    public Map<String, String> unknownKeys() {
        return unknownKeys;
    }

    /**
     * An error about this node's {@code key}, found by a check the file alone cannot make (against the
     * appender's settings): it names the file and the line of the key, or of the node when the key is not
     * given, and starts with {@code [NODE] 'name': }. {@code problem} must not hold a secret.
     */
    public UpstreamFileException errorAt(String key, String problem) {
        return new UpstreamFileException(file, keyLines.getOrDefault(key, line), "[NODE] '" + name + "': " + problem);
    }

    /** Whether connecting starts with the Forward handshake: true when the node has a shared key. */
    public boolean requiresHandshake() {
        return sharedKey != null;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof UpstreamNode n)) {
            return false;
        }
        return port == n.port && tls == n.tls && tlsVerify == n.tlsVerify
                && tlsVerifyHostname == n.tlsVerifyHostname && tlsDebug == n.tlsDebug
                && emptySharedKey == n.emptySharedKey && weight == n.weight && standby == n.standby
                && name.equals(n.name) && host.equals(n.host)
                && Objects.equals(tlsCaFile, n.tlsCaFile) && Objects.equals(tlsCaPath, n.tlsCaPath)
                && Objects.equals(tlsCrtFile, n.tlsCrtFile) && Objects.equals(tlsKeyFile, n.tlsKeyFile)
                && Objects.equals(tlsKeyPasswd, n.tlsKeyPasswd) && Objects.equals(tlsVhost, n.tlsVhost)
                && tlsMinVersion == n.tlsMinVersion && tlsMaxVersion == n.tlsMaxVersion
                && Objects.equals(tlsCiphers, n.tlsCiphers)
                && Objects.equals(sharedKey, n.sharedKey) && Objects.equals(selfHostname, n.selfHostname)
                && Objects.equals(username, n.username) && Objects.equals(password, n.password)
                && Objects.equals(timeAsInteger, n.timeAsInteger) && Objects.equals(sendOptions, n.sendOptions)
                && Objects.equals(requireAckResponse, n.requireAckResponse) && compress == n.compress
                && Objects.equals(tag, n.tag) && Objects.equals(dnsRoundRobin, n.dnsRoundRobin)
                && Objects.equals(expireDnsCache, n.expireDnsCache) && unknownKeys.equals(n.unknownKeys);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, host, port, tls, tlsVerify, tlsVerifyHostname, tlsDebug, tlsCaFile, tlsCaPath,
                tlsCrtFile, tlsKeyFile, tlsKeyPasswd, tlsVhost, sharedKey, emptySharedKey, selfHostname, username,
                password, timeAsInteger, sendOptions, requireAckResponse, compress, tag, weight, standby,
                dnsRoundRobin, expireDnsCache, unknownKeys, tlsMinVersion, tlsMaxVersion, tlsCiphers);
    }

    /** The name, {@code host:port} and the settings that are not secret; see the class description. */
    @Override
    public String toString() {
        StringJoiner s = new StringJoiner(", ", "UpstreamNode{", "}");
        s.add("name=" + name).add("address=" + host + ":" + port);
        s.add("tls=" + tls).add("tls.verify=" + tlsVerify).add("tls.verify_hostname=" + tlsVerifyHostname);
        s.add("tls.debug=" + tlsDebug);
        optional(s, "tls.ca_file", tlsCaFile);
        optional(s, "tls.ca_path", tlsCaPath);
        optional(s, "tls.crt_file", tlsCrtFile);
        optional(s, "tls.key_file", tlsKeyFile);
        optional(s, "tls.vhost", tlsVhost);
        optional(s, "tls.min_version", tlsMinVersion == null ? null : tlsMinVersion.configName());
        optional(s, "tls.max_version", tlsMaxVersion == null ? null : tlsMaxVersion.configName());
        optional(s, "tls.ciphers", tlsCiphers == null ? null : String.join(":", tlsCiphers));
        s.add("handshake=" + requiresHandshake());
        optional(s, "self_hostname", selfHostname);
        optional(s, "username", username);
        optional(s, "time_as_integer", timeAsInteger);
        optional(s, "send_options", sendOptions);
        optional(s, "require_ack_response", requireAckResponse);
        optional(s, "compress", compress == null ? null : compress.configName());
        optional(s, "tag", tag);
        s.add("weight=" + weight).add("standby=" + standby);
        optional(s, "dns_round_robin", dnsRoundRobin);
        optional(s, "expire_dns_cache", expireDnsCache);
        if (!unknownKeys.isEmpty()) {
            s.add("unknown keys=" + unknownKeys.keySet());
        }
        return s.toString();
    }

    private static void optional(StringJoiner s, String key, Object value) {
        if (value != null) {
            s.add(key + "=" + value);
        }
    }
}
