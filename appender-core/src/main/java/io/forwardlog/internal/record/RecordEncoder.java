package io.forwardlog.internal.record;

import io.forwardlog.LogEvent;
import io.forwardlog.RecordSchema;
import io.forwardlog.ThrowableView;
import io.forwardlog.internal.forward.EventTime;
import io.forwardlog.internal.forward.ValuePacker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.buffer.OutputStreamBufferOutput;

/**
 * Turns a framework event into one Forward entry, {@code [EventTime, record]}, on the calling thread,
 * packing straight into reusable per-thread buffers. Written once for both frameworks.
 *
 * <p>Field order, and so precedence when two have one name (the first one wins): the schema's fields,
 * then the event's key-value pairs, then its MDC / ThreadContext entries, then the static fields.
 * Key-value pairs and context entries are top-level fields; when {@code key_values} or {@code mdc} is
 * renamed, they go into a map of that name instead.
 */
public final class RecordEncoder {

    private static final int KEEP_BUFFER_BYTES = 1024 * 1024;

    private final RecordSchema schema;
    private final ThreadLocal<Buffers> buffers = ThreadLocal.withInitial(Buffers::new);

    public RecordEncoder(RecordSchema schema) {
        this.schema = schema;
    }

    /**
     * The encoded entry, valid on this thread until its next call. Whatever the event throws while it
     * is read is thrown on, and the thread's buffers are let go: the packers hold the fields written
     * before the failure, which would otherwise open the next event's entry.
     */
    public EncodedEntry encode(LogEvent event) {
        Buffers b = buffers.get();
        if (b.entry.array().length > KEEP_BUFFER_BYTES) {
            // one huge event (a giant stack trace) must not pin its buffers to the thread for ever
            buffers.remove();
            b = buffers.get();
        }
        boolean encoded = false;
        try {
            b.body.reset();
            b.names.clear();
            int fields = writeFields(event, b);
            b.bodyPacker.flush();

            b.entry.reset();
            b.entryPacker.packArrayHeader(2);
            EventTime.pack(b.entryPacker, event.epochSecond(), event.nanoOfSecond());
            b.entryPacker.packMapHeader(fields);
            b.entryPacker.flush();
            b.entry.write(b.body.array(), 0, b.body.length());
            encoded = true;
            return b.entry;
        } catch (IOException e) {
            // packing into memory does not do I/O; a failure here is a bug, not a condition to handle
            throw new UncheckedIOException(e);
        } finally {
            if (!encoded) {
                buffers.remove();
            }
        }
    }

    private int writeFields(LogEvent event, Buffers b) throws IOException {
        MessagePacker p = b.bodyPacker;
        int n = 0;
        n += string(b, "message", event.message());
        n += string(b, "level", event.level());
        n += string(b, "logger", event.loggerName());
        n += string(b, "thread", event.threadName());
        ThrowableView throwable = event.throwable();
        if (throwable != null) {
            n += string(b, "stack_trace", StackTraceWriter.format(throwable));
        }
        if (schema.includes("markers")) {
            b.markers.clear();
            event.forEachMarker(b.markers::add);
            if (!b.markers.isEmpty() && b.names.add(schema.nameOf("markers"))) {
                p.packString(schema.nameOf("markers"));
                p.packArrayHeader(b.markers.size());
                for (String marker : b.markers) {
                    p.packString(marker);
                }
                n++;
            }
        }
        if (schema.includeCallerData()) {
            LogEvent.CallerData caller = event.callerData();
            if (caller != null) {
                n += string(b, "caller_class", caller.className());
                n += string(b, "caller_method", caller.methodName());
                n += string(b, "caller_file", caller.fileName());
                if (schema.includes("caller_line") && b.names.add(schema.nameOf("caller_line"))) {
                    p.packString(schema.nameOf("caller_line"));
                    p.packInt(caller.lineNumber());
                    n++;
                }
            }
        }
        n += keyValues(event, b);
        n += context(event, b);
        for (Map.Entry<String, String> field : schema.staticFields().entrySet()) {
            if (b.names.add(field.getKey())) {
                p.packString(field.getKey());
                p.packString(field.getValue());
                n++;
            }
        }
        return n;
    }

    private int string(Buffers b, String field, String value) throws IOException {
        if (value == null || !schema.includes(field)) {
            return 0;
        }
        String name = schema.nameOf(field);
        if (!b.names.add(name)) {
            return 0;
        }
        b.bodyPacker.packString(name);
        b.bodyPacker.packString(value);
        return 1;
    }

    private int keyValues(LogEvent event, Buffers b) throws IOException {
        if (!schema.includes("key_values")) {
            return 0;
        }
        String nested = "key_values".equals(schema.nameOf("key_values")) ? null : schema.nameOf("key_values");
        b.clearPairs();
        event.forEachKeyValue(b.addPair);
        return pairs(b, nested);
    }

    private int context(LogEvent event, Buffers b) throws IOException {
        if (!schema.includes("mdc")) {
            return 0;
        }
        String nested = "mdc".equals(schema.nameOf("mdc")) ? null : schema.nameOf("mdc");
        b.clearPairs();
        event.forEachContextEntry(b.addContextEntry);
        return pairs(b, nested);
    }

    private int pairs(Buffers b, String nestedName) throws IOException {
        if (b.keys.isEmpty()) {
            return 0;
        }
        MessagePacker p = b.bodyPacker;
        if (nestedName == null) {
            int n = 0;
            for (int i = 0; i < b.keys.size(); i++) {
                if (b.names.add(b.keys.get(i))) {
                    p.packString(b.keys.get(i));
                    ValuePacker.pack(p, b.values.get(i));
                    n++;
                }
            }
            return n;
        }
        if (!b.names.add(nestedName)) {
            return 0;
        }
        p.packString(nestedName);
        Names inner = new Names();
        int unique = 0;
        for (String key : b.keys) {
            unique += inner.add(key) ? 1 : 0;
        }
        p.packMapHeader(unique);
        inner.clear();
        for (int i = 0; i < b.keys.size(); i++) {
            if (inner.add(b.keys.get(i))) {
                p.packString(b.keys.get(i));
                ValuePacker.pack(p, b.values.get(i));
            }
        }
        return 1;
    }

    /** Per-thread reusable buffers: nothing is allocated per event beyond the fields' own values. */
    private static final class Buffers {
        final EncodedEntry body = new EncodedEntry(1024);
        final EncodedEntry entry = new EncodedEntry(1024);
        final MessagePacker bodyPacker = MessagePack.DEFAULT_PACKER_CONFIG.newPacker(new OutputStreamBufferOutput(body, 8192));
        final MessagePacker entryPacker = MessagePack.DEFAULT_PACKER_CONFIG.newPacker(new OutputStreamBufferOutput(entry, 64));
        final Names names = new Names();
        final List<String> markers = new ArrayList<>();
        final List<String> keys = new ArrayList<>();
        final List<Object> values = new ArrayList<>();
        final BiConsumer<String, Object> addPair = (key, value) -> {
            keys.add(String.valueOf(key));
            values.add(value);
        };
        final BiConsumer<String, String> addContextEntry = (key, value) -> {
            keys.add(key);
            values.add(value);
        };

        void clearPairs() {
            keys.clear();
            values.clear();
        }
    }

    /**
     * The field names written so far in one record: a list scanned in order, which for the dozen or so
     * fields of a record costs less than a hash set's allocations.
     */
    private static final class Names {
        private final List<String> names = new ArrayList<>();

        boolean add(String name) {
            if (names.contains(name)) {
                return false;
            }
            names.add(name);
            return true;
        }

        void clear() {
            names.clear();
        }
    }
}
