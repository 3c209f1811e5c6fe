package io.forwardlog.log4j2;

import io.forwardlog.ForwardSettings;
import io.forwardlog.ForwardStartException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.StringLayout;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.core.util.KeyValuePair;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * The attributes of {@code <Forward>}, the same names as on forwardlog's Logback appender. Every value
 * is text: durations as {@code 500 milliseconds}, {@code 10 seconds}, {@code 2 minutes} or
 * {@code PT10S}; sizes as {@code 64MB}, {@code 512KB}, {@code 1GB}; switches as {@code true/false},
 * {@code on/off} or {@code yes/no}. Besides them: {@code name} (required), {@code ignoreExceptions}
 * (accepted for compatibility: this appender never throws), an optional text {@code Layout} whose
 * output, without its trailing line separator, becomes the {@code message} field, a {@code Filter},
 * and {@code <KeyValuePair key=".." value=".."/>} elements, each a field added to every record.
 *
 * <p>{@link #build()} reports a wrong attribute, or an upstream file that cannot be read, through
 * Log4j2's {@code StatusLogger}, naming the attribute or the file and line, and returns {@code null}:
 * Log4j2 then leaves the appender out and the application runs on.
 */
public final class ForwardAppenderBuilder extends AbstractAppender.Builder<ForwardAppenderBuilder>
        implements org.apache.logging.log4j.core.util.Builder<ForwardAppender> {

    private static final Logger STATUS = StatusLogger.getLogger();

    @PluginBuilderAttribute private String upstream;
    @PluginBuilderAttribute private String tag;
    @PluginBuilderAttribute private String requireAckResponse;
    @PluginBuilderAttribute private String ackResponseTimeout;
    @PluginBuilderAttribute private String maxInFlight;
    @PluginBuilderAttribute private String compress;
    @PluginBuilderAttribute private String timeAsInteger;
    @PluginBuilderAttribute private String sendOptions;
    @PluginBuilderAttribute private String selfHostname;
    @PluginBuilderAttribute private String connectTimeout;
    @PluginBuilderAttribute private String sendTimeout;
    @PluginBuilderAttribute private String heartbeatType;
    @PluginBuilderAttribute private String heartbeatInterval;
    @PluginBuilderAttribute private String phiFailureDetector;
    @PluginBuilderAttribute private String phiThreshold;
    @PluginBuilderAttribute private String hardTimeout;
    @PluginBuilderAttribute private String recoverWait;
    @PluginBuilderAttribute private String retryMaxBackoff;
    @PluginBuilderAttribute private String bufferCapacity;
    @PluginBuilderAttribute private String chunkSize;
    @PluginBuilderAttribute private String flushInterval;
    @PluginBuilderAttribute private String overflow;
    @PluginBuilderAttribute private String blockTimeout;
    @PluginBuilderAttribute private String spoolDir;
    @PluginBuilderAttribute private String spoolCapacity;
    @PluginBuilderAttribute private String shutdownTimeout;
    @PluginBuilderAttribute private String statusInterval;
    @PluginBuilderAttribute private String upstreamCheckInterval;
    @PluginBuilderAttribute private String jmx;
    @PluginBuilderAttribute private String includeCallerData;
    @PluginBuilderAttribute private String fieldNames;
    @PluginBuilderAttribute private String excludeFields;
    @PluginElement("KeyValuePair") private KeyValuePair[] staticFields;

    ForwardAppenderBuilder() {
    }

    /** The Fluent Bit upstream file (classic or YAML) that lists the nodes. Required. */
    public ForwardAppenderBuilder setUpstream(String value) { upstream = value; return this; }
    /** Fixed text, or a pattern with {@code {logger}} and {@code {level}}, e.g. {@code app.{level}}. Default {@code app}. */
    public ForwardAppenderBuilder setTag(String value) { tag = value; return this; }
    /** Ask for an ack of every batch and resend until acked (at-least-once). Default false. */
    public ForwardAppenderBuilder setRequireAckResponse(String value) { requireAckResponse = value; return this; }
    /** How long an ack may take before the batch is resent. Default 30 seconds. */
    public ForwardAppenderBuilder setAckResponseTimeout(String value) { ackResponseTimeout = value; return this; }
    /** Unacknowledged batches one connection may carry, 1 to 1024. Default 16. */
    public ForwardAppenderBuilder setMaxInFlight(String value) { maxInFlight = value; return this; }
    /** {@code text} (PackedForward), {@code gzip} or {@code zstd} (CompressedPackedForward; zstd needs zstd-jni). Default text. */
    public ForwardAppenderBuilder setCompress(String value) { compress = value; return this; }
    /** Integer seconds instead of EventTime, for Fluentd v0.12. Default false. */
    public ForwardAppenderBuilder setTimeAsInteger(String value) { timeAsInteger = value; return this; }
    /** Always send the option map with {@code size}. Default false. */
    public ForwardAppenderBuilder setSendOptions(String value) { sendOptions = value; return this; }
    /** The host name sent in the Forward handshake. Default: this machine's host name. */
    public ForwardAppenderBuilder setSelfHostname(String value) { selfHostname = value; return this; }
    /** Connect, TLS handshake and Forward handshake together. Default 10 seconds. */
    public ForwardAppenderBuilder setConnectTimeout(String value) { connectTimeout = value; return this; }
    /** One batch's write; past it the node counts as not reading. Default 10 seconds. */
    public ForwardAppenderBuilder setSendTimeout(String value) { sendTimeout = value; return this; }
    /** How nodes are probed: {@code tcp}, {@code udp}, {@code transport} or {@code none}. Default transport. */
    public ForwardAppenderBuilder setHeartbeatType(String value) { heartbeatType = value; return this; }
    /** Time between heartbeats. Default 1 second. */
    public ForwardAppenderBuilder setHeartbeatInterval(String value) { heartbeatInterval = value; return this; }
    /** Use the phi accrual failure detector. Default true. */
    public ForwardAppenderBuilder setPhiFailureDetector(String value) { phiFailureDetector = value; return this; }
    /** Phi above which a node counts as down. Default 16. */
    public ForwardAppenderBuilder setPhiThreshold(String value) { phiThreshold = value; return this; }
    /** A node without a heartbeat for this long is down, whatever phi says. Default 60 seconds. */
    public ForwardAppenderBuilder setHardTimeout(String value) { hardTimeout = value; return this; }
    /** How long a failed node must stay healthy before it gets traffic again. Default 10 seconds. */
    public ForwardAppenderBuilder setRecoverWait(String value) { recoverWait = value; return this; }
    /** The longest wait between delivery attempts when no node takes a batch. Default 30 seconds. */
    public ForwardAppenderBuilder setRetryMaxBackoff(String value) { retryMaxBackoff = value; return this; }
    /** Bytes of encoded events the memory buffer holds at most, at least 64KB. Default 64MB. */
    public ForwardAppenderBuilder setBufferCapacity(String value) { bufferCapacity = value; return this; }
    /** Bytes of entries in one batch at most, 1KB to 256MB and not above bufferCapacity. Default 1MB. */
    public ForwardAppenderBuilder setChunkSize(String value) { chunkSize = value; return this; }
    /** The longest an event waits for its batch to fill. Default 1 second. */
    public ForwardAppenderBuilder setFlushInterval(String value) { flushInterval = value; return this; }
    /** What a full buffer does to a new event: {@code block}, {@code dropNewest} or {@code dropOldest}. Default block. */
    public ForwardAppenderBuilder setOverflow(String value) { overflow = value; return this; }
    /** How long {@code block} waits for room before dropping. Default 1 second. */
    public ForwardAppenderBuilder setBlockTimeout(String value) { blockTimeout = value; return this; }
    /** A directory where undeliverable batches are kept across restarts. Default none. */
    public ForwardAppenderBuilder setSpoolDir(String value) { spoolDir = value; return this; }
    /** Bytes the spool directory holds at most, at least 1MB. Default 1GB. */
    public ForwardAppenderBuilder setSpoolCapacity(String value) { spoolCapacity = value; return this; }
    /** How long stopping may take to deliver (or spool) what is buffered. Default 10 seconds. */
    public ForwardAppenderBuilder setShutdownTimeout(String value) { shutdownTimeout = value; return this; }
    /** Repeated problems are reported at most this often. Default 30 seconds. */
    public ForwardAppenderBuilder setStatusInterval(String value) { statusInterval = value; return this; }
    /** How often the upstream file is checked for changes; 0 turns reloading off. Default 5 seconds. */
    public ForwardAppenderBuilder setUpstreamCheckInterval(String value) { upstreamCheckInterval = value; return this; }
    /** Register a JMX MBean with each node's state. Default true. */
    public ForwardAppenderBuilder setJmx(String value) { jmx = value; return this; }
    /** Add {@code caller_class}, {@code caller_method}, {@code caller_file}, {@code caller_line}; costly. Default false. */
    public ForwardAppenderBuilder setIncludeCallerData(String value) { includeCallerData = value; return this; }
    /** Renames record fields: {@code level=severity,message=msg}. Default none. */
    public ForwardAppenderBuilder setFieldNames(String value) { fieldNames = value; return this; }
    /** Record fields left out: {@code thread,markers}. Default none. */
    public ForwardAppenderBuilder setExcludeFields(String value) { excludeFields = value; return this; }
    /** Fields added to every record. Default none. */
    public ForwardAppenderBuilder setStaticFields(KeyValuePair... value) { staticFields = value; return this; }

    /** The appender, or {@code null} after reporting why not through the {@code StatusLogger}. */
    @Override
    public ForwardAppender build() {
        Map<String, String> attributes = attributes();
        Map<String, String> fields = staticFields();
        ForwardSettings settings;
        try {
            settings = SettingsReader.read(getName(), attributes, fields);
        } catch (IllegalArgumentException e) {
            return notCreated(e.getMessage());
        }
        Layout<?> layout = getLayout();
        if (layout != null && !(layout instanceof StringLayout)) {
            return notCreated("the layout must make text, as PatternLayout or JsonTemplateLayout do; "
                    + layout.getClass().getSimpleName() + " does not");
        }
        LoggerContext context = getConfiguration() == null ? null : getConfiguration().getLoggerContext();
        ForwardManager manager = ForwardManager.get(settings, identity(attributes, fields), context);
        try {
            manager.start();
        } catch (ForwardStartException e) {
            manager.close();
            return notCreated(e.getMessage());
        }
        return new ForwardAppender(getName(), getFilter(), (StringLayout) layout, isIgnoreExceptions(),
                getPropertyArray(), manager);
    }

    private ForwardAppender notCreated(String problem) {
        STATUS.error("forwardlog '{}': {}; the appender is not created", getName(), problem);
        return null;
    }

    /** The attributes that were given, by their names in {@code log4j2.xml}. */
    private Map<String, String> attributes() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("upstream", upstream);
        given.put("tag", tag);
        given.put("requireAckResponse", requireAckResponse);
        given.put("ackResponseTimeout", ackResponseTimeout);
        given.put("maxInFlight", maxInFlight);
        given.put("compress", compress);
        given.put("timeAsInteger", timeAsInteger);
        given.put("sendOptions", sendOptions);
        given.put("selfHostname", selfHostname);
        given.put("connectTimeout", connectTimeout);
        given.put("sendTimeout", sendTimeout);
        given.put("heartbeatType", heartbeatType);
        given.put("heartbeatInterval", heartbeatInterval);
        given.put("phiFailureDetector", phiFailureDetector);
        given.put("phiThreshold", phiThreshold);
        given.put("hardTimeout", hardTimeout);
        given.put("recoverWait", recoverWait);
        given.put("retryMaxBackoff", retryMaxBackoff);
        given.put("bufferCapacity", bufferCapacity);
        given.put("chunkSize", chunkSize);
        given.put("flushInterval", flushInterval);
        given.put("overflow", overflow);
        given.put("blockTimeout", blockTimeout);
        given.put("spoolDir", spoolDir);
        given.put("spoolCapacity", spoolCapacity);
        given.put("shutdownTimeout", shutdownTimeout);
        given.put("statusInterval", statusInterval);
        given.put("upstreamCheckInterval", upstreamCheckInterval);
        given.put("jmx", jmx);
        given.put("includeCallerData", includeCallerData);
        given.put("fieldNames", fieldNames);
        given.put("excludeFields", excludeFields);
        given.values().removeIf(Objects::isNull);
        return given;
    }

    private Map<String, String> staticFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        if (staticFields != null) {
            for (KeyValuePair pair : staticFields) {
                fields.put(pair.getKey(), pair.getValue());
            }
        }
        return fields;
    }

    /** Everything that makes one appender's pipeline differ from another's. */
    private static Map<String, String> identity(Map<String, String> attributes, Map<String, String> fields) {
        Map<String, String> identity = new LinkedHashMap<>(attributes);
        fields.forEach((key, value) -> identity.put("KeyValuePair " + key, value));
        return identity;
    }
}
