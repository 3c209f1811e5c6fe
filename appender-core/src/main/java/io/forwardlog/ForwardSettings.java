package io.forwardlog;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Every appender setting, validated and immutable. Both adapters translate their configuration into
 * one of these through {@link #builder()}; the names are the ones users write in {@code logback.xml}
 * and {@code log4j2.xml}. Node keys in the upstream file ({@code require_ack_response},
 * {@code compress}, {@code time_as_integer}, {@code send_options}, {@code tag}, {@code self_hostname})
 * override the matching setting for that node.
 */
public final class ForwardSettings {

    private final String name;
    private final Path upstream;
    private final String tag;
    private final boolean requireAckResponse;
    private final Duration ackResponseTimeout;
    private final int maxInFlight;
    private final Compression compress;
    private final boolean timeAsInteger;
    private final boolean sendOptions;
    private final String selfHostname;
    private final Duration connectTimeout;
    private final Duration sendTimeout;
    private final HeartbeatType heartbeatType;
    private final Duration heartbeatInterval;
    private final boolean phiFailureDetector;
    private final double phiThreshold;
    private final Duration hardTimeout;
    private final Duration recoverWait;
    private final Duration retryMaxBackoff;
    private final long bufferCapacity;
    private final long chunkSize;
    private final Duration flushInterval;
    private final OverflowPolicy overflow;
    private final Duration blockTimeout;
    private final Optional<Path> spoolDir;
    private final long spoolCapacity;
    private final Duration shutdownTimeout;
    private final Duration statusInterval;
    private final Duration upstreamCheckInterval;
    private final boolean jmx;
    private final RecordSchema schema;

    private ForwardSettings(Builder b) {
        this.name = b.name;
        this.upstream = b.upstream;
        this.tag = b.tag;
        this.requireAckResponse = b.requireAckResponse;
        this.ackResponseTimeout = b.ackResponseTimeout;
        this.maxInFlight = b.maxInFlight;
        this.compress = b.compress;
        this.timeAsInteger = b.timeAsInteger;
        this.sendOptions = b.sendOptions;
        this.selfHostname = b.selfHostname != null ? b.selfHostname : localHostName();
        this.connectTimeout = b.connectTimeout;
        this.sendTimeout = b.sendTimeout;
        this.heartbeatType = b.heartbeatType;
        this.heartbeatInterval = b.heartbeatInterval;
        this.phiFailureDetector = b.phiFailureDetector;
        this.phiThreshold = b.phiThreshold;
        this.hardTimeout = b.hardTimeout;
        this.recoverWait = b.recoverWait;
        this.retryMaxBackoff = b.retryMaxBackoff;
        this.bufferCapacity = b.bufferCapacity;
        this.chunkSize = b.chunkSize;
        this.flushInterval = b.flushInterval;
        this.overflow = b.overflow;
        this.blockTimeout = b.blockTimeout;
        this.spoolDir = Optional.ofNullable(b.spoolDir);
        this.spoolCapacity = b.spoolCapacity;
        this.shutdownTimeout = b.shutdownTimeout;
        this.statusInterval = b.statusInterval;
        this.upstreamCheckInterval = b.upstreamCheckInterval;
        this.jmx = b.jmx;
        this.schema = new RecordSchema(b.includeCallerData, b.fieldNames, b.excludedFields, b.staticFields);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The appender's name, used in thread names, messages and the JMX object name. */
    public String name() { return name; }
    /** The Fluent Bit upstream file (classic or YAML) that lists the nodes. Required. */
    public Path upstream() { return upstream; }
    /** The tag: fixed text, or a pattern with {@code {logger}} and {@code {level}}. Default {@code app}. */
    public String tag() { return tag; }
    /** Ask for an ack of every batch and resend until acked (at-least-once). Default off. */
    public boolean requireAckResponse() { return requireAckResponse; }
    /** How long an ack may take before the batch is resent. Default 30s. */
    public Duration ackResponseTimeout() { return ackResponseTimeout; }
    /** Unacknowledged batches one connection may carry. Default 16. */
    public int maxInFlight() { return maxInFlight; }
    /** {@code text} (PackedForward) or {@code gzip} (CompressedPackedForward). Default text. */
    public Compression compress() { return compress; }
    /** Integer seconds instead of EventTime, for Fluentd v0.12. Default off. */
    public boolean timeAsInteger() { return timeAsInteger; }
    /** Always send the option map with {@code size}. Default off. */
    public boolean sendOptions() { return sendOptions; }
    /** The host name sent in the Forward handshake. Default: this machine's host name. */
    public String selfHostname() { return selfHostname; }
    /** Connect, TLS handshake and Forward handshake together. Default 10s. */
    public Duration connectTimeout() { return connectTimeout; }
    /** One batch's write; past it the node counts as not reading. Default 10s. */
    public Duration sendTimeout() { return sendTimeout; }
    /** How nodes are probed: tcp, udp, transport or none. Default transport. */
    public HeartbeatType heartbeatType() { return heartbeatType; }
    /** Time between heartbeats. Default 1s. */
    public Duration heartbeatInterval() { return heartbeatInterval; }
    /** Use the phi accrual failure detector. Default on. */
    public boolean phiFailureDetector() { return phiFailureDetector; }
    /** Phi above which a node counts as down (computed as Fluentd does). Default 16. */
    public double phiThreshold() { return phiThreshold; }
    /** A node without a heartbeat for this long is down, whatever phi says. Default 60s. */
    public Duration hardTimeout() { return hardTimeout; }
    /** How long a failed node must stay healthy before it gets traffic again. Default 10s. */
    public Duration recoverWait() { return recoverWait; }
    /** The longest wait between delivery attempts when no node takes a batch. Default 30s. */
    public Duration retryMaxBackoff() { return retryMaxBackoff; }
    /** Bytes of encoded events the memory buffer holds at most. Default 64 MiB. */
    public long bufferCapacity() { return bufferCapacity; }
    /** Bytes of entries in one batch at most. Default 1 MiB. */
    public long chunkSize() { return chunkSize; }
    /** The longest an event waits for its batch to fill. Default 1s. */
    public Duration flushInterval() { return flushInterval; }
    /** What a full buffer does to a new event: block, dropNewest or dropOldest. Default block. */
    public OverflowPolicy overflow() { return overflow; }
    /** The longest {@code block} waits for room, once per episode (see {@link OverflowPolicy#BLOCK}). Default 1s. */
    public Duration blockTimeout() { return blockTimeout; }
    /** A directory where undeliverable batches are kept across restarts. Default none. */
    public Optional<Path> spoolDir() { return spoolDir; }
    /** Bytes the spool directory holds at most. Default 1 GiB. */
    public long spoolCapacity() { return spoolCapacity; }
    /** How long {@code stop()} may take to deliver (or spool) what is buffered. Default 10s. */
    public Duration shutdownTimeout() { return shutdownTimeout; }
    /** Repeated problems (drops, a node that stays down) are reported at most this often. Default 30s. */
    public Duration statusInterval() { return statusInterval; }
    /** How often the upstream file is checked for changes; zero turns reloading off. Default 5s. */
    public Duration upstreamCheckInterval() { return upstreamCheckInterval; }
    /** Register a JMX MBean with each node's state. Default on. */
    public boolean jmx() { return jmx; }
    /** What goes into each record. */
    public RecordSchema schema() { return schema; }

    @Override
    public String toString() {
        return "ForwardSettings[name=" + name + ", upstream=" + upstream + ", tag=" + tag
                + ", requireAckResponse=" + requireAckResponse + ", compress=" + compress.configName()
                + ", bufferCapacity=" + bufferCapacity + ", chunkSize=" + chunkSize + ", flushInterval=" + flushInterval
                + ", overflow=" + overflow + spoolDir.map(d -> ", spoolDir=" + d).orElse("") + "]";
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env != null && !env.isBlank() ? env : "localhost";
        }
    }

    /** Builds {@link ForwardSettings}; every setter checks its value and names the setting when it is wrong. */
    public static final class Builder {
        private String name = "forward";
        private Path upstream;
        private String tag = "app";
        private boolean requireAckResponse;
        private Duration ackResponseTimeout = Duration.ofSeconds(30);
        private int maxInFlight = 16;
        private Compression compress = Compression.TEXT;
        private boolean timeAsInteger;
        private boolean sendOptions;
        private String selfHostname;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration sendTimeout = Duration.ofSeconds(10);
        private HeartbeatType heartbeatType = HeartbeatType.TRANSPORT;
        private Duration heartbeatInterval = Duration.ofSeconds(1);
        private boolean phiFailureDetector = true;
        private double phiThreshold = 16;
        private Duration hardTimeout = Duration.ofSeconds(60);
        private Duration recoverWait = Duration.ofSeconds(10);
        private Duration retryMaxBackoff = Duration.ofSeconds(30);
        private long bufferCapacity = 64L * 1024 * 1024;
        private long chunkSize = 1024L * 1024;
        private Duration flushInterval = Duration.ofSeconds(1);
        private OverflowPolicy overflow = OverflowPolicy.BLOCK;
        private Duration blockTimeout = Duration.ofSeconds(1);
        private Path spoolDir;
        private long spoolCapacity = 1024L * 1024 * 1024;
        private Duration shutdownTimeout = Duration.ofSeconds(10);
        private Duration statusInterval = Duration.ofSeconds(30);
        private Duration upstreamCheckInterval = Duration.ofSeconds(5);
        private boolean jmx = true;
        private boolean includeCallerData;
        private final Map<String, String> fieldNames = new LinkedHashMap<>();
        private final Set<String> excludedFields = new LinkedHashSet<>();
        private final Map<String, String> staticFields = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder name(String value) { name = text("name", value); return this; }
        public Builder upstream(Path value) { upstream = Objects.requireNonNull(value, "upstream"); return this; }
        public Builder tag(String value) { tag = io.forwardlog.internal.record.TagPattern.validate(text("tag", value)); return this; }
        public Builder requireAckResponse(boolean value) { requireAckResponse = value; return this; }
        public Builder ackResponseTimeout(Duration value) { ackResponseTimeout = positive("ackResponseTimeout", value); return this; }
        public Builder maxInFlight(int value) { maxInFlight = (int) between("maxInFlight", value, 1, 1024); return this; }
        public Builder compress(Compression value) { compress = Objects.requireNonNull(value, "compress"); return this; }
        public Builder timeAsInteger(boolean value) { timeAsInteger = value; return this; }
        public Builder sendOptions(boolean value) { sendOptions = value; return this; }
        public Builder selfHostname(String value) { selfHostname = text("selfHostname", value); return this; }
        public Builder connectTimeout(Duration value) { connectTimeout = positive("connectTimeout", value); return this; }
        public Builder sendTimeout(Duration value) { sendTimeout = positive("sendTimeout", value); return this; }
        public Builder heartbeatType(HeartbeatType value) { heartbeatType = Objects.requireNonNull(value, "heartbeatType"); return this; }
        public Builder heartbeatInterval(Duration value) { heartbeatInterval = positive("heartbeatInterval", value); return this; }
        public Builder phiFailureDetector(boolean value) { phiFailureDetector = value; return this; }
        public Builder phiThreshold(double value) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("phiThreshold must be a positive number, was " + value);
            }
            phiThreshold = value;
            return this;
        }
        public Builder hardTimeout(Duration value) { hardTimeout = positive("hardTimeout", value); return this; }
        public Builder recoverWait(Duration value) { recoverWait = notNegative("recoverWait", value); return this; }
        public Builder retryMaxBackoff(Duration value) { retryMaxBackoff = positive("retryMaxBackoff", value); return this; }
        public Builder bufferCapacity(long bytes) { bufferCapacity = between("bufferCapacity", bytes, 64 * 1024, Long.MAX_VALUE); return this; }
        public Builder chunkSize(long bytes) { chunkSize = between("chunkSize", bytes, 1024, 256L * 1024 * 1024); return this; }
        public Builder flushInterval(Duration value) { flushInterval = positive("flushInterval", value); return this; }
        public Builder overflow(OverflowPolicy value) { overflow = Objects.requireNonNull(value, "overflow"); return this; }
        public Builder blockTimeout(Duration value) { blockTimeout = notNegative("blockTimeout", value); return this; }
        public Builder spoolDir(Path value) { spoolDir = value; return this; }
        public Builder spoolCapacity(long bytes) { spoolCapacity = between("spoolCapacity", bytes, 1024 * 1024, Long.MAX_VALUE); return this; }
        public Builder shutdownTimeout(Duration value) { shutdownTimeout = notNegative("shutdownTimeout", value); return this; }
        public Builder statusInterval(Duration value) { statusInterval = notNegative("statusInterval", value); return this; }
        public Builder upstreamCheckInterval(Duration value) { upstreamCheckInterval = notNegative("upstreamCheckInterval", value); return this; }
        public Builder jmx(boolean value) { jmx = value; return this; }
        public Builder includeCallerData(boolean value) { includeCallerData = value; return this; }

        /** Writes field {@code field} (one of {@link RecordSchema#FIELDS}) under {@code wireName}. */
        public Builder fieldName(String field, String wireName) {
            RecordSchema.checkField(field);
            fieldNames.put(field, text("fieldName for " + field, wireName));
            return this;
        }

        /** Leaves field {@code field} (one of {@link RecordSchema#FIELDS}) out of every record. */
        public Builder excludeField(String field) {
            RecordSchema.checkField(field);
            excludedFields.add(field);
            return this;
        }

        /**
         * Renames written as one setting, {@code level=severity,message=msg}, as both adapters take them.
         *
         * @throws IllegalArgumentException when an item is not {@code field=name}, or names no record field
         */
        public Builder fieldNames(String list) {
            for (String item : items(list)) {
                int equals = item.indexOf('=');
                if (equals <= 0 || equals == item.length() - 1) {
                    throw new IllegalArgumentException("fieldNames '" + list
                            + "' is not a list of field=name: write e.g. level=severity,message=msg");
                }
                fieldName(item.substring(0, equals).trim(), item.substring(equals + 1).trim());
            }
            return this;
        }

        /** Fields left out, written as one setting, {@code thread,markers}, as both adapters take them. */
        public Builder excludeFields(String list) {
            for (String item : items(list)) {
                excludeField(item);
            }
            return this;
        }

        private static String[] items(String list) {
            String trimmed = list == null ? "" : list.trim();
            return trimmed.isEmpty() ? new String[0] : trimmed.split("\\s*,\\s*");
        }

        /** Adds {@code key: value} to every record. */
        public Builder staticField(String key, String value) {
            staticFields.put(text("staticField key", key), Objects.requireNonNull(value, "staticField value"));
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the setting that is missing or wrong
         */
        public ForwardSettings build() {
            if (upstream == null) {
                throw new IllegalArgumentException("upstream is required: the path of a Fluent Bit upstream file");
            }
            if (chunkSize > bufferCapacity) {
                throw new IllegalArgumentException("chunkSize (" + chunkSize + " bytes) must not exceed bufferCapacity ("
                        + bufferCapacity + " bytes)");
            }
            return new ForwardSettings(this);
        }

        private static String text(String setting, String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(setting + " must not be empty");
            }
            return value.trim();
        }

        private static Duration positive(String setting, Duration value) {
            Objects.requireNonNull(value, setting);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(setting + " must be positive, was " + value);
            }
            return value;
        }

        private static Duration notNegative(String setting, Duration value) {
            Objects.requireNonNull(value, setting);
            if (value.isNegative()) {
                throw new IllegalArgumentException(setting + " must not be negative, was " + value);
            }
            return value;
        }

        private static long between(String setting, long value, long min, long max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(setting + " must be between " + min + " and " + max + ", was " + value);
            }
            return value;
        }
    }
}
