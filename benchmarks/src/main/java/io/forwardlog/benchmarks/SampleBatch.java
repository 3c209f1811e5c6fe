package io.forwardlog.benchmarks;

import io.forwardlog.RecordSchema;
import io.forwardlog.internal.record.EncodedEntry;
import io.forwardlog.internal.record.RecordEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

/**
 * One full batch as the sender gets it: {@link ClientConfig#CHUNK_BYTES} of entries encoded by
 * forwardlog's own encoder from 4 threads' {@link SampleEvents}, interleaved as the accumulator
 * interleaves callers, each thread cycling through its 1,024 distinct events.
 */
final class SampleBatch {

    private static final int THREADS = 4;
    private static final int DISTINCT_EVENTS_PER_THREAD = 1024;

    private SampleBatch() {
    }

    /** The entries of one batch, as many whole entries as fit in {@link ClientConfig#CHUNK_BYTES}. */
    static byte[] entries() {
        ByteArrayOutputStream batch = new ByteArrayOutputStream(ClientConfig.CHUNK_BYTES);
        RecordEncoder encoder = new RecordEncoder(RecordSchema.defaults());
        SampleEvent[][] events = new SampleEvent[THREADS][];
        for (int t = 0; t < THREADS; t++) {
            events[t] = SampleEvents.create(DISTINCT_EVENTS_PER_THREAD, "caller-" + t, t);
        }
        for (int i = 0; ; i++) {
            EncodedEntry entry = encoder.encode(events[i % THREADS][(i / THREADS) % DISTINCT_EVENTS_PER_THREAD]);
            if (batch.size() + entry.length() > ClientConfig.CHUNK_BYTES) {
                return batch.toByteArray();
            }
            batch.write(entry.array(), entry.offset(), entry.length());
        }
    }

    /** Where frames of at most {@code limit} bytes end when cut after whole entries. */
    static int[] frameEnds(byte[] entries, int limit) {
        List<Integer> ends = new ArrayList<>();
        try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(entries)) {
            int frameStart = 0;
            int previous = 0;
            while (unpacker.hasNext()) {
                unpacker.skipValue();
                int end = (int) unpacker.getTotalReadBytes();
                if (end - frameStart > limit && previous > frameStart) {
                    ends.add(previous);
                    frameStart = previous;
                }
                previous = end;
            }
            ends.add(previous);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ends.stream().mapToInt(Integer::intValue).toArray();
    }
}
