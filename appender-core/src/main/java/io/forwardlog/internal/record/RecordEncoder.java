package io.forwardlog.internal.record;

import io.forwardlog.LogEvent;
import io.forwardlog.RecordSchema;
import io.forwardlog.ThrowableView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Turns a framework event into one Forward entry, {@code [EventTime, record]}, on the calling thread,
 * written straight into a reusable per-thread {@link EncodedEntry}. Written once for both frameworks.
 * The schema's names and static fields are encoded once, here; per event nothing is allocated beyond
 * what the event's own values need (a stack trace's text, a value's {@code toString()}).
 *
 * <p>Field order, and so precedence when two have one name (the first one wins): the schema's fields,
 * then the event's key-value pairs, then its MDC / ThreadContext entries, then the static fields.
 * Key-value pairs and context entries are top-level fields; when {@code key_values} or {@code mdc} is
 * renamed, they go into a map of that name instead.
 *
 * <p>Which names a record holds is tracked in two ways, so that no key is written twice at little cost:
 * the schema's own fields as bits (which of them share a name is worked out here, once), and the
 * event's keys in a {@link FieldNames} table, each first checked against the schema's names written.
 */
public final class RecordEncoder {

    /** A thread's buffers above this are let go after the event: one giant event must not pin them for ever. */
    private static final int KEEP_BUFFER_BYTES = 1024 * 1024;

    /**
     * A field of the schema ({@code null} when left out): its name, encoded once, its bit among the
     * schema's fields, and the bits of every schema field with the same name, its own included.
     */
    private record Field(String name, byte[] encodedName, long bit, long sameName) {
    }

    /** A static field: its name and value encoded once, one after the other, and the schema fields of its name. */
    private record StaticField(String name, byte[] encoded, long sameName) {
    }

    private final Field message;
    private final Field level;
    private final Field logger;
    private final Field thread;
    private final Field stackTrace;
    private final Field markers;
    private final boolean includeCallerData;
    private final Field callerClass;
    private final Field callerMethod;
    private final Field callerFile;
    private final Field callerLine;
    private final boolean includeKeyValues;
    /** The map key-value pairs go into, or {@code null} when they are top-level fields. */
    private final Field keyValuesMap;
    private final boolean includeContext;
    /** The map context entries go into, or {@code null} when they are top-level fields. */
    private final Field contextMap;
    private final StaticField[] staticFields;
    /** The bits of the schema fields of each name. */
    private final Map<String, Long> schemaNames;
    /** One bit per schema name's hash: a key whose bit is clear is none of them, known without a lookup. */
    private final long schemaNameFilter;
    private final ThreadLocal<Writer> writers = ThreadLocal.withInitial(Writer::new);

    public RecordEncoder(RecordSchema schema) {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        for (String field : RecordSchema.FIELDS) {
            boolean nestedMap = field.equals("mdc") || field.equals("key_values");
            // mdc and key_values are fields of their own only when renamed: then they are a map of that name
            if (schema.includes(field) && (!nestedMap || !field.equals(schema.nameOf(field)))) {
                names.put(field, schema.nameOf(field));
            }
        }
        Map<String, Long> bitsByName = new HashMap<>();
        Map<String, Long> bitOf = new HashMap<>();
        long bit = 1;
        for (Map.Entry<String, String> field : names.entrySet()) {
            bitOf.put(field.getKey(), bit);
            bitsByName.merge(field.getValue(), bit, (a, b) -> a | b);
            bit <<= 1;
        }
        this.schemaNames = Map.copyOf(bitsByName);
        long filter = 0;
        for (String name : bitsByName.keySet()) {
            filter |= filterBit(name);
        }
        this.schemaNameFilter = filter;
        Map<String, Field> fields = new HashMap<>();
        names.forEach((field, name) -> fields.put(field,
                new Field(name, EncodedEntry.encode(name), bitOf.get(field), bitsByName.get(name))));

        this.message = fields.get("message");
        this.level = fields.get("level");
        this.logger = fields.get("logger");
        this.thread = fields.get("thread");
        this.stackTrace = fields.get("stack_trace");
        this.markers = fields.get("markers");
        this.includeCallerData = schema.includeCallerData();
        this.callerClass = fields.get("caller_class");
        this.callerMethod = fields.get("caller_method");
        this.callerFile = fields.get("caller_file");
        this.callerLine = fields.get("caller_line");
        this.includeKeyValues = schema.includes("key_values");
        this.keyValuesMap = fields.get("key_values");
        this.includeContext = schema.includes("mdc");
        this.contextMap = fields.get("mdc");
        this.staticFields = schema.staticFields().entrySet().stream()
                .map(e -> new StaticField(e.getKey(), concat(EncodedEntry.encode(e.getKey()), EncodedEntry.encode(e.getValue())),
                        bitsByName.getOrDefault(e.getKey(), 0L)))
                .toArray(StaticField[]::new);
    }

