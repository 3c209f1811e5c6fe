package io.forwardlog.internal.forward;

import java.io.IOException;
import java.io.OutputStream;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

/**
 * Writes one batch as a PackedForward message, {@code [tag, bin(entries), option]}, or as a
 * CompressedPackedForward message when the node wants gzip or zstd ({@link EntryCompressor}). The
 * entries go out as msgpack bin, as the specification asks of clients; {@code chunk} is packed as str
 * (Fluent Bit rejects a bin chunk).
 *
 * @see <a href="https://github.com/fluent/fluentd/wiki/Forward-Protocol-Specification-v1#packedforward-mode">PackedForward Mode</a>
 */
final class FrameWriter {

    private final MessagePacker packer;
    private final WireOptions options;
    private final EntryCompressor compressor;
    private IntegerTimeRewriter integerTimes;

    FrameWriter(OutputStream out, WireOptions options) {
        this.packer = MessagePack.newDefaultPacker(out);
        this.options = options;
        this.compressor = EntryCompressor.of(options.compression());
    }

    /**
     * Writes and flushes one frame.
     *
     * @param chunkId the ack id, or {@code null} when no ack is wanted
     */
    void write(OutboundBatch batch, String chunkId) throws IOException {
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
            if (packed != null) {
                entries = packed.array();
                length = packed.length();
                compressed = compressor.optionValue();
            }
        }
        boolean size = options.sendOptions() || chunkId != null || compressed != null;
        int optionCount = (size ? 1 : 0) + (chunkId != null ? 1 : 0) + (compressed != null ? 1 : 0);

        packer.packArrayHeader(optionCount == 0 ? 2 : 3);
        packer.packString(options.tag().orElse(batch.tag()));
        packer.packBinaryHeader(length);
        packer.writePayload(entries, 0, length);
        if (optionCount > 0) {
            packer.packMapHeader(optionCount);
            if (size) {
                packer.packString("size");
                packer.packInt(batch.eventCount());
            }
            if (chunkId != null) {
                packer.packString("chunk");
                packer.packString(chunkId);
            }
            if (compressed != null) {
                packer.packString("compressed");
                packer.packString(compressed);
            }
        }
        packer.flush();
    }

    /**
     * Writes a heartbeat on the data connection: a Forward-mode message with no entries and a
     * {@code chunk}, {@code [tag, [], {"chunk": id}]}. Fluentd, Fluent Bit and the Node server each
     * acknowledge it and record nothing, so its ack proves the node is reading this connection.
     */
    void writePing(String tag, String chunkId) throws IOException {
        packer.packArrayHeader(3);
        packer.packString(options.tag().orElse(tag));
        packer.packArrayHeader(0);
        packer.packMapHeader(1);
        packer.packString("chunk");
        packer.packString(chunkId);
        packer.flush();
    }
}
