package io.forwardlog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every appender setting, each declared once: name, kind of value and bounds, default, one line of
 * documentation, and the Fluentd {@code out_forward} / Fluent Bit setting it corresponds to. The names
 * are the elements of {@code logback.xml} and the attributes of {@code log4j2.xml}; the meanings and
 * equivalents are the README's table of appender settings, which a test keeps equal to this one.
 * Values are written as in a configuration file: durations {@code 500 milliseconds}, {@code 10 seconds},
 * {@code 2 minutes} or {@code PT10S} (a bare number is seconds); sizes {@code 64MB}, {@code 512KB}
 * (a bare number is bytes); booleans {@code on/off}, {@code true/false}, {@code yes/no}.
 */
public final class Settings {

    private static final long KB = 1024;
    private static final long MB = 1024 * KB;
    private static final List<Setting<?>> ALL = new ArrayList<>();

    public static final Setting<Path> UPSTREAM = add(Setting.withoutDefault(
            "upstream", ValueKind.path(), "required",
            "Path of the upstream file (classic or YAML)",
            "Fluent Bit `Upstream`"));
    public static final Setting<String> TAG = add(Setting.withDefault(
            "tag", ValueKind.tag(), "app",
            "Fixed text, or a pattern with `{logger}` and `{level}`",
            "Fluent Bit `Tag`"));
    public static final Setting<Boolean> REQUIRE_ACK_RESPONSE = add(Setting.withDefault(
            "requireAckResponse", ValueKind.bool(), "false",
            "Ask for an ack of every batch and resend until acked (at-least-once)",
            "`require_ack_response`"));
    public static final Setting<Duration> ACK_RESPONSE_TIMEOUT = add(Setting.withDefault(
            "ackResponseTimeout", ValueKind.positiveDuration(), "30 seconds",
            "How long an ack may take before the batch is sent again",
            "`ack_response_timeout` (190s)"));
    public static final Setting<Integer> MAX_IN_FLIGHT = add(Setting.withDefault(
            "maxInFlight", ValueKind.wholeNumber(1, 1024), "16",
            "Unacknowledged batches one connection may carry (1..1024)",
            "— (both wait for each ack)"));
    public static final Setting<Compression> COMPRESS = add(Setting.withDefault(
            "compress", ValueKind.oneOf(Compression::fromConfig).checked(Settings::usable), "text",
            "`text` (PackedForward), `gzip` or `zstd` (CompressedPackedForward; zstd needs zstd-jni and a node that "
                    + "reads it: Fluentd ≥ 1.19, Fluent Bit in_forward ≥ 4.1; [more](#compression-gzip-and-zstd))",
            "`compress` (`zstd` since 1.19)"));
    public static final Setting<Boolean> TIME_AS_INTEGER = add(Setting.withDefault(
            "timeAsInteger", ValueKind.bool(), "false",
            "Integer seconds instead of EventTime (Fluentd v0.12)",
            "`time_as_integer`"));
    public static final Setting<Boolean> SEND_OPTIONS = add(Setting.withDefault(
            "sendOptions", ValueKind.bool(), "false",
            "Always send the option map with `size`",
            "Fluent Bit `Send_options`"));
    public static final Setting<String> SELF_HOSTNAME = add(Setting.withoutDefault(
            "selfHostname", ValueKind.hostName(), "this host's name",
            "Host name sent in the handshake",
            "`<security> self_hostname`"));
    public static final Setting<Duration> CONNECT_TIMEOUT = add(Setting.withDefault(
            "connectTimeout", ValueKind.positiveDuration(), "10 seconds",
            "Connect, TLS and Forward handshakes together",
            "`connect_timeout`"));
    public static final Setting<Duration> SEND_TIMEOUT = add(Setting.withDefault(
            "sendTimeout", ValueKind.positiveDuration(), "10 seconds",
            "One batch's write; past it the node counts as not reading",
            "`send_timeout` (60s)"));
    public static final Setting<TlsVersion> TLS_MIN_VERSION = add(Setting.withDefault(
            "tlsMinVersion", ValueKind.tlsVersion(), "TLSv1.2",
            "Lowest TLS version offered to nodes with `tls on`: `TLSv1.2` or `TLSv1.3`; a node's `tls.min_version` "
                    + "wins",
            "`tls_version` (one version for both ends); Fluent Bit `tls.min_version`"));
    public static final Setting<TlsVersion> TLS_MAX_VERSION = add(Setting.withDefault(
            "tlsMaxVersion", ValueKind.tlsVersion(), "TLSv1.3",
            "Highest TLS version offered: `TLSv1.2` or `TLSv1.3`; a node's `tls.max_version` wins",
            "`tls_version`; Fluent Bit `tls.max_version`"));
    public static final Setting<List<String>> TLS_CIPHERS = add(Setting.withoutDefault(
            "tlsCiphers", ValueKind.cipherSuites(), "BouncyCastle's defaults",
            "Cipher suites offered, by OpenSSL or IANA names separated by `:`; without a TLS 1.3 suite in the list, "
                    + "TLS 1.3 keeps its default suites; a node's `tls.ciphers` wins",
            "`tls_ciphers`; Fluent Bit `tls.ciphers`"));
    public static final Setting<Boolean> VERIFY_CONNECTION_AT_STARTUP = add(Setting.withDefault(
            "verifyConnectionAtStartup", ValueKind.bool(), "false",
            "Connect to the nodes at start, one after the other until one connects and authenticates; when none "
                    + "does, the appender does not start, and the message gives each node's reason",
            "`verify_connection_at_startup`"));
    public static final Setting<Duration> KEEPALIVE_TIMEOUT = add(Setting.withoutDefault(
            "keepaliveTimeout", ValueKind.positiveDuration(), "none",
            "A data connection open this long is replaced: no new batches on it, its acks read, then closed, "
                    + "while the next one (looked up again) takes the batches",
            "`keepalive_timeout` (counted from the last use)"));
    public static final Setting<Integer> KEEPALIVE_MAX_RECYCLE = add(Setting.withDefault(
            "keepaliveMaxRecycle", ValueKind.wholeNumber(0, Integer.MAX_VALUE), "0",
            "A data connection that has carried this many batches is replaced in the same way; `0`: never",
            "Fluent Bit `net.keepalive_max_recycle` (2000)"));
    public static final Setting<Boolean> DNS_ROUND_ROBIN = add(Setting.withDefault(
            "dnsRoundRobin", ValueKind.bool(), "false",
            "At each connect, pick one of all the host's addresses at random, each as likely, instead of the first; "
                    + "needs `heartbeatType` `transport` or `none`. Per node: `dns_round_robin`",
            "`dns_round_robin`"));
    public static final Setting<Duration> EXPIRE_DNS_CACHE = add(Setting.withoutDefault(
            "expireDnsCache", ValueKind.durationOrZero(), "the JVM's cache",
            "How long a node's addresses are kept before the next connect looks them up again; `0`, like the "
                    + "default, looks up at every connect, which the JVM answers from its own cache "
                    + "(`networkaddress.cache.ttl`, 30 s). Per node: `expire_dns_cache`",
            "`expire_dns_cache` (default: for ever)"));
    public static final Setting<HeartbeatType> HEARTBEAT_TYPE = add(Setting.withDefault(
            "heartbeatType", ValueKind.oneOf(HeartbeatType::fromConfig), "transport",
            "`transport` (an empty Forward message with a chunk on the data connection, its ack is the "
                    + "heartbeat; a connection is opened when there is none), `tcp` (an old name for `transport`, as "
                    + "in Fluentd 1.x), `udp` (Fluentd's datagram; Fluent Bit does not answer it), `none`",
            "`heartbeat_type`"));
    public static final Setting<Duration> HEARTBEAT_INTERVAL = add(Setting.withDefault(
            "heartbeatInterval", ValueKind.positiveDuration(), "1 second",
            "Time between heartbeats",
            "`heartbeat_interval`"));
    public static final Setting<Boolean> PHI_FAILURE_DETECTOR = add(Setting.withDefault(
            "phiFailureDetector", ValueKind.bool(), "true",
            "Use the phi accrual failure detector (computed as Fluentd does)",
            "`phi_failure_detector`"));
    public static final Setting<Double> PHI_THRESHOLD = add(Setting.withDefault(
            "phiThreshold", ValueKind.positiveNumber(), "16",
            "Phi above which a silent node is down",
            "`phi_threshold`"));
    public static final Setting<Duration> HARD_TIMEOUT = add(Setting.withDefault(
            "hardTimeout", ValueKind.positiveDuration(), "60 seconds",
            "No heartbeat for this long: down, whatever phi says",
            "`hard_timeout`"));
    public static final Setting<Duration> RECOVER_WAIT = add(Setting.withDefault(
            "recoverWait", ValueKind.durationOrZero(), "10 seconds",
            "A failed node must stay healthy this long before it gets traffic again",
            "`recover_wait`"));
    public static final Setting<Duration> RETRY_MAX_BACKOFF = add(Setting.withDefault(
            "retryMaxBackoff", ValueKind.positiveDuration(), "30 seconds",
            "Longest wait between attempts while no node is available (exponential, with jitter)",
            "`retry_max_interval`"));
    public static final Setting<Long> BUFFER_CAPACITY = add(Setting.withDefault(
            "bufferCapacity", ValueKind.size(64 * KB, Long.MAX_VALUE), "64MB",
            "Memory buffer, in bytes of encoded events (at least 64KB)",
            "`total_limit_size`"));
    public static final Setting<Long> CHUNK_SIZE = add(Setting.withDefault(
            "chunkSize", ValueKind.size(KB, 256 * MB), "1MB",
            "Largest batch (1KB..256MB); a larger event travels alone",
            "`chunk_limit_size`"));
    public static final Setting<Duration> FLUSH_INTERVAL = add(Setting.withDefault(
            "flushInterval", ValueKind.positiveDuration(), "1 second",
            "Longest an event waits for its batch to fill",
            "`flush_interval`"));
    public static final Setting<OverflowPolicy> OVERFLOW = add(Setting.withDefault(
            "overflow", ValueKind.oneOf(OverflowPolicy::fromConfig), "block",
            "What a log call does when the buffer is full: `block` waits for room, at most `blockTimeout` once per "
                    + "episode (see [a full buffer](#full-buffer) under delivery guarantees); `dropNewest` drops the new "
                    + "event at once (Logback `AsyncAppender` with `neverBlock`); `dropOldest` drops the oldest batch "
                    + "not on the wire",
            "`overflow_action` (`block`, `drop_oldest_chunk`; the nearest to `throw_exception` is `dropNewest`)"));
    public static final Setting<Duration> BLOCK_TIMEOUT = add(Setting.withDefault(
            "blockTimeout", ValueKind.durationOrZero(), "1 second",
            "The longest `block` makes a log call wait; once a wait runs out, calls that find the buffer full drop "
                    + "their event at once until a quarter of it is free again",
            "—"));
    public static final Setting<Path> SPOOL_DIR = add(Setting.withoutDefault(
            "spoolDir", ValueKind.path(), "none",
            "Directory for batches no node takes, kept across restarts (one appender per directory)",
            "file buffer `path`"));
    public static final Setting<Long> SPOOL_CAPACITY = add(Setting.withDefault(
            "spoolCapacity", ValueKind.size(MB, Long.MAX_VALUE), "1GB",
            "Largest spool (at least 1MB)",
            "—"));
    public static final Setting<Duration> SHUTDOWN_TIMEOUT = add(Setting.withDefault(
            "shutdownTimeout", ValueKind.durationOrZero(), "10 seconds",
            "How long stopping may take to deliver (or spool) what is buffered",
            "—"));
    public static final Setting<Duration> STATUS_INTERVAL = add(Setting.withDefault(
            "statusInterval", ValueKind.durationOrZero(), "30 seconds",
            "Repeated problems (drops) are reported at most this often",
            "—"));
    public static final Setting<Duration> UPSTREAM_CHECK_INTERVAL = add(Setting.withDefault(
            "upstreamCheckInterval", ValueKind.durationOrZero(), "5 seconds",
            "How often the upstream file is read again; `0` turns reloading off (a file missing at start is "
                    + "still looked for every second)",
            "—"));
    public static final Setting<Boolean> JMX = add(Setting.withDefault(
            "jmx", ValueKind.bool(), "true",
            "Register the JMX MBean `io.forwardlog:type=ForwardAppender,name=<name>`",
            "—"));
    public static final Setting<Boolean> INCLUDE_CALLER_DATA = add(Setting.withDefault(
            "includeCallerData", ValueKind.bool(), "false",
            "Add `caller_class`, `caller_method`, `caller_file`, `caller_line` (Log4j2: async loggers also "
                    + "need `includeLocation=\"true\"`)",
            "—"));
    public static final Setting<Map<String, String>> FIELD_NAMES = add(Setting.withoutDefault(
            "fieldNames", ValueKind.renames(), "none",
            "Renames, e.g. `level=severity,message=msg`",
            "—"));
    public static final Setting<Set<String>> EXCLUDE_FIELDS = add(Setting.withoutDefault(
            "excludeFields", ValueKind.fields(), "none",
            "Fields left out, e.g. `thread,markers`",
            "—"));

    private Settings() {
    }

    /** Every setting, in the order of the README's table. */
    public static List<Setting<?>> all() {
        return Collections.unmodifiableList(ALL);
    }

    /** The setting called {@code name}, ignoring case as Logback and Log4j2 do for elements and attributes. */
    public static Optional<Setting<?>> named(String name) {
        return ALL.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The names of every setting, {@code upstream, tag, ...}, for messages. */
    static String names() {
        return ALL.stream().map(Setting::name).collect(Collectors.joining(", "));
    }

    private static <T> Setting<T> add(Setting<T> setting) {
        if (named(setting.name()).isPresent()) {
            throw new IllegalStateException("setting " + setting.name().toLowerCase(Locale.ROOT) + " is declared twice");
        }
        ALL.add(setting);
        return setting;
    }

    /** zstd only when {@code com.github.luben:zstd-jni} can be used here; its problem is the message otherwise. */
    private static Compression usable(Compression compression) {
        if (compression == Compression.ZSTD) {
            io.forwardlog.internal.forward.ZstdLibrary.problem().ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
        }
        return compression;
    }
}
