package io.forwardlog;

import io.forwardlog.internal.transport.TlsOffer;
import io.forwardlog.internal.balance.DnsOptions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Every appender setting, validated and immutable: a value for each setting of {@link Settings}, which
 * declares their names, defaults and bounds, plus the appender's name and its static fields. Both
 * adapters read their configuration into one of these through {@link ConfiguredSettings}; code builds
 * one with {@link #builder()}. Node keys in the upstream file ({@code require_ack_response},
 * {@code compress}, {@code time_as_integer}, {@code send_options}, {@code tag}, {@code self_hostname},
 * {@code tls.min_version}, {@code tls.max_version}, {@code tls.ciphers}) override the matching setting
 * for that node.
 */
public final class ForwardSettings {

    private final String name;
    private final Map<Setting<?>, Object> values;
    private final String selfHostname;
    private final RecordSchema schema;

    private ForwardSettings(Builder b) {
        this.name = b.name;
        this.values = Collections.unmodifiableMap(new HashMap<>(b.values));
        String hostname = get(Settings.SELF_HOSTNAME);
        this.selfHostname = hostname != null ? hostname : localHostName();
        this.schema = new RecordSchema(get(Settings.INCLUDE_CALLER_DATA), orEmpty(get(Settings.FIELD_NAMES)),
                orEmpty(get(Settings.EXCLUDE_FIELDS)), b.staticFields);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The value of {@code setting}: its default when it was not set, {@code null} when it has none. */
    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        return (T) values.get(Objects.requireNonNull(setting, "setting"));
    }

