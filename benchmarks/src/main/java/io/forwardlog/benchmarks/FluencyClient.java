package io.forwardlog.benchmarks;

import io.forwardlog.Compression;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.komamitsu.fluency.BufferFullException;
import org.komamitsu.fluency.EventTime;
import org.komamitsu.fluency.Fluency;
import org.komamitsu.fluency.fluentd.FluencyBuilderForFluentd;

/**
 * Fluency 2.7's Fluentd client sending to the sink, set up like forwardlog in {@link ClientConfig}:
 * a batch is sent once it reaches the chunk size ({@code bufferChunkRetentionSize}) or has waited the
 * flush interval ({@code bufferChunkRetentionTimeMillis}, and the flusher looks that often,
 * {@code flushAttemptIntervalMillis}). A full buffer makes {@code emit} throw
 * {@link BufferFullException}; with {@link ClientConfig#waitWhenFull()} the caller waits 1 ms and tries
 * again, as Fluency's message asks, otherwise the event is counted as dropped.
 */
public final class FluencyClient implements BenchmarkClient {

    private static final long RETRY_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Fluency fluency;
    private final boolean waitWhenFull;
    private final LongAdder bufferFull = new LongAdder();
    private final LongAdder dropped = new LongAdder();

    private FluencyClient(Fluency fluency, boolean waitWhenFull) {
        this.fluency = fluency;
        this.waitWhenFull = waitWhenFull;
    }

    /**
     * Builds a Fluency that sends to {@code host:port}.
     *
     * @throws IllegalArgumentException when {@code config} asks for compression, which Fluency's Fluentd sender lacks
     */
    public static FluencyClient start(ClientConfig config, String host, int port) {
        if (config.compression() != Compression.TEXT) {
            throw new IllegalArgumentException("Fluency 2.7.3 cannot compress: its Fluentd sender has no "
                    + "CompressedPackedForward mode");
        }
        FluencyBuilderForFluentd builder = new FluencyBuilderForFluentd();
        builder.setAckResponseMode(config.acks());
        builder.setMaxBufferSize(config.bufferBytes());
        // Fluency wants the retention size above the initial one; a chunk doubles once on its way to full
        builder.setBufferChunkInitialSize(ClientConfig.CHUNK_BYTES / 2);
        builder.setBufferChunkRetentionSize(ClientConfig.CHUNK_BYTES);
        int flushMillis = (int) ClientConfig.FLUSH_INTERVAL.toMillis();
        builder.setBufferChunkRetentionTimeMillis(flushMillis);
        builder.setFlushAttemptIntervalMillis(flushMillis);
        return new FluencyClient(builder.build(host, port), config.waitWhenFull());
    }

    @Override
    public String name() {
        return "Fluency";
    }

    @Override
    public void send(SampleEvent event) throws InterruptedException {
        emit(EventTime.fromEpoch(event.epochSecond(), event.nanoOfSecond()), event.record());
    }

    /** {@code emit(tag, time, record)} with the full-buffer handling described above. */
    public void emit(EventTime time, Map<String, Object> record) throws InterruptedException {
        while (true) {
            try {
                fluency.emit(SampleEvents.TAG, time, record);
                return;
            } catch (BufferFullException e) {
                bufferFull.increment();
                if (!waitWhenFull) {
                    dropped.increment();
                    return;
                }
                LockSupport.parkNanos(RETRY_WAIT_NANOS);
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted while Fluency's buffer was full");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Fluency's emit failed", e);
            }
        }
    }

    @Override
    public void flush() {
        try {
            fluency.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Fluency's flush failed", e);
        }
    }

    @Override
    public void close() {
        try {
            fluency.close();
            fluency.waitUntilFlusherTerminated(60);
        } catch (IOException e) {
            throw new UncheckedIOException("closing Fluency failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String summary() {
        return "Fluency: " + dropped.sum() + " dropped, " + bufferFull.sum() + " BufferFullException, "
                + fluency.getBufferedDataSize() + " bytes still buffered";
    }
}
