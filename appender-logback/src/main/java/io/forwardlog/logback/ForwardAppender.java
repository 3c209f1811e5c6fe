package io.forwardlog.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import io.forwardlog.ConfiguredSettings;
import io.forwardlog.ForwardPipeline;
import io.forwardlog.ForwardSettings;
import io.forwardlog.ForwardStartException;
import io.forwardlog.InvalidSettingsException;
import io.forwardlog.PipelineStats;
import io.forwardlog.Settings;

/**
 * A Logback appender that ships events to Fluentd / Fluent Bit over the Forward protocol, balanced
 * across the nodes of a Fluent Bit upstream file.
 *
 * <pre>{@code
 * <appender name="FLUENT" class="io.forwardlog.logback.ForwardAppender">
 *   <upstream>conf/upstream.conf</upstream>
 *   <tag>app.orders</tag>
 * </appender>
 * }</pre>
 *
 * <p>It extends {@link UnsynchronizedAppenderBase}, not {@code AppenderBase}: the pipeline behind it is
 * safe for any number of threads, and {@code AppenderBase}'s synchronized {@code doAppend} would make
 * every logging thread wait for the others. {@code append} encodes the event on the logging thread
 * into a bounded buffer and never touches the network; a sender thread delivers.
 *
 * <p>Every setter below is a {@code logback.xml} element of the same name, one for each setting of
 * {@link Settings}, which declares what it means, its default and how it is written. Each takes the
 * element's text as it is, so that Joran converts nothing and forwardlog reads every value as
 * {@code log4j2.xml}'s are read. Settings are checked by {@link #start()}, which reports every wrong
 * one through Logback's status messages and leaves the appender stopped.
 *
 * <p>It needs no {@code AsyncAppender} in front, since {@code append} does not wait for the network;
 * behind one it works unchanged (for caller data, set {@code includeCallerData} on the
 * {@code AsyncAppender} too, since only it runs on the logging thread). {@link #stop()}, which Logback
 * calls when the context stops, delivers what is buffered.
 */
