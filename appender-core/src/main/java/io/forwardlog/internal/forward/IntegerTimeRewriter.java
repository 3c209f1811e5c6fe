package io.forwardlog.internal.forward;

import java.io.IOException;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.core.buffer.OutputStreamBufferOutput;

/**
 * Rewrites entries whose time is EventTime into entries with integer seconds, for nodes with
 * {@code time_as_integer}: the buffer always keeps full precision, the wire gets what the node asks.
 * Records are copied byte for byte.
 */
final class IntegerTimeRewriter {

    private final ByteSink out = new ByteSink(64 * 1024);

    /** Returns a sink holding the rewritten entries; valid until the next call. */
    ByteSink rewrite(byte[] entries, int length) throws IOException {
        out.reset();
        try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(entries, 0, length);
             MessagePacker packer = MessagePack.DEFAULT_PACKER_CONFIG.newPacker(new OutputStreamBufferOutput(out))) {
            while (unpacker.hasNext()) {
                int arity = unpacker.unpackArrayHeader();
                if (arity != 2) {
                    throw new IOException("entry is not [time, record] (array of " + arity + ")");
                }
                packer.packArrayHeader(2);
                packer.packLong(readSeconds(unpacker));
                packer.flush();
                long start = unpacker.getTotalReadBytes();
                unpacker.skipValue();
                long end = unpacker.getTotalReadBytes();
                out.write(entries, (int) start, (int) (end - start));
            }
        }
        return out;
    }

    private static long readSeconds(MessageUnpacker unpacker) throws IOException {
        MessageFormat format = unpacker.getNextFormat();
        if (format.getValueType() == org.msgpack.value.ValueType.EXTENSION) {
            var header = unpacker.unpackExtensionTypeHeader();
            byte[] payload = unpacker.readPayload(header.getLength());
            if (header.getType() != EventTime.EXT_TYPE || payload.length != EventTime.LENGTH) {
                throw new IOException("entry time is ext type " + header.getType() + ", not EventTime");
            }
            return EventTime.seconds(payload);
        }
        return unpacker.unpackLong();
    }
}
