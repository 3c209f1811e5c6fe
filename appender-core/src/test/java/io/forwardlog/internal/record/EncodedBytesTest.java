package io.forwardlog.internal.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.forwardlog.ForwardSettings;
import io.forwardlog.LogEvent;
import io.forwardlog.RecordSchema;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The encoder's output, byte for byte, against what it wrote before it was made garbage-free: the
 * entries the testkit's receiver, Fluentd, Fluent Bit and the Node server decode. Each case's bytes are
 * in {@code golden/<case>.hex} beside this class, one entry as hex (a long one as its length and digest). Every case is encoded twice by one
 * encoder, after other cases, so that nothing one event leaves behind (a cached name, a longer buffer)
 * changes the next.
 *
 * <p>The files were written by {@link #main}, which is run only when the encoding is meant to change.
 */
class EncodedBytesTest {

    private static final String GOLDEN = "golden/";
    private static final int LONGEST_AS_HEX = 4096;

    record Case(String name, RecordSchema schema, LogEvent event) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        RecordSchema defaults = RecordSchema.defaults();
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("simple", defaults, FakeEvent.simple("hello")));
        cases.add(new Case("orders", defaults, FakeEvent.simple("order 42 processed in 17 ms")
                .withMdc(map("user", "alice", "request", "r-12345", "region", "eu-west-1"))));
        cases.add(new Case("every-value-kind", defaults, FakeEvent.simple("values").withKeyValues(everyValueKind())));
        cases.add(new Case("stack-trace-and-markers", defaults, FakeEvent.simple("failed")
                .withError(failure()).withMarkers(List.of("AUDIT", "SECURITY", "ÄUDIT"))));
        cases.add(new Case("unicode", defaults, new FakeEvent(Instant.ofEpochSecond(1_700_000_000L, 5), "WARN",
                "com.例え.Service", "wörker-€-1", "é€😀 \u0000\t\n \ud800 alone \udc00 alone, pair 😀 end \ud83d",
                null, map("ключ", "значение", "emoji😀", "😀"), new LinkedHashMap<>(), List.of(), null)));
        for (String text : lengths()) {
            cases.add(new Case("length-" + text.length() + "-" + text.getBytes(StandardCharsets.UTF_8).length,
                    defaults, FakeEvent.simple(text)));
        }
        cases.add(new Case("caller-data", schema(b -> b.includeCallerData(true)), FakeEvent.simple("m")
                .withCaller(new LogEvent.CallerData("com.example.A", "run", "A.java", 12))));
        cases.add(new Case("caller-data-unknown-line", schema(b -> b.includeCallerData(true)), FakeEvent.simple("m")
                .withCaller(new LogEvent.CallerData("com.example.A", "run", null, -1))));
        cases.add(new Case("renamed-excluded-static-collisions", schema(b -> b.fieldName("level", "severity")
                .fieldName("message", "msg").excludeField("thread").fieldName("logger", "msg")
                .staticField("env", "prod").staticField("region", "eu").staticField("severity", "static")),
                FakeEvent.simple("real").withKeyValues(kv("msg", "from kv", "k", "kv", "k", "again"))
                        .withMdc(map("k", "mdc", "env", "mdc-env", "region", "mdc-region"))));
        cases.add(new Case("nested-mdc-and-key-values", schema(b -> b.fieldName("mdc", "context")
                .fieldName("key_values", "fields")),
                FakeEvent.simple("nested").withKeyValues(kv("a", 1, "b", 2, "a", 3))
                        .withMdc(map("context", "shadowed", "x", "1", "y", "2"))));
        cases.add(new Case("many-fields", schema(b -> b.fieldName("mdc", "context")),
                FakeEvent.simple("many").withMdc(many("m", 20)).withKeyValues(kv(many("k", 20)))));
        cases.add(new Case("many-top-level-fields", defaults, FakeEvent.simple("many").withMdc(many("m", 40))));
        cases.add(new Case("nulls", defaults, new FakeEvent(Instant.ofEpochSecond(0, 0), "DEBUG", "", null, null,
                null, map("nothing", null, "empty", ""), kv("none", null, null, "null key"), List.of(), null)));
        cases.add(new Case("time-after-2038", defaults, new FakeEvent(Instant.ofEpochSecond(4_102_444_800L, 999_999_999),
                "ERROR", "l", "t", "future", null, new LinkedHashMap<>(), new LinkedHashMap<>(), List.of(), null)));
        cases.add(new Case("everything-left-out", schema(b -> b.excludeField("message").excludeField("level")
                .excludeField("logger").excludeField("thread").excludeField("mdc").excludeField("key_values")
                .excludeField("markers").excludeField("stack_trace")),
                FakeEvent.simple("gone").withMdc(map("a", "b")).withMarkers(List.of("M"))));
        cases.add(new Case("pair-shadows-renamed-mdc", schema(b -> b.fieldName("mdc", "context")),
                FakeEvent.simple("m").withKeyValues(kv("context", "from kv", "other", 1)).withMdc(map("x", "1"))));
        cases.add(new Case("pairs-context-and-statics-overlapping", schema(b -> b.staticField("b", "static-b")
                .staticField("c", "static-c").staticField("level", "static-level")),
                FakeEvent.simple("m").withKeyValues(kv("a", 1, "a", 2, "thread", "kv-thread"))
                        .withMdc(map("a", "mdc-a", "b", "mdc-b", "logger", "mdc-logger"))));
        cases.add(new Case("renamed-pairs-map-collides-with-a-field", schema(b -> b.fieldName("key_values", "level")),
                FakeEvent.simple("m").withKeyValues(kv("k", 1))));
        cases.add(new Case("static-collides-with-renamed-mdc", schema(b -> b.fieldName("mdc", "ctx").staticField("ctx", "s")),
                FakeEvent.simple("m").withMdc(map("k", "v"))));
        cases.add(new Case("static-named-like-renamed-mdc-without-entries", schema(b -> b.fieldName("mdc", "ctx")
                .staticField("ctx", "s")), FakeEvent.simple("m")));
        cases.add(new Case("fields-renamed-alike", schema(b -> b.fieldName("message", "text").fieldName("logger", "text")
                .fieldName("thread", "text")), new FakeEvent(Instant.ofEpochSecond(1, 2), "INFO", "the.logger", "t", null,
                null, map("text", "mdc"), new LinkedHashMap<>(), List.of(), null)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theEncoderWritesTheSameBytesAsBefore(Case c) throws IOException {
        String expected = golden(c.name());
        RecordEncoder encoder = new RecordEncoder(c.schema());
        // other events first, long and short, so that whatever they leave in the thread's buffers shows
        encoder.encode(FakeEvent.simple("x".repeat(70_000)).withMdc(map("user", "bob", "k", "v")));
        encoder.encode(FakeEvent.simple("é").withKeyValues(everyValueKind()));

        assertEquals(expected, hex(encoder.encode(c.event())), c.name());
        assertEquals(expected, hex(encoder.encode(c.event())), c.name() + ", again");
    }

    /** The entry as hex; an entry over {@value #LONGEST_AS_HEX} bytes as its length and SHA-256, to keep the files small. */
    private static String hex(EncodedEntry entry) {
        byte[] bytes = Arrays.copyOfRange(entry.array(), entry.offset(), entry.offset() + entry.length());
        if (bytes.length <= LONGEST_AS_HEX) {
            return HexFormat.of().formatHex(bytes);
        }
        try {
            return bytes.length + " bytes, sha-256 " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = EncodedBytesTest.class.getResourceAsStream(GOLDEN + name + ".hex")) {
            assertNotNull(in, "no golden file for case " + name);
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        }
    }

    /** Writes every case's golden file under {@code args[0]} (the test resources' directory of this class). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]).resolve(GOLDEN);
        Files.createDirectories(dir);
        for (Case c : cases().toList()) {
            Files.writeString(dir.resolve(c.name() + ".hex"), hex(new RecordEncoder(c.schema()).encode(c.event())) + "\n");
        }
    }

    private static List<String> lengths() {
        List<String> texts = new ArrayList<>();
        for (int n : new int[] {0, 31, 32, 255, 256, 65_535, 65_536}) {
            texts.add("a".repeat(n));
        }
        texts.add("é".repeat(20));      // 20 chars, 40 bytes: past fixstr only once encoded
        texts.add("€".repeat(100));     // 100 chars, 300 bytes: str16
        texts.add("€".repeat(22_000));  // 22,000 chars, 66,000 bytes: str32
        texts.add("😀".repeat(70));     // 140 chars, 280 bytes
        return texts;
    }

    private static Map<String, Object> everyValueKind() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("string", "text");
        values.put("int", 42);
        values.put("negative", -33);
        values.put("int8", -128);
        values.put("int16", -32_768);
        values.put("int32", Integer.MIN_VALUE);
        values.put("uint8", 255);
        values.put("uint16", 65_535);
        values.put("uint32", 4_294_967_295L);
        values.put("long", Long.MAX_VALUE);
        values.put("long-min", Long.MIN_VALUE);
        values.put("short", (short) 7);
        values.put("byte", (byte) -7);
        values.put("double", 3.25);
        values.put("float", 1.5f);
        values.put("true", true);
        values.put("false", false);
        values.put("null", null);
        values.put("big", new BigInteger("18446744073709551615"));
        values.put("big-negative", new BigInteger("-9223372036854775808"));
        values.put("too-big", new BigInteger("18446744073709551616"));
        values.put("decimal", new BigDecimal("1E+3"));
        values.put("bytes", new byte[] {1, 2, 3});
        values.put("list", List.of("a", 1, List.of(true)));
        values.put("map", map("inner", "v", "n", 1));
        values.put("array", new Object[] {"x", 2.0, null});
        values.put("other", new StringBuilder("to string"));
        return values;
    }

    private static Throwable failure() {
        IllegalStateException cause = new IllegalStateException("root cause");
        cause.setStackTrace(new StackTraceElement[] {new StackTraceElement("com.example.Db", "query", "Db.java", 7)});
        RuntimeException error = new RuntimeException("boom", cause);
        error.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("com.example.Orders", "process", "Orders.java", 42),
            new StackTraceElement("com.example.Main", "main", null, -1)});
        return error;
    }

    private static Map<String, String> many(String prefix, int n) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            entries.put(prefix + i, "value-" + i);
        }
        return entries;
    }

    private static RecordSchema schema(UnaryOperator<ForwardSettings.Builder> settings) {
        return settings.apply(ForwardSettings.builder().upstream(Path.of("upstream.conf"))).build().schema();
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Object... keysAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return map;
    }

    /** Key-value pairs as a framework may give them: in order, a key more than once. */
    private static Map<String, Object> kv(Object... keysAndValues) {
        return new PairList(keysAndValues);
    }

    private static Map<String, Object> kv(Map<String, String> entries) {
        List<Object> flat = new ArrayList<>();
        entries.forEach((k, v) -> {
            flat.add(k);
            flat.add(v);
        });
        return new PairList(flat.toArray());
    }

    /** A map view over pairs that keeps repeated keys, for {@link FakeEvent#forEachKeyValue}. */
    private static final class PairList extends java.util.AbstractMap<String, Object> {
        private final Object[] pairs;

        PairList(Object[] pairs) {
            this.pairs = pairs;
        }

        @Override
        public java.util.Set<Entry<String, Object>> entrySet() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void forEach(java.util.function.BiConsumer<? super String, ? super Object> action) {
            for (int i = 0; i < pairs.length; i += 2) {
                action.accept((String) pairs[i], pairs[i + 1]);
            }
        }
    }
}
