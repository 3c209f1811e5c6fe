package io.forwardlog.benchmarks;

import io.forwardlog.Compression;
import io.forwardlog.ForwardPipeline;
import io.forwardlog.ForwardSettings;
import io.forwardlog.ForwardStartException;
import io.forwardlog.OverflowPolicy;
import io.forwardlog.PipelineStats;
import io.forwardlog.StatusListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * forwardlog's {@link ForwardPipeline} with one node, the sink, written to an upstream file of its own.
 * Everything not in {@link ClientConfig} keeps forwardlog's default (heartbeats included), except
 * that JMX is off and the host name is fixed, so that repeated runs do not register MBeans or look up
 * the machine's name.
 */
public final class ForwardlogClient implements BenchmarkClient {

    private final ForwardPipeline pipeline;
    private final Path directory;

    private ForwardlogClient(ForwardPipeline pipeline, Path directory) {
        this.pipeline = pipeline;
        this.directory = directory;
    }

    /** Starts a pipeline named {@code name} that sends to {@code host:port}. */
    public static ForwardlogClient start(String name, ClientConfig config, String host, int port) {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("forwardlog-benchmark-");
            Path upstream = directory.resolve("upstream.conf");
            Files.writeString(upstream, "[UPSTREAM]\n    name benchmark\n\n[NODE]\n    name sink\n    host " + host
                    + "\n    port " + port + "\n");
            ForwardSettings settings = ForwardSettings.builder()
                    .name(name)
                    .upstream(upstream)
                    .tag(SampleEvents.TAG)
                    .requireAckResponse(config.acks())
                    .compress(config.compression())
                    .bufferCapacity(config.bufferBytes())
                    .chunkSize(ClientConfig.CHUNK_BYTES)
                    .flushInterval(ClientConfig.FLUSH_INTERVAL)
                    .overflow(config.waitWhenFull() ? OverflowPolicy.BLOCK : OverflowPolicy.DROP_NEWEST)
                    .blockTimeout(Duration.ofMinutes(5))
                    .shutdownTimeout(Duration.ofMinutes(1))
                    .selfHostname("benchmark")
                    .jmx(false)
                    .build();
            ForwardPipeline pipeline = new ForwardPipeline(settings, PROBLEMS_ONLY);
            pipeline.start();
            return new ForwardlogClient(pipeline, directory);
        } catch (IOException e) {
            delete(directory);
            throw new UncheckedIOException("cannot write the upstream file for forwardlog", e);
        } catch (ForwardStartException e) {
            delete(directory);
            throw new IllegalStateException("forwardlog did not start: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "forwardlog";
    }

    @Override
    public void send(SampleEvent event) {
        pipeline.append(event);
    }

    /** forwardlog has no flush: a partly filled batch leaves after {@link ClientConfig#FLUSH_INTERVAL}. */
    @Override
    public void flush() {
        // nothing to ask for: see the javadoc
    }

    @Override
    public void close() {
        pipeline.stop();
        delete(directory);
    }

    @Override
    public String summary() {
        PipelineStats stats = pipeline.stats();
        return "forwardlog: " + stats.eventsAppended() + " appended, " + stats.eventsDelivered() + " delivered, "
                + stats.totalDropped() + " dropped " + stats.eventsDropped();
    }

    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try {
            Files.deleteIfExists(directory.resolve("upstream.conf"));
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            System.err.println("benchmark: cannot delete " + directory + ": " + e.getMessage());
        }
    }

    /** forwardlog's warnings and errors on standard error; its info messages would only crowd the tables. */
    private static final StatusListener PROBLEMS_ONLY = new StatusListener() {
        @Override
        public void info(String message) {
            // started / stopped, once per run
        }

        @Override
        public void warn(String message) {
            StatusListener.STDERR.warn(message);
        }

        @Override
        public void error(String message, Throwable cause) {
            StatusListener.STDERR.error(message, cause);
        }
    };
}
