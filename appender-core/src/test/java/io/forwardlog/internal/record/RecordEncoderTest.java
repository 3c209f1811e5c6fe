package io.forwardlog.internal.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.ForwardSettings;
import io.forwardlog.LogEvent;
import io.forwardlog.RecordSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ExtensionValue;
import org.msgpack.value.Value;

class RecordEncoderTest {

    @Test
    void encodesEventTimeWithNanosecondsAndTheDefaultFields() throws IOException {
        Decoded entry = encode(RecordSchema.defaults(), FakeEvent.simple("hello"));

        assertEquals(1_700_000_000L, entry.seconds);
        assertEquals(123_456_789, entry.nanos);
        assertEquals(List.of("message", "level", "logger", "thread"), entry.keys());
        assertEquals("hello", entry.text("message"));
        assertEquals("INFO", entry.text("level"));
        assertEquals("com.example.Orders", entry.text("logger"));
        assertEquals("main", entry.text("thread"));
    }

    @Test
    void addsTheStackTraceMarkersKeyValuesAndContextEntries() throws IOException {
        FakeEvent event = FakeEvent.simple("failed")
                .withError(new IllegalStateException("boom"))
                .withMarkers(List.of("AUDIT", "SECURITY"))
                .withKeyValues(map("order", 42L, "paid", true))
                .withMdc(Map.of("request_id", "r-1"));

        Decoded entry = encode(RecordSchema.defaults(), event);

        assertEquals(List.of("message", "level", "logger", "thread", "stack_trace", "markers", "order", "paid", "request_id"),
                entry.keys());
        assertTrue(entry.text("stack_trace").startsWith("java.lang.IllegalStateException: boom\n\tat "));
        assertEquals("[\"AUDIT\",\"SECURITY\"]", entry.get("markers").toJson());
        assertEquals(42L, entry.get("order").asIntegerValue().toLong());
        assertTrue(entry.get("paid").asBooleanValue().getBoolean());
        assertEquals("r-1", entry.text("request_id"));
    }

    @Test
    void anEventThatThrowsHalfWayThroughLeavesNothingBehindForTheNextEvent() throws IOException {
        RecordEncoder encoder = new RecordEncoder(RecordSchema.defaults());
        // the message, level, logger and thread are packed before the stack trace is read
        FakeEvent broken = FakeEvent.simple("written first").withError(new IllegalStateException("boom") {
            @Override
            public StackTraceElement[] getStackTrace() {
                throw new NoSuchMethodError("'java.lang.StackTraceElement[] a.Framework.frames()'");
            }
        });

        assertThrows(NoSuchMethodError.class, () -> encoder.encode(broken));
        Decoded next = decode(encoder.encode(FakeEvent.simple("next")));

        assertEquals(List.of("message", "level", "logger", "thread"), next.keys());
        assertEquals("next", next.text("message"));
    }

    @Test
    void writesCallerDataOnlyWhenIncluded() throws IOException {
        FakeEvent event = FakeEvent.simple("m").withCaller(new LogEvent.CallerData("com.example.A", "run", "A.java", 12));

        assertFalse(encode(RecordSchema.defaults(), event).keys().contains("caller_class"));
        Decoded entry = encode(schema(b -> b.includeCallerData(true)), event);
        assertEquals("com.example.A", entry.text("caller_class"));
        assertEquals("run", entry.text("caller_method"));
        assertEquals("A.java", entry.text("caller_file"));
        assertEquals(12, entry.get("caller_line").asIntegerValue().toInt());
    }

    @Test
    void renamesAndLeavesOutFields() throws IOException {
        RecordSchema schema = schema(b -> b.fieldName("level", "severity").fieldName("message", "msg").excludeField("thread"));

        Decoded entry = encode(schema, FakeEvent.simple("hi"));

        assertEquals(List.of("msg", "severity", "logger"), entry.keys());
    }

    @Test
    void aRenamedMdcGoesIntoAMapOfThatName() throws IOException {
        Decoded entry = encode(schema(b -> b.fieldName("mdc", "context")),
                FakeEvent.simple("m").withMdc(map("a", "1", "b", "2")));

        assertEquals("{\"a\":\"1\",\"b\":\"2\"}", entry.get("context").toJson());
    }

    @Test
    void theFirstFieldOfANameWinsSoNoKeyIsWrittenTwice() throws IOException {
        FakeEvent event = FakeEvent.simple("real message")
                .withKeyValues(map("message", "from kv", "k", "kv"))
                .withMdc(map("k", "mdc", "env", "mdc-env"));

        Decoded entry = encode(schema(b -> b.staticField("env", "prod").staticField("region", "eu")), event);

        assertEquals("real message", entry.text("message"));
        assertEquals("kv", entry.text("k"));
        assertEquals("mdc-env", entry.text("env"));
        assertEquals("eu", entry.text("region"));
        assertEquals(entry.keys().size(), entry.keys().stream().distinct().count());
    }

    private static RecordSchema schema(UnaryOperator<ForwardSettings.Builder> settings) {
        return settings.apply(ForwardSettings.builder().upstream(Path.of("upstream.conf"))).build().schema();
    }

    private static <V> Map<String, V> map(String k1, V v1, String k2, V v2) {
        Map<String, V> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    private static Decoded encode(RecordSchema schema, LogEvent event) throws IOException {
        return decode(new RecordEncoder(schema).encode(event));
    }

    private static Decoded decode(EncodedEntry encoded) throws IOException {
        MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(encoded.array(), encoded.offset(), encoded.length());
        assertEquals(2, unpacker.unpackArrayHeader());
        ExtensionValue time = unpacker.unpackValue().asExtensionValue();
        assertEquals(0, time.getType());
        byte[] t = time.getData();
        Decoded decoded = new Decoded();
        decoded.seconds = ((t[0] & 0xffL) << 24) | ((t[1] & 0xff) << 16) | ((t[2] & 0xff) << 8) | (t[3] & 0xff);
        decoded.nanos = ((t[4] & 0xff) << 24) | ((t[5] & 0xff) << 16) | ((t[6] & 0xff) << 8) | (t[7] & 0xff);
        int n = unpacker.unpackMapHeader();
        for (int i = 0; i < n; i++) {
            decoded.fields.add(Map.entry(unpacker.unpackString(), unpacker.unpackValue()));
        }
        assertFalse(unpacker.hasNext());
        return decoded;
    }

    private static final class Decoded {
        long seconds;
        int nanos;
        final List<Map.Entry<String, Value>> fields = new ArrayList<>();

        List<String> keys() {
            return fields.stream().map(Map.Entry::getKey).toList();
        }

        Value get(String key) {
            return fields.stream().filter(f -> f.getKey().equals(key)).findFirst().orElseThrow().getValue();
        }

        String text(String key) {
            return get(key).asStringValue().asString();
        }
    }
}
