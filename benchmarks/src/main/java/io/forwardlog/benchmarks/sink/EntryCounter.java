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
 * Walking skips values without building them, so a frame costs no objects per event. One per
 * connection; not thread-safe.
 */
final class EntryCounter {

    private static final int DECOMPRESSED_BUFFER = 64 * 1024;

    private final ArrayBufferInput plainInput = new ArrayBufferInput(new byte[0]);
    private final MessageUnpacker plain = MessagePack.newDefaultUnpacker(plainInput);

    /** The number of entries in {@code entries[0, length)}. */
    long count(byte[] entries, int length) throws IOException {
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

    private static long countStream(InputStream decompressed) throws IOException {
        try (InputStream in = decompressed;
             MessageUnpacker unpacker = MessagePack.DEFAULT_UNPACKER_CONFIG.withBufferSize(DECOMPRESSED_BUFFER)
                     .newUnpacker(in)) {
            return walk(unpacker);
        }
    }

    private static long walk(MessageUnpacker entries) throws IOException {
        long count = 0;
        while (entries.hasNext()) {
            MessageFormat format = entries.getNextFormat();
            if (format.getValueType() != ValueType.ARRAY) {
                throw new SinkProtocolException("entry " + (count + 1) + " is not a [time, record] array but "
                        + format.getValueType());
            }
            int elements = entries.unpackArrayHeader();
            if (elements != 2) {
                throw new SinkProtocolException("entry " + (count + 1) + " has " + elements
                        + " elements; an entry is [time, record]");
            }
            entries.skipValue(2);
            count++;
        }
        return count;
    }
}
