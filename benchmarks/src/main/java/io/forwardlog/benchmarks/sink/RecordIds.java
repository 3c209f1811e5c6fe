package io.forwardlog.benchmarks.sink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * Reads the id of each record's {@code message} field (see {@link EventIds}) and tallies it; skips
 * every other field without building it. One per connection; not thread-safe.
 */
final class RecordIds {

    private static final byte[] MESSAGE_KEY = "message".getBytes(StandardCharsets.US_ASCII);

    private final EventIds.Tally tally;
    private byte[] text = new byte[256];

    RecordIds(EventIds.Tally tally) {
        this.tally = tally;
    }

    /** Reads one record, the map of an entry, and tallies its id (or that it has none). */
    void record(MessageUnpacker in) throws IOException {
        if (in.getNextFormat().getValueType() != ValueType.MAP) {
            in.skipValue();
            tally.count(-1);
            return;
        }
        int fields = in.unpackMapHeader();
        long id = -1;
        boolean found = false;
        for (int i = 0; i < fields; i++) {
            boolean message = isMessageKey(in) && !found;
            if (message && in.getNextFormat().getValueType() == ValueType.STRING) {
                int length = readText(in, in.unpackRawStringHeader());
                id = EventIds.parseId(text, 0, length);
                found = true;
            } else {
                in.skipValue();
            }
        }
        tally.count(id);
    }

    /** Reads a key; whether it is {@code message}. */
    private boolean isMessageKey(MessageUnpacker in) throws IOException {
        if (in.getNextFormat().getValueType() != ValueType.STRING) {
            in.skipValue();
            return false;
        }
        int length = readText(in, in.unpackRawStringHeader());
        return Arrays.equals(text, 0, length, MESSAGE_KEY, 0, MESSAGE_KEY.length);
    }

    private int readText(MessageUnpacker in, int length) throws IOException {
        if (text.length < length) {
            text = new byte[Math.max(length, text.length * 2)];
        }
        in.readPayload(text, 0, length);
        return length;
    }
}
