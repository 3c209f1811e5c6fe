package io.forwardlog.internal.forward;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Lays out one batch as a PackedForward message, {@code [tag, bin(entries), option]}, or as a
 * CompressedPackedForward message when the node wants gzip or zstd ({@link EntryCompressor}), as
 * buffers for a gathering write: the
 * header, the entries themselves (not copied), and the option map. The entries go out as msgpack bin,
 * as the specification asks of clients; {@code chunk} is packed as str (Fluent Bit rejects a bin chunk).
 * The buffers are valid until the next call.
 *
 * @see <a href="https://github.com/fluent/fluentd/wiki/Forward-Protocol-Specification-v1#packedforward-mode">PackedForward Mode</a>
 */
final class FrameWriter {

    private final WireOptions options;
    private final EntryCompressor compressor;
    private final ByteBuffer[] frame = new ByteBuffer[3];
    private ByteBuffer header = ByteBuffer.allocate(256);
    private final ByteBuffer trailer = ByteBuffer.allocate(128);
    private IntegerTimeRewriter integerTimes;
    private String lastTag;
    private byte[] lastTagBytes;

    FrameWriter(WireOptions options) {
        this.options = options;
        this.compressor = EntryCompressor.of(options.compression());
    }

    /**
     * One frame.
     *
     * @param chunkId the ack id, or {@code null} when no ack is wanted
     */
    ByteBuffer[] write(OutboundBatch batch, String chunkId) throws IOException {
        byte[] entries = batch.entries();
        int length = batch.entriesLength();
        if (options.timeAsInteger()) {
            if (integerTimes == null) {
                integerTimes = new IntegerTimeRewriter();
            }
            ByteSink rewritten = integerTimes.rewrite(entries, length);
            entries = rewritten.array();
            length = rewritten.length();
        }
        String compressed = null;
        if (compressor != null) {
            ByteSink packed = compressor.compress(entries, length);
            if (packed != null) { // null: an entry too large for a node's decompression buffer, sent as it is
                entries = packed.array();
                length = packed.length();
                compressed = compressor.optionValue();
            }
        }
        boolean size = options.sendOptions() || chunkId != null || compressed != null;
        int optionCount = (size ? 1 : 0) + (chunkId != null ? 1 : 0) + (compressed != null ? 1 : 0);

        byte[] tag = tagBytes(options.tag().orElse(batch.tag()));
        ByteBuffer h = header(tag.length + 16);
        Msgpack.arrayHeader(h, optionCount == 0 ? 2 : 3);
        Msgpack.str(h, tag);
        Msgpack.binHeader(h, length);
        h.flip();

        trailer.clear();
        if (optionCount > 0) {
            Msgpack.mapHeader(trailer, optionCount);
            if (size) {
                Msgpack.str(trailer, "size");
                Msgpack.integer(trailer, batch.eventCount());
            }
            if (chunkId != null) {
                Msgpack.str(trailer, "chunk");
                Msgpack.str(trailer, chunkId);
            }
            if (compressed != null) {
                Msgpack.str(trailer, "compressed");
                Msgpack.str(trailer, compressed);
            }
        }
        trailer.flip();
        frame[0] = h;
        frame[1] = ByteBuffer.wrap(entries, 0, length);
        frame[2] = trailer;
        return frame;
    }

    /**
     * A heartbeat on the data connection: a Forward-mode message with no entries and a {@code chunk},
     * {@code [tag, [], {"chunk": id}]}. Fluentd, Fluent Bit and the Node server each acknowledge it and
     * record nothing, so its ack proves the node is reading this connection.
     */
    ByteBuffer[] ping(String tag, String chunkId) {
        byte[] tagBytes = tagBytes(options.tag().orElse(tag));
        ByteBuffer h = header(tagBytes.length + 64);
        Msgpack.arrayHeader(h, 3);
        Msgpack.str(h, tagBytes);
        Msgpack.arrayHeader(h, 0);
        Msgpack.mapHeader(h, 1);
        Msgpack.str(h, "chunk");
        Msgpack.str(h, chunkId);
        h.flip();
        return new ByteBuffer[] {h};
    }

    private ByteBuffer header(int needed) {
        if (header.capacity() < needed) {
            header = ByteBuffer.allocate(needed);
        }
        header.clear();
        return header;
    }

    private byte[] tagBytes(String tag) {
        if (!tag.equals(lastTag)) {
            lastTag = tag;
            lastTagBytes = tag.getBytes(StandardCharsets.UTF_8);
        }
        return lastTagBytes;
    }

}
