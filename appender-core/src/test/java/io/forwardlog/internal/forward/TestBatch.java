package io.forwardlog.internal.forward;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/** A batch built in a test from events, with times as EventTime. */
record TestBatch(String tag, byte[] entries, int eventCount) implements OutboundBatch {

    @Override
    public int entriesLength() {
        return entries.length;
    }

    static Builder of(String tag) {
        return new Builder(tag);
    }

    /** {@code count} events {@code {"n": i, "message": "event i"}} at {@code time}. */
    static TestBatch numbered(String tag, int count, Instant time) {
        Builder b = of(tag);
        for (int i = 0; i < count; i++) {
            b.event(time, Map.of("n", i, "message", "event " + i));
        }
        return b.build();
    }

    /** {@code count} batches of one event {@code {"n": i}} each, tagged {@code prefix.1}, {@code prefix.2} ... */
    static List<TestBatch> series(String prefix, int count, Instant time) {
        List<TestBatch> batches = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            batches.add(of(prefix + "." + i).event(time, Map.of("n", i)).build());
        }
        return batches;
    }

    static final class Builder {
        private final String tag;
        private final MessageBufferPacker packer = MessagePack.newDefaultBufferPacker();
        private int count;

        Builder(String tag) {
            this.tag = tag;
        }

        Builder event(Instant time, Map<String, ?> record) {
            try {
                packer.packArrayHeader(2);
                EventTime.pack(packer, time.getEpochSecond(), time.getNano());
                ValuePacker.packMap(packer, record);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            count++;
            return this;
        }

        TestBatch build() {
            return new TestBatch(tag, packer.toByteArray(), count);
        }
    }
}
