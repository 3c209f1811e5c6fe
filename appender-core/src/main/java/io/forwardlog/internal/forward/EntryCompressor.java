package io.forwardlog.internal.forward;

import io.forwardlog.Compression;
import java.io.IOException;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.core.buffer.ArrayBufferInput;

/**
 * Compresses a batch's entries for a CompressedPackedForward message: cut after whole entries into
 * frames (zstd) or members (gzip) of at most {@value #FRAME_BYTES} bytes of entries each, compressed
 * one by one and concatenated, as both receivers read them. One per connection; not thread-safe.
 *
 * <p>Why whole entries and a bound: Fluent Bit's in_forward (4.1 to 4.2, {@code fw_prot.c}) inflates
 * into a buffer of {@code buffer_chunk_size} (1,024,000 bytes by default) and hands every buffer-full,
 * or every zstd frame, to its input on its own, so a frame that ends inside an entry splits that entry,
 * and a zstd frame larger than the buffer fails to decompress while the chunk is acknowledged anyway.
 * Fluentd's in_forward reads the frames as one stream and has no such limits.
 *
 * @see <a href="https://github.com/fluent/fluentd/wiki/Forward-Protocol-Specification-v1#compressedpackedforward-mode">CompressedPackedForward Mode</a>
 */
abstract class EntryCompressor {

    /** The most bytes of entries in one frame; an entry larger than this gets a frame of its own. */
    static final int FRAME_BYTES = 64 * 1024;
    /**
     * Fluent Bit's default {@code buffer_chunk_size}: an entry larger than this cannot be compressed for
     * Fluent Bit without being lost, so a batch holding one travels uncompressed (PackedForward), which
     * Fluent Bit reads in one piece of up to {@code buffer_max_size}.
     */
    static final int LARGEST_COMPRESSED_ENTRY = 1_024_000;

    private final Compression compression;
    private final ByteSink out = new ByteSink(64 * 1024);
    private final ArrayBufferInput input = new ArrayBufferInput(new byte[0]);
    private final MessageUnpacker entryWalker = MessagePack.newDefaultUnpacker(input);

    EntryCompressor(Compression compression) {
        this.compression = compression;
    }

    /** The compressor for {@code compression}, or {@code null} for text, whose entries go as they are. */
    static EntryCompressor of(Compression compression) {
        return switch (compression) {
            case TEXT -> null;
            case GZIP -> new GzipEntryCompressor();
            case ZSTD -> new ZstdEntryCompressor();
        };
    }

    /** The value of the {@code compressed} option. */
    final String optionValue() {
        return compression.configName();
    }

    /**
     * Compresses {@code entries[0, length)}, whole {@code [time, record]} entries one after another.
     *
     * @return the compressed entries, valid until the next call; {@code null} when an entry is larger than
     *     {@value #LARGEST_COMPRESSED_ENTRY} bytes and the batch must go uncompressed
     */
    final ByteSink compress(byte[] entries, int length) throws IOException {
        out.reset();
        input.reset(entries, 0, length);
        entryWalker.reset(input);
        try (Frames frames = frames()) {
            int frameStart = 0;
            int end = 0;
            while (entryWalker.hasNext()) {
                entryWalker.skipValue();
                int next = (int) entryWalker.getTotalReadBytes();
                if (next - end > LARGEST_COMPRESSED_ENTRY) {
                    return null;
                }
                if (next - frameStart > FRAME_BYTES && end > frameStart) {
                    frames.add(entries, frameStart, end - frameStart, out);
                    frameStart = end;
                }
                end = next;
            }
            if (end > frameStart || length == 0) {
                frames.add(entries, frameStart, end - frameStart, out);
            }
        }
        return out;
    }

    /** What writes the frames of one batch; closed when the batch is done. */
    abstract Frames frames();

    /** Writes the frames of one batch. */
    interface Frames extends AutoCloseable {
        /** Appends {@code entries[offset, offset + length)} to {@code out} as one compressed frame or member. */
        void add(byte[] entries, int offset, int length, ByteSink out) throws IOException;

        @Override
        default void close() {
        }
    }
}