    private static long filterBit(String name) {
        int h = name.hashCode();
        return 1L << (h ^ (h >>> 16)); // a shift takes the low 6 bits
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /**
     * The encoded entry, valid on this thread until its next call. Whatever the event throws while it
     * is read is thrown on; the next event starts afresh all the same.
     */
    public EncodedEntry encode(LogEvent event) {
        Writer w = writers.get();
        try {
            w.begin();
            writeFields(event, w);
            w.out.finish(event.epochSecond(), event.nanoOfSecond(), w.fields);
            return w.out;
        } finally {
            w.end();
            if (w.out.capacity() > KEEP_BUFFER_BYTES) {
                writers.remove(); // the entry returned stays valid: this thread's next call gets new buffers
            }
        }
    }

    private void writeFields(LogEvent event, Writer w) {
        // a field left out is not read: a layout's message or a framework's lookup costs nothing then
        if (message != null) {
            w.text(message, event.message());
        }
        if (level != null) {
            w.recurringText(level, event.level());
        }
        if (logger != null) {
            w.recurringText(logger, event.loggerName());
        }
        if (thread != null) {
            w.recurringText(thread, event.threadName());
        }
        if (stackTrace != null) {
            ThrowableView throwable = event.throwable();
            if (throwable != null) {
                w.text(stackTrace, StackTraceWriter.format(throwable));
            }
        }
        if (markers != null) {
            event.forEachMarker(w.addMarker);
            if (!w.markers.isEmpty() && w.claim(markers)) {
                w.out.arrayHeader(w.markers.size());
                for (String marker : w.markers) {
                    w.out.string(marker);
                }
            }
        }
        if (includeCallerData) {
            LogEvent.CallerData caller = event.callerData();
            if (caller != null) {
                w.text(callerClass, caller.className());
                w.text(callerMethod, caller.methodName());
                w.text(callerFile, caller.fileName());
                if (callerLine != null && w.claim(callerLine)) {
                    w.out.integer(caller.lineNumber());
                }
            }
        }
        if (includeKeyValues) {
            if (keyValuesMap == null) {
                event.forEachKeyValue(w.writePair);
            } else {
                event.forEachKeyValue(w.keepPair);
                w.nested(keyValuesMap);
            }
        }
        if (includeContext) {
            if (contextMap == null) {
                event.forEachContextEntry(w.writeContextEntry);
            } else {
                event.forEachContextEntry(w.keepContextEntry);
                w.nested(contextMap);
            }
        }
        for (StaticField field : staticFields) {
            if ((w.schemaFieldsWritten & field.sameName()) == 0 && w.names.add(field.name())) {
                w.out.raw(field.encoded());
                w.fields++;
            }
        }
    }

    /** One thread's buffers and the callbacks bound to them, created once: nothing per event. */
    private final class Writer {
        final EncodedEntry out = new EncodedEntry(1024);
        /** The event's own keys written (pairs, context entries) and the static fields. */
        final FieldNames names = new FieldNames();
        final FieldNames inner = new FieldNames();
        final List<String> markers = new ArrayList<>();
        final List<String> keys = new ArrayList<>();
        final List<Object> values = new ArrayList<>();
        int fields;
        /** The bits of the schema fields written. */
        long schemaFieldsWritten;

        final Consumer<String> addMarker = markers::add;
        final BiConsumer<String, Object> writePair = this::writeField;
        final BiConsumer<String, String> writeContextEntry = this::writeField;
        final BiConsumer<String, Object> keepPair = this::keep;
        final BiConsumer<String, String> keepContextEntry = this::keep;

        void begin() {
            out.begin();
            names.clear();
            inner.clear();
            fields = 0;
            schemaFieldsWritten = 0;
        }

        /** Lets go of the event's values, which the lists would otherwise keep alive until the next event. */
        void end() {
            markers.clear();
            keys.clear();
            values.clear();
        }

        /** Writes the schema field's name unless a field of that name is written already; returns whether it did. */
        boolean claim(Field field) {
            if ((schemaFieldsWritten & field.sameName()) != 0) {
                return false;
            }
            schemaFieldsWritten |= field.bit();
            out.raw(field.encodedName());
            fields++;
            return true;
        }

        void text(Field field, CharSequence value) {
            if (field != null && value != null && claim(field)) {
                out.string(value);
            }
        }

        /** A field whose value is mostly the same string from event to event (level, logger, thread). */
        void recurringText(Field field, String value) {
            if (field != null && value != null && claim(field)) {
                out.recurring(value);
            }
        }

        /** Whether the record has a field named {@code key} already, adding it to the event's keys when not. */
        private boolean taken(String key) {
            if ((schemaNameFilter & filterBit(key)) != 0) {
                Long sameName = schemaNames.get(key);
                if (sameName != null && (schemaFieldsWritten & sameName) != 0) {
                    return true;
                }
            }
            return !names.add(key);
        }

        /** A pair or context entry as a top-level field, unless the record has that name already. */
        private void writeField(String key, Object value) {
            String name = String.valueOf(key);
            if (!taken(name)) {
                out.recurring(name);
                if (value instanceof String text) {
                    out.recurring(text);
                } else {
                    out.value(value);
                }
                fields++;
            }
        }

        private void keep(String key, Object value) {
            keys.add(String.valueOf(key));
            values.add(value);
        }

        /** The pairs kept, as one map field of that name, each key once (the first wins); none: no field. */
        void nested(Field map) {
            try {
                // a top-level pair may have this name already: the map comes after the pairs
                if (!keys.isEmpty() && (schemaFieldsWritten & map.sameName()) == 0 && names.add(map.name()) && claim(map)) {
                    int unique = 0;
                    for (String key : keys) {
                        unique += inner.add(key) ? 1 : 0;
                    }
                    out.mapHeader(unique);
                    inner.clear();
                    for (int i = 0; i < keys.size(); i++) {
                        if (inner.add(keys.get(i))) {
                            out.string(keys.get(i));
                            out.value(values.get(i));
                        }
                    }
                }
            } finally {
                keys.clear();
                values.clear();
            }
        }
    }
}
