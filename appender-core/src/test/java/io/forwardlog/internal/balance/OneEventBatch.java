package io.forwardlog.internal.balance;

import io.forwardlog.internal.forward.EventTime;
import io.forwardlog.internal.forward.OutboundBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/** A batch of one event {@code {"n": n}}. */
record OneEventBatch(byte[] entries, int eventCount) implements OutboundBatch {
    OneEventBatch(int n) {
        this(entry(n), 1);
    }

    private static byte[] entry(int n) {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            packer.packArrayHeader(2);
            EventTime.pack(packer, 1_700_000_000L, 0);
            packer.packMapHeader(1);
            packer.packString("n");
            packer.packInt(n);
            return packer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String tag() {
        return "test";
    }

    @Override
    public int entriesLength() {
        return entries.length;
    }
}