    /** The appender's name, used in thread names, messages and the JMX object name. */
    public String name() { return name; }
    /** @see Settings#UPSTREAM */
    public Path upstream() { return get(Settings.UPSTREAM); }
    /** @see Settings#TAG */
    public String tag() { return get(Settings.TAG); }
    /** @see Settings#REQUIRE_ACK_RESPONSE */
    public boolean requireAckResponse() { return get(Settings.REQUIRE_ACK_RESPONSE); }
    /** @see Settings#ACK_RESPONSE_TIMEOUT */
    public Duration ackResponseTimeout() { return get(Settings.ACK_RESPONSE_TIMEOUT); }
    /** @see Settings#MAX_IN_FLIGHT */
    public int maxInFlight() { return get(Settings.MAX_IN_FLIGHT); }
    /** @see Settings#COMPRESS */
    public Compression compress() { return get(Settings.COMPRESS); }
    /** @see Settings#TIME_AS_INTEGER */
    public boolean timeAsInteger() { return get(Settings.TIME_AS_INTEGER); }
    /** @see Settings#SEND_OPTIONS */
    public boolean sendOptions() { return get(Settings.SEND_OPTIONS); }
    /** @see Settings#SELF_HOSTNAME; when it is not set, this machine's host name */
    public String selfHostname() { return selfHostname; }
    /** @see Settings#CONNECT_TIMEOUT */
    public Duration connectTimeout() { return get(Settings.CONNECT_TIMEOUT); }
    /** @see Settings#SEND_TIMEOUT */
    public Duration sendTimeout() { return get(Settings.SEND_TIMEOUT); }
    /** @see Settings#TLS_MIN_VERSION */
    public TlsVersion tlsMinVersion() { return get(Settings.TLS_MIN_VERSION); }
    /** @see Settings#TLS_MAX_VERSION */
    public TlsVersion tlsMaxVersion() { return get(Settings.TLS_MAX_VERSION); }
    /** @see Settings#TLS_CIPHERS; the IANA names of the suites, empty when the provider's defaults are offered */
    public Optional<List<String>> tlsCiphers() { return Optional.ofNullable(get(Settings.TLS_CIPHERS)); }
    /** @see Settings#VERIFY_CONNECTION_AT_STARTUP */
    public boolean verifyConnectionAtStartup() { return get(Settings.VERIFY_CONNECTION_AT_STARTUP); }
    /** @see Settings#KEEPALIVE_TIMEOUT; empty: a connection is kept until it breaks or the node ends it */
    public Optional<Duration> keepaliveTimeout() { return Optional.ofNullable(get(Settings.KEEPALIVE_TIMEOUT)); }
    /** @see Settings#KEEPALIVE_MAX_RECYCLE; 0: never */
    public int keepaliveMaxRecycle() { return get(Settings.KEEPALIVE_MAX_RECYCLE); }
    /** @see Settings#DNS_ROUND_ROBIN */
    public boolean dnsRoundRobin() { return get(Settings.DNS_ROUND_ROBIN); }
    /** @see Settings#EXPIRE_DNS_CACHE; empty: looked up at every connect, through the JVM's cache */
    public Optional<Duration> expireDnsCache() { return Optional.ofNullable(get(Settings.EXPIRE_DNS_CACHE)); }
    /** @see Settings#HEARTBEAT_TYPE */
    public HeartbeatType heartbeatType() { return get(Settings.HEARTBEAT_TYPE); }
    /** @see Settings#HEARTBEAT_INTERVAL */
    public Duration heartbeatInterval() { return get(Settings.HEARTBEAT_INTERVAL); }
    /** @see Settings#PHI_FAILURE_DETECTOR */
    public boolean phiFailureDetector() { return get(Settings.PHI_FAILURE_DETECTOR); }
    /** @see Settings#PHI_THRESHOLD */
    public double phiThreshold() { return get(Settings.PHI_THRESHOLD); }
    /** @see Settings#HARD_TIMEOUT */
    public Duration hardTimeout() { return get(Settings.HARD_TIMEOUT); }
    /** @see Settings#RECOVER_WAIT */
    public Duration recoverWait() { return get(Settings.RECOVER_WAIT); }
    /** @see Settings#RETRY_MAX_BACKOFF */
    public Duration retryMaxBackoff() { return get(Settings.RETRY_MAX_BACKOFF); }
    /** @see Settings#BUFFER_CAPACITY */
    public long bufferCapacity() { return get(Settings.BUFFER_CAPACITY); }
    /** @see Settings#CHUNK_SIZE */
    public long chunkSize() { return get(Settings.CHUNK_SIZE); }
    /** @see Settings#FLUSH_INTERVAL */
    public Duration flushInterval() { return get(Settings.FLUSH_INTERVAL); }
    /** @see Settings#OVERFLOW */
    public OverflowPolicy overflow() { return get(Settings.OVERFLOW); }
    /** @see Settings#BLOCK_TIMEOUT */
    public Duration blockTimeout() { return get(Settings.BLOCK_TIMEOUT); }
    /** @see Settings#SPOOL_DIR */
    public Optional<Path> spoolDir() { return Optional.ofNullable(get(Settings.SPOOL_DIR)); }
    /** @see Settings#SPOOL_CAPACITY */
    public long spoolCapacity() { return get(Settings.SPOOL_CAPACITY); }
    /** @see Settings#SHUTDOWN_TIMEOUT */
    public Duration shutdownTimeout() { return get(Settings.SHUTDOWN_TIMEOUT); }
    /** @see Settings#STATUS_INTERVAL */
    public Duration statusInterval() { return get(Settings.STATUS_INTERVAL); }
    /** @see Settings#UPSTREAM_CHECK_INTERVAL */
    public Duration upstreamCheckInterval() { return get(Settings.UPSTREAM_CHECK_INTERVAL); }
    /** @see Settings#JMX */
    public boolean jmx() { return get(Settings.JMX); }
    /** What goes into each record: caller data, renamed and excluded fields, static fields. */
    public RecordSchema schema() { return schema; }

    @Override
    public String toString() {
        return "ForwardSettings[name=" + name + ", upstream=" + upstream() + ", tag=" + tag()
                + ", requireAckResponse=" + requireAckResponse() + ", compress=" + compress().configName()
                + ", bufferCapacity=" + bufferCapacity() + ", chunkSize=" + chunkSize() + ", flushInterval=" + flushInterval()
                + ", overflow=" + overflow() + spoolDir().map(d -> ", spoolDir=" + d).orElse("") + "]";
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }

    private static <E> Set<E> orEmpty(Set<E> set) {
        return set == null ? Set.of() : set;
    }