public final class ForwardAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    private final ConfiguredSettings settings = new ConfiguredSettings();
    private Encoder<ILoggingEvent> encoder;
    private Layout<ILoggingEvent> layout;
    private volatile Running running;
    /** Each logging thread's reusable view of its events. */
    private final ThreadLocal<LogbackEvent> views = ThreadLocal.withInitial(LogbackEvent::new);

    /** A started pipeline and what it was started with. */
    private record Running(ForwardPipeline pipeline, MessageText messageText, ForwardSettings settings) {
    }

    /**
     * Reads the settings and the upstream file and starts delivering. Never throws: a wrong setting, a
     * broken upstream file or a Logback version older than 1.3 is reported as an error status naming
     * the setting, the file and line, or the supported versions, and the appender stays stopped.
     */
    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        String notStarted = "forwardlog '" + (getName() != null ? getName() : "forward") + "': not started: ";
        String unsupported = LogbackVersion.problem();
        if (unsupported != null) {
            addError(notStarted + unsupported);
            return;
        }
        ForwardSettings forwardSettings;
        try {
            forwardSettings = settings.build(getName());
        } catch (InvalidSettingsException e) {
            e.problems().forEach(problem -> addError(notStarted + problem));
            return;
        }
        ForwardPipeline pipeline = new ForwardPipeline(forwardSettings, new AppenderStatus(this));
        try {
            pipeline.start();
        } catch (ForwardStartException e) {
            addError(notStarted + e.getMessage());
            return;
        } catch (RuntimeException e) {
            addError(notStarted + e, e);
            return;
        }
        running = new Running(pipeline, messageText(forwardSettings.name()), forwardSettings);
        super.start();
    }

    private MessageText messageText(String name) {
        if (encoder != null && layout != null) {
            addWarn("forwardlog '" + name + "': both an encoder and a layout are set; the encoder writes the message");
        }
        if (encoder != null) {
            return MessageText.of(encoder);
        }
        return layout != null ? MessageText.of(layout) : MessageText.formatted();
    }

    /** Stops taking events and delivers what is buffered within {@code shutdownTimeout}. */
    @Override
    public void stop() {
        Running current = running;
        super.stop();
        if (current == null) {
            return;
        }
        running = null;
        // flushes even from an interrupted thread (AsyncAppender's worker): the pipeline sees to that
        current.pipeline().stop();
    }

    /**
     * Hands the event to the pipeline, which reads it (forwardlog's own events are dropped before a
     * layout runs for them) and never throws, whatever this Logback version lacks.
     */
    @Override
    protected void append(ILoggingEvent event) {
        Running current = running;
        if (current != null) {
            LogbackEvent view = LogbackEvent.of(views, event, current.messageText());
            try {
                current.pipeline().append(view);
            } finally {
                view.release();
            }
        }
    }

    /** What the running pipeline has done so far, or null when stopped. */
    PipelineStats stats() {
        Running current = running;
        return current == null ? null : current.pipeline().stats();
    }

    /** The running pipeline, or null when stopped. */
    ForwardPipeline pipeline() {
        Running current = running;
        return current == null ? null : current.pipeline();
    }

    /** The settings this appender runs with, as {@code logback.xml} gave them and defaults filled in; null when stopped. */
    public ForwardSettings settings() {
        Running current = running;
        return current == null ? null : current.settings();
    }

    /** @see Settings#UPSTREAM */
    public void setUpstream(String value) { settings.put(Settings.UPSTREAM, value); }
    /** @see Settings#TAG */
    public void setTag(String value) { settings.put(Settings.TAG, value); }
    /** @see Settings#REQUIRE_ACK_RESPONSE */
    public void setRequireAckResponse(String value) { settings.put(Settings.REQUIRE_ACK_RESPONSE, value); }
    /** @see Settings#ACK_RESPONSE_TIMEOUT */
    public void setAckResponseTimeout(String value) { settings.put(Settings.ACK_RESPONSE_TIMEOUT, value); }
    /** @see Settings#MAX_IN_FLIGHT */
    public void setMaxInFlight(String value) { settings.put(Settings.MAX_IN_FLIGHT, value); }
    /** @see Settings#COMPRESS */
    public void setCompress(String value) { settings.put(Settings.COMPRESS, value); }
    /** @see Settings#TIME_AS_INTEGER */
    public void setTimeAsInteger(String value) { settings.put(Settings.TIME_AS_INTEGER, value); }
    /** @see Settings#SEND_OPTIONS */
    public void setSendOptions(String value) { settings.put(Settings.SEND_OPTIONS, value); }
    /** @see Settings#SELF_HOSTNAME */
    public void setSelfHostname(String value) { settings.put(Settings.SELF_HOSTNAME, value); }
    /** @see Settings#CONNECT_TIMEOUT */
    public void setConnectTimeout(String value) { settings.put(Settings.CONNECT_TIMEOUT, value); }
    /** @see Settings#SEND_TIMEOUT */
    public void setSendTimeout(String value) { settings.put(Settings.SEND_TIMEOUT, value); }
    /** @see Settings#TLS_MIN_VERSION */
    public void setTlsMinVersion(String value) { settings.put(Settings.TLS_MIN_VERSION, value); }
    /** @see Settings#TLS_MAX_VERSION */
    public void setTlsMaxVersion(String value) { settings.put(Settings.TLS_MAX_VERSION, value); }
    /** @see Settings#TLS_CIPHERS */
    public void setTlsCiphers(String value) { settings.put(Settings.TLS_CIPHERS, value); }
    /** @see Settings#VERIFY_CONNECTION_AT_STARTUP */
    public void setVerifyConnectionAtStartup(String value) { settings.put(Settings.VERIFY_CONNECTION_AT_STARTUP, value); }
    /** @see Settings#KEEPALIVE_TIMEOUT */
    public void setKeepaliveTimeout(String value) { settings.put(Settings.KEEPALIVE_TIMEOUT, value); }
    /** @see Settings#KEEPALIVE_MAX_RECYCLE */
    public void setKeepaliveMaxRecycle(String value) { settings.put(Settings.KEEPALIVE_MAX_RECYCLE, value); }
    /** @see Settings#DNS_ROUND_ROBIN */
    public void setDnsRoundRobin(String value) { settings.put(Settings.DNS_ROUND_ROBIN, value); }
    /** @see Settings#EXPIRE_DNS_CACHE */
    public void setExpireDnsCache(String value) { settings.put(Settings.EXPIRE_DNS_CACHE, value); }
    /** @see Settings#HEARTBEAT_TYPE */
    public void setHeartbeatType(String value) { settings.put(Settings.HEARTBEAT_TYPE, value); }
    /** @see Settings#HEARTBEAT_INTERVAL */
    public void setHeartbeatInterval(String value) { settings.put(Settings.HEARTBEAT_INTERVAL, value); }
    /** @see Settings#PHI_FAILURE_DETECTOR */
    public void setPhiFailureDetector(String value) { settings.put(Settings.PHI_FAILURE_DETECTOR, value); }
    /** @see Settings#PHI_THRESHOLD */
    public void setPhiThreshold(String value) { settings.put(Settings.PHI_THRESHOLD, value); }
    /** @see Settings#HARD_TIMEOUT */
    public void setHardTimeout(String value) { settings.put(Settings.HARD_TIMEOUT, value); }
    /** @see Settings#RECOVER_WAIT */
    public void setRecoverWait(String value) { settings.put(Settings.RECOVER_WAIT, value); }
    /** @see Settings#RETRY_MAX_BACKOFF */
    public void setRetryMaxBackoff(String value) { settings.put(Settings.RETRY_MAX_BACKOFF, value); }
    /** @see Settings#BUFFER_CAPACITY */
    public void setBufferCapacity(String value) { settings.put(Settings.BUFFER_CAPACITY, value); }
    /** @see Settings#CHUNK_SIZE */
    public void setChunkSize(String value) { settings.put(Settings.CHUNK_SIZE, value); }
    /** @see Settings#FLUSH_INTERVAL */
    public void setFlushInterval(String value) { settings.put(Settings.FLUSH_INTERVAL, value); }
    /** @see Settings#OVERFLOW */
    public void setOverflow(String value) { settings.put(Settings.OVERFLOW, value); }
    /** @see Settings#BLOCK_TIMEOUT */
    public void setBlockTimeout(String value) { settings.put(Settings.BLOCK_TIMEOUT, value); }
    /** @see Settings#SPOOL_DIR */
    public void setSpoolDir(String value) { settings.put(Settings.SPOOL_DIR, value); }
    /** @see Settings#SPOOL_CAPACITY */
    public void setSpoolCapacity(String value) { settings.put(Settings.SPOOL_CAPACITY, value); }
    /** @see Settings#SHUTDOWN_TIMEOUT */
    public void setShutdownTimeout(String value) { settings.put(Settings.SHUTDOWN_TIMEOUT, value); }
    /** @see Settings#STATUS_INTERVAL */
    public void setStatusInterval(String value) { settings.put(Settings.STATUS_INTERVAL, value); }
    /** @see Settings#UPSTREAM_CHECK_INTERVAL */
    public void setUpstreamCheckInterval(String value) { settings.put(Settings.UPSTREAM_CHECK_INTERVAL, value); }
    /** @see Settings#JMX */
    public void setJmx(String value) { settings.put(Settings.JMX, value); }
    /** @see Settings#INCLUDE_CALLER_DATA */
    public void setIncludeCallerData(String value) { settings.put(Settings.INCLUDE_CALLER_DATA, value); }
    /** @see Settings#FIELD_NAMES */
    public void setFieldNames(String value) { settings.put(Settings.FIELD_NAMES, value); }
    /** @see Settings#EXCLUDE_FIELDS */
    public void setExcludeFields(String value) { settings.put(Settings.EXCLUDE_FIELDS, value); }

    /** Adds a field to every record, written {@code env=prod}; repeat the element for more. Default: none. */
    public void addStaticField(String keyValue) {
        int equals = keyValue == null ? -1 : keyValue.indexOf('=');
        if (equals < 0) {
            settings.addProblem("staticField '" + keyValue + "' is not key=value: write e.g. env=prod");
        } else {
            settings.addStaticField(keyValue.substring(0, equals).trim(), keyValue.substring(equals + 1).trim());
        }
    }

    /**
     * An encoder whose output (trailing line separator removed) is the record's {@code message} instead of the
     * formatted message. Default: none.
     */
    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    /**
     * A layout whose output (trailing line separator removed) is the record's {@code message} instead of the formatted
     * message. Default: none.
     */
    public void setLayout(Layout<ILoggingEvent> layout) {
        this.layout = layout;
    }
}
