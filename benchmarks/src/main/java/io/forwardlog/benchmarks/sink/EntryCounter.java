package io.forwardlog.benchmarks.sink;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.core.buffer.ArrayBufferInput;
import org.msgpack.value.ValueType;

/**
 * Counts the entries of a PackedForward payload, {@code [time, record]} values one after another, by
 * walking them: the {@code size} option cannot be trusted (Fluency 2.7 sends the byte count there).
 * Walking skips values without building them, so a frame costs no objects per event. With
 * {@link EventIds} it also reads each record's id from its message, to check that every event arrives
 * exactly once. One per connection; not thread-safe.
 */
final class EntryCounter {

    private static final int DECOMPRESSED_BUFFER = 64 * 1024;

    private final ArrayBufferInput plainInput = new ArrayBufferInput(new byte[0]);
    private final MessageUnpacker plain = MessagePack.newDefaultUnpacker(plainInput);
    private final EventIds.Tally tally;
    private final RecordIds records;
    private final PackedScanner scanner;
    private byte[] decompressed;

    /** @param ids where to record the events' ids, or {@code null} to count only */
    EntryCounter(EventIds ids) {
        this.tally = ids == null ? null : ids.tally();
        this.records = ids == null ? null : new RecordIds(tally);
        this.scanner = ids == null ? null : new PackedScanner(tally);
    }

    /** The number of entries in {@code entries[0, length)}. */
    long count(byte[] entries, int length) throws IOException {
        if (scanner != null) {
            return scanner.scan(entries, length);
        }
        plainInput.reset(entries, 0, length);
        plain.reset(plainInput);
        return walk(plain);
    }

    /** The number of entries in a gzip payload, which may be several gzip members one after another. */
    long countGzip(byte[] compressed, int length) throws IOException {
        return countStream(new GZIPInputStream(new ByteArrayInputStream(compressed, 0, length), DECOMPRESSED_BUFFER));
    }

    /** The number of entries in a zstd payload, which may be several zstd frames one after another. */
    long countZstd(byte[] compressed, int length) throws IOException {
        return countStream(new ZstdInputStreamNoFinalizer(new ByteArrayInputStream(compressed, 0, length)));
    }

    /** Counts {@code count} entries read from {@code in} (Forward mode: the entries inline in the frame). */
    long countInline(MessageUnpacker in, int count) throws IOException {
        if (records == null) {
            in.skipValue(count);
            return count;
        }
        for (int i = 0; i < count; i++) {
            entry(in, i);
        }
        return count;
    }

    /** Counts the record of a Message mode frame, {@code [tag, time, record, option?]}, read up to its time. */
    void countMessage(MessageUnpacker in) throws IOException {
        in.skipValue(); // the time
        if (records == null) {
            in.skipValue();
        } else {
            records.record(in);
        }
    }

    /** The frame just counted is done: its ids go to the totals. */
    void frameDone() {
        if (tally != null) {
            tally.handOver();
        }
    }

    private long countStream(InputStream stream) throws IOException {
        if (scanner != null) {
            int length = readAll(stream);
            return scanner.scan(decompressed, length);
        }
        try (InputStream in = stream;
             MessageUnpacker unpacker = MessagePack.DEFAULT_UNPACKER_CONFIG.withBufferSize(DECOMPRESSED_BUFFER)
                     .newUnpacker(in)) {
            return walk(unpacker);
        }
    }

    /** Reads {@code stream} to its end into {@link #decompressed}; returns the number of bytes. */
    private int readAll(InputStream stream) throws IOException {
        try (InputStream in = stream) {
            if (decompressed == null) {
                decompressed = new byte[4 * 1024 * 1024];
            }
            int length = 0;
            for (int n = in.read(decompressed, 0, decompressed.length); n >= 0;
                 n = in.read(decompressed, length, decompressed.length - length)) {
                length += n;
                if (length == decompressed.length) {
                    decompressed = java.util.Arrays.copyOf(decompressed, decompressed.length * 2);
                }
            }
            return length;
        }
    }

    private long walk(MessageUnpacker entries) throws IOException {
        long count = 0;
        while (entries.hasNext()) {
            entry(entries, count);
            count++;
        }
        return count;
    }

    /** Reads entry number {@code index} (from 0) of a frame. */
    private void entry(MessageUnpacker entries, long index) throws IOException {
        MessageFormat format = entries.getNextFormat();
        if (format.getValueType() != ValueType.ARRAY) {
            throw new SinkProtocolException("entry " + (index + 1) + " is not a [time, record] array but "
                    + format.getValueType());
        }
        int elements = entries.unpackArrayHeader();
        if (elements != 2) {
            throw new SinkProtocolException("entry " + (index + 1) + " has " + elements
                    + " elements; an entry is [time, record]");
        }
        if (records == null) {
            entries.skipValue(2);
        } else {
            entries.skipValue();
            records.record(entries);
        }
    }
}
