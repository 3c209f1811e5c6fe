package io.forwardlog;

import io.forwardlog.internal.pipeline.DeliveryPipeline;
import java.util.function.LongSupplier;

/**
 * The one entry point both adapters call: it turns the application's events into batches on the
 * wire without hurting the caller. {@link #append} costs the calling thread a bounded, small amount
 * of work (it encodes the event into a reusable buffer and copies it into the bounded buffer), never
 * touches the network, never blocks longer than the overflow policy allows, and never throws.
 *
 * <p>The constructor does no I/O and starts no thread; {@link #start()} reads the upstream file and the
 * certificates and starts the sender thread; {@link #stop()} delivers what is buffered within
 * {@code shutdownTimeout}, or spools it, or counts it as dropped and says so.
 */
public final class ForwardPipeline {

    private final DeliveryPipeline pipeline;

    public ForwardPipeline(ForwardSettings settings, StatusListener status) {
        this(settings, status, System::nanoTime);
    }

    ForwardPipeline(ForwardSettings settings, StatusListener status, LongSupplier nanoTime) {
        this.pipeline = new DeliveryPipeline(settings, status, nanoTime);
    }

    /**
     * Reads the upstream file, prepares every node and starts sending. Idempotent. A file that is
     * missing or cannot be read is not a start error: it is waited for, with a warning, while events
     * are buffered, and used once it can be read.
     *
     * @throws ForwardStartException with a message that names the file and line, or the setting, that is wrong
     */
    public void start() throws ForwardStartException {
        pipeline.start();
    }

    public boolean isStarted() {
        return pipeline.isStarted();
    }

    /** Buffers one event for delivery. Safe from any number of threads; never throws. */
    public void append(LogEvent event) {
        pipeline.append(event);
    }

    /**
     * Stops taking events and delivers what is buffered within {@code shutdownTimeout}: what a node
     * does not take in time is spooled when a spool is configured, else counted as dropped and
     * reported. Idempotent.
     */
    public void stop() {
        pipeline.stop();
    }

    public PipelineStats stats() {
        return pipeline.stats();
    }

    /**
     * Whether an event of {@code loggerName} comes from forwardlog itself or a library it runs on
     * (msgpack, BouncyCastle), or is logged on one of forwardlog's threads: such events are never fed
     * back into the appender, so there is no recursion and no deadlock at start-up or shutdown.
     */
    public static boolean isOwnEvent(String loggerName) {
        return DeliveryPipeline.isOwnEvent(loggerName);
    }
}
