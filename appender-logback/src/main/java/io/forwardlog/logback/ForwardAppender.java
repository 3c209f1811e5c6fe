package io.forwardlog.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import io.forwardlog.Compression;
import io.forwardlog.ForwardPipeline;
import io.forwardlog.ForwardSettings;
import io.forwardlog.ForwardStartException;
import io.forwardlog.HeartbeatType;
import io.forwardlog.OverflowPolicy;
import io.forwardlog.PipelineStats;

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
 * <p>Every setter below is a {@code logback.xml} element of the same name. Durations are written
 * {@code 500 milliseconds}, {@code 10 seconds}, {@code 10s}, {@code 2 minutes} or {@code PT10S} (a bare
 * number is seconds); sizes {@code 64MB}, {@code 512KB}, {@code 1GB} (a bare number is bytes): the same
 * syntax as in {@code log4j2.xml}. Settings are checked by {@link #start()}, which reports each wrong
 * one through Logback's status messages and leaves the appender stopped.
 *
 * <p>It needs no {@code AsyncAppender} in front, since {@code append} does not wait for the network;
 * behind one it works unchanged (for caller data, set {@code includeCallerData} on the
 * {@code AsyncAppender} too, since only it runs on the logging thread). {@link #stop()}, which Logback
 * calls when the context stops, delivers what is buffered.
 */
public final class ForwardAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    private final AppenderSettings settings = new AppenderSettings();
    private Encoder<ILoggingEvent> encoder;
    private Layout<ILoggingEvent> layout;
    private volatile Running running;

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
            current.pipeline().append(new LogbackEvent(event, current.messageText()));
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

    /** The settings of the running pipeline, or null when stopped. */
    ForwardSettings settings() {
        Running current = running;
        return current == null ? null : current.settings();
    }

    /**
     * Required. The Fluent Bit upstream file (classic or {@code .yaml}) that lists the nodes; a relative
     * path is resolved against the working directory.
     */
    public void setUpstream(String path) {
        settings.path("upstream", path, ForwardSettings.Builder::upstream);
    }

    /**
     * The tag: fixed text, or a pattern with {@code {logger}} and {@code {level}} (in lower case),
     * e.g. {@code app.{level}}. Default {@code app}.
     */
    public void setTag(String tag) {
        settings.set("tag", b -> b.tag(tag));
    }

    /**
     * Ask for an ack of every batch and resend unacknowledged batches (at-least-once delivery). Default {@code false}.
     */
    public void setRequireAckResponse(boolean require) {
        settings.set("requireAckResponse", b -> b.requireAckResponse(require));
    }

    /** How long an ack may take before the batch is resent, to any node. Default {@code 30 seconds}. */
    public void setAckResponseTimeout(String duration) {
        settings.duration("ackResponseTimeout", duration, ForwardSettings.Builder::ackResponseTimeout);
    }

    /** Unacknowledged batches one connection may carry, 1 to 1024. Default {@code 16}. */
    public void setMaxInFlight(int batches) {
        settings.set("maxInFlight", b -> b.maxInFlight(batches));
    }

    /** {@code text} (PackedForward) or {@code gzip} (CompressedPackedForward). Default {@code text}. */
    public void setCompress(String compression) {
        settings.set("compress", b -> b.compress(Compression.fromConfig(String.valueOf(compression))));
    }

    /** Send the time as integer seconds instead of EventTime, for Fluentd v0.12. Default {@code false}. */
    public void setTimeAsInteger(boolean integer) {
        settings.set("timeAsInteger", b -> b.timeAsInteger(integer));
    }

    /** Always send the option map with {@code size}, even without acks or compression. Default {@code false}. */
    public void setSendOptions(boolean send) {
        settings.set("sendOptions", b -> b.sendOptions(send));
    }

    /** The host name sent in the Forward handshake (shared-key authentication). Default: this machine's host name. */
    public void setSelfHostname(String hostname) {
        settings.set("selfHostname", b -> b.selfHostname(hostname));
    }

    /**
     * The longest a connection may take: TCP connect, TLS handshake and Forward handshake together. Default {@code 10
     * seconds}.
     */
    public void setConnectTimeout(String duration) {
        settings.duration("connectTimeout", duration, ForwardSettings.Builder::connectTimeout);
    }

    /** The longest one batch's write may take; past it the node counts as not reading. Default {@code 10 seconds}. */
    public void setSendTimeout(String duration) {
        settings.duration("sendTimeout", duration, ForwardSettings.Builder::sendTimeout);
    }

    /**
     * How nodes are probed: {@code tcp}, {@code udp} (Fluentd only), {@code transport} (connect and handshake as data
     * does) or {@code none}. Default {@code transport}.
     */
    public void setHeartbeatType(String type) {
        settings.set("heartbeatType", b -> b.heartbeatType(HeartbeatType.fromConfig(String.valueOf(type))));
    }

    /** The time between two heartbeats to a node. Default {@code 1 second}. */
    public void setHeartbeatInterval(String duration) {
        settings.duration("heartbeatInterval", duration, ForwardSettings.Builder::heartbeatInterval);
    }

    /** Judge node health with the phi accrual failure detector, as Fluentd does. Default {@code true}. */
    public void setPhiFailureDetector(boolean enabled) {
        settings.set("phiFailureDetector", b -> b.phiFailureDetector(enabled));
    }

    /** The phi above which a node counts as down. Default {@code 16}. */
    public void setPhiThreshold(double threshold) {
        settings.set("phiThreshold", b -> b.phiThreshold(threshold));
    }

    /** A node without a heartbeat for this long is down, whatever phi says. Default {@code 60 seconds}. */
    public void setHardTimeout(String duration) {
        settings.duration("hardTimeout", duration, ForwardSettings.Builder::hardTimeout);
    }

    /** How long a failed node must stay healthy before it gets traffic again. Default {@code 10 seconds}. */
    public void setRecoverWait(String duration) {
        settings.duration("recoverWait", duration, ForwardSettings.Builder::recoverWait);
    }

    /** The longest wait between two delivery attempts while no node takes a batch. Default {@code 30 seconds}. */
    public void setRetryMaxBackoff(String duration) {
        settings.duration("retryMaxBackoff", duration, ForwardSettings.Builder::retryMaxBackoff);
    }

    /** The most encoded events the memory buffer holds, at least {@code 64KB}. Default {@code 64MB}. */
    public void setBufferCapacity(String size) {
        settings.size("bufferCapacity", size, ForwardSettings.Builder::bufferCapacity);
    }

    /**
     * The most entries one batch carries, {@code 1KB} to {@code 256MB} and at most {@code bufferCapacity}. Default
     * {@code 1MB}.
     */
    public void setChunkSize(String size) {
        settings.size("chunkSize", size, ForwardSettings.Builder::chunkSize);
    }

    /** The longest an event waits for its batch to fill before it is sent. Default {@code 1 second}. */
    public void setFlushInterval(String duration) {
        settings.duration("flushInterval", duration, ForwardSettings.Builder::flushInterval);
    }

    /**
     * What a full buffer does to a new event: {@code block} (waits for room, at most {@code blockTimeout}
     * once per episode: after a wait runs out, events that find no room are dropped at once until a quarter
     * of the buffer is free again), {@code dropNewest} or {@code dropOldest}. Default {@code block}.
     */
    public void setOverflow(String policy) {
        settings.set("overflow", b -> b.overflow(OverflowPolicy.fromConfig(String.valueOf(policy))));
    }

    /** The longest {@code block} waits for room, once per episode (see {@code overflow}). Default {@code 1 second}. */
    public void setBlockTimeout(String duration) {
        settings.duration("blockTimeout", duration, ForwardSettings.Builder::blockTimeout);
    }

    /**
     * A directory where batches no node takes are kept, across restarts, and sent later. Default: none (such batches
     * are dropped).
     */
    public void setSpoolDir(String path) {
        settings.path("spoolDir", path, ForwardSettings.Builder::spoolDir);
    }

    /** The most the spool directory holds, at least {@code 1MB}. Default {@code 1GB}. */
    public void setSpoolCapacity(String size) {
        settings.size("spoolCapacity", size, ForwardSettings.Builder::spoolCapacity);
    }

    /** How long {@code stop()} may take to deliver, or spool, what is buffered. Default {@code 10 seconds}. */
    public void setShutdownTimeout(String duration) {
        settings.duration("shutdownTimeout", duration, ForwardSettings.Builder::shutdownTimeout);
    }

    /**
     * Repeated problems (drops, a node that stays down) are reported at most this often. Default {@code 30 seconds}.
     */
    public void setStatusInterval(String duration) {
        settings.duration("statusInterval", duration, ForwardSettings.Builder::statusInterval);
    }

    /**
     * How often the upstream file is checked for changes and reloaded; {@code 0} turns reloading off. Default {@code 5
     * seconds}.
     */
    public void setUpstreamCheckInterval(String duration) {
        settings.duration("upstreamCheckInterval", duration, ForwardSettings.Builder::upstreamCheckInterval);
    }

    /**
     * Register a JMX MBean ({@code io.forwardlog:type=ForwardAppender,name="<appender name>"}) with each node's state.
     * Default {@code true}.
     */
    public void setJmx(boolean register) {
        settings.set("jmx", b -> b.jmx(register));
    }

    /**
     * Add {@code caller_class}, {@code caller_method}, {@code caller_file} and {@code caller_line}; costly, since
     * Logback takes them from a stack trace. Default {@code false}.
     */
    public void setIncludeCallerData(boolean include) {
        settings.set("includeCallerData", b -> b.includeCallerData(include));
    }

    /**
     * Renames record fields, e.g. {@code level=severity,message=msg}; renaming {@code mdc} or {@code key_values} nests
     * those entries in a map of that name. Default: none.
     */
    public void setFieldNames(String renames) {
        settings.fieldNames(renames);
    }

    /** Record fields left out of every record, e.g. {@code thread,markers}. Default: none. */
    public void setExcludeFields(String fields) {
        settings.excludeFields(fields);
    }

    /** Adds a field to every record, written {@code env=prod}; repeat the element for more. Default: none. */
    public void addStaticField(String keyValue) {
        settings.addStaticField(keyValue);
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