    private static <E> List<E> orEmpty(List<E> list) {
        return list == null ? List.of() : list;
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env != null && !env.isBlank() ? env : "localhost";
        }
    }

    /**
     * Builds {@link ForwardSettings}; every setter checks its value against the setting's declaration in
     * {@link Settings} and names the setting when it is wrong.
     */
    public static final class Builder {
        private String name = "forward";
        private final Map<Setting<?>, Object> values = new HashMap<>();
        private final Map<String, String> staticFields = new LinkedHashMap<>();

        private Builder() {
            Settings.all().forEach(setting -> values.put(setting, setting.defaultValue()));
        }

        /** @throws IllegalArgumentException naming {@code setting} when it does not allow {@code value} */
        public <T> Builder set(Setting<T> setting, T value) {
            values.put(setting, setting.check(value));
            return this;
        }

        /** Sets {@code setting} from text written as in a configuration file. @throws IllegalArgumentException naming it */
        public Builder parse(Setting<?> setting, String text) {
            values.put(setting, setting.parse(text));
            return this;
        }

        public Builder name(String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("name must not be empty");
            }
            name = value.trim();
            return this;
        }

        public Builder upstream(Path value) { return set(Settings.UPSTREAM, value); }
        public Builder tag(String value) { return set(Settings.TAG, value); }
        public Builder requireAckResponse(boolean value) { return set(Settings.REQUIRE_ACK_RESPONSE, value); }
        public Builder ackResponseTimeout(Duration value) { return set(Settings.ACK_RESPONSE_TIMEOUT, value); }
        public Builder maxInFlight(int value) { return set(Settings.MAX_IN_FLIGHT, value); }
        public Builder compress(Compression value) { return set(Settings.COMPRESS, value); }
        public Builder timeAsInteger(boolean value) { return set(Settings.TIME_AS_INTEGER, value); }
        public Builder sendOptions(boolean value) { return set(Settings.SEND_OPTIONS, value); }
        public Builder selfHostname(String value) { return set(Settings.SELF_HOSTNAME, value); }
        public Builder connectTimeout(Duration value) { return set(Settings.CONNECT_TIMEOUT, value); }
        public Builder sendTimeout(Duration value) { return set(Settings.SEND_TIMEOUT, value); }
        public Builder tlsMinVersion(TlsVersion value) { return set(Settings.TLS_MIN_VERSION, value); }
        public Builder tlsMaxVersion(TlsVersion value) { return set(Settings.TLS_MAX_VERSION, value); }
        /** Cipher suites, each by its OpenSSL or IANA name. */
        public Builder tlsCiphers(List<String> value) { return set(Settings.TLS_CIPHERS, value); }
        public Builder verifyConnectionAtStartup(boolean value) { return set(Settings.VERIFY_CONNECTION_AT_STARTUP, value); }
        public Builder keepaliveTimeout(Duration value) { return set(Settings.KEEPALIVE_TIMEOUT, value); }
        public Builder keepaliveMaxRecycle(int value) { return set(Settings.KEEPALIVE_MAX_RECYCLE, value); }
        public Builder dnsRoundRobin(boolean value) { return set(Settings.DNS_ROUND_ROBIN, value); }
        public Builder expireDnsCache(Duration value) { return set(Settings.EXPIRE_DNS_CACHE, value); }
        public Builder heartbeatType(HeartbeatType value) { return set(Settings.HEARTBEAT_TYPE, value); }
        public Builder heartbeatInterval(Duration value) { return set(Settings.HEARTBEAT_INTERVAL, value); }
        public Builder phiFailureDetector(boolean value) { return set(Settings.PHI_FAILURE_DETECTOR, value); }
        public Builder phiThreshold(double value) { return set(Settings.PHI_THRESHOLD, value); }
        public Builder hardTimeout(Duration value) { return set(Settings.HARD_TIMEOUT, value); }
        public Builder recoverWait(Duration value) { return set(Settings.RECOVER_WAIT, value); }
        public Builder retryMaxBackoff(Duration value) { return set(Settings.RETRY_MAX_BACKOFF, value); }
        public Builder bufferCapacity(long value) { return set(Settings.BUFFER_CAPACITY, value); }
        public Builder chunkSize(long value) { return set(Settings.CHUNK_SIZE, value); }
        public Builder flushInterval(Duration value) { return set(Settings.FLUSH_INTERVAL, value); }
        public Builder overflow(OverflowPolicy value) { return set(Settings.OVERFLOW, value); }
        public Builder blockTimeout(Duration value) { return set(Settings.BLOCK_TIMEOUT, value); }
        public Builder spoolDir(Path value) { return set(Settings.SPOOL_DIR, value); }
        public Builder spoolCapacity(long value) { return set(Settings.SPOOL_CAPACITY, value); }
        public Builder shutdownTimeout(Duration value) { return set(Settings.SHUTDOWN_TIMEOUT, value); }
        public Builder statusInterval(Duration value) { return set(Settings.STATUS_INTERVAL, value); }
        public Builder upstreamCheckInterval(Duration value) { return set(Settings.UPSTREAM_CHECK_INTERVAL, value); }
        public Builder jmx(boolean value) { return set(Settings.JMX, value); }
        public Builder includeCallerData(boolean value) { return set(Settings.INCLUDE_CALLER_DATA, value); }

        /** Writes field {@code field} (one of {@link RecordSchema#FIELDS}) under {@code wireName}. */
        public Builder fieldName(String field, String wireName) {
            Map<String, String> renames = new LinkedHashMap<>(orEmpty(get(Settings.FIELD_NAMES)));
            renames.put(field, wireName);
            return set(Settings.FIELD_NAMES, renames);
        }

        /** Leaves field {@code field} (one of {@link RecordSchema#FIELDS}) out of every record. */
        public Builder excludeField(String field) {
            Set<String> excluded = new LinkedHashSet<>(orEmpty(get(Settings.EXCLUDE_FIELDS)));
            excluded.add(field);
            return set(Settings.EXCLUDE_FIELDS, excluded);
        }

        /** Renames written as one setting, {@code level=severity,message=msg}, as both adapters take them. */
        public Builder fieldNames(String list) {
            return parse(Settings.FIELD_NAMES, list);
        }

        /** Fields left out, written as one setting, {@code thread,markers}, as both adapters take them. */
        public Builder excludeFields(String list) {
            return parse(Settings.EXCLUDE_FIELDS, list);
        }

        /** Adds {@code key: value} to every record. */
        public Builder staticField(String key, String value) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("staticField key must not be empty");
            }
            staticFields.put(key.trim(), Objects.requireNonNull(value, "staticField value"));
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the setting that is missing or wrong
         */
        public ForwardSettings build() {
            List<String> problems = problems(Set.of());
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(problems.get(0));
            }
            return new ForwardSettings(this);
        }

        /** What is wrong with the settings taken together, leaving out each rule that involves a setting of {@code failed}. */
        List<String> problems(Set<Setting<?>> failed) {
            List<String> problems = new ArrayList<>();
            if (get(Settings.UPSTREAM) == null && !failed.contains(Settings.UPSTREAM)) {
                problems.add(Settings.UPSTREAM + " is required: the path of a Fluent Bit upstream file");
            }
            long chunkSize = get(Settings.CHUNK_SIZE);
            long bufferCapacity = get(Settings.BUFFER_CAPACITY);
            if (chunkSize > bufferCapacity && !failed.contains(Settings.CHUNK_SIZE)
                    && !failed.contains(Settings.BUFFER_CAPACITY)) {
                problems.add(Settings.CHUNK_SIZE + " (" + chunkSize + " bytes) must not exceed " + Settings.BUFFER_CAPACITY
                        + " (" + bufferCapacity + " bytes)");
            }
            if (!failed.contains(Settings.TLS_MIN_VERSION) && !failed.contains(Settings.TLS_MAX_VERSION)
                    && !failed.contains(Settings.TLS_CIPHERS)) {
                try {
                    TlsOffer.of(named(Settings.TLS_MIN_VERSION), named(Settings.TLS_MAX_VERSION),
                            new TlsOffer.Named<>(Settings.TLS_CIPHERS.name(), orEmpty(get(Settings.TLS_CIPHERS))));
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
            if (Boolean.TRUE.equals(get(Settings.DNS_ROUND_ROBIN)) && get(Settings.HEARTBEAT_TYPE) == HeartbeatType.UDP
                    && !failed.contains(Settings.DNS_ROUND_ROBIN) && !failed.contains(Settings.HEARTBEAT_TYPE)) {
                problems.add(DnsOptions.needsTransportHeartbeats(Settings.DNS_ROUND_ROBIN.name()));
            }
            return problems;
        }

        @SuppressWarnings("unchecked")
        private <T> T get(Setting<T> setting) {
            return (T) values.get(setting);
        }

        private <T> TlsOffer.Named<T> named(Setting<T> setting) {
            return new TlsOffer.Named<>(setting.name(), get(setting));
        }
    }
}
