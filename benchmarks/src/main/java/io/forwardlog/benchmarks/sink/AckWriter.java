package io.forwardlog.benchmarks.sink;

import java.io.IOException;
import java.io.OutputStream;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

/** Writes {@code {"ack": chunk}} answers on one connection, each flushed at once. */
final class AckWriter {

    private final MessagePacker packer;
    private final SinkCounters counters;

    AckWriter(OutputStream out, SinkCounters counters) {
        this.packer = MessagePack.newDefaultPacker(out);
        this.counters = counters;
    }

    void write(String chunk) throws IOException {
        // counted first: a client may read the ack before this method returns
        counters.acked();
        packer.packMapHeader(1);
        packer.packString("ack");
        packer.packString(chunk);
        packer.flush();
    }
}
