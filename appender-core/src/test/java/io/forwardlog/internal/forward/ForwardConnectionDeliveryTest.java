package io.forwardlog.internal.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.forwardlog.Compression;
import io.forwardlog.interop.ServedEvent;
import io.forwardlog.interop.ServerKind;
import io.forwardlog.interop.ServerUnderTest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Batches written by {@link ForwardConnection} on a real socket arrive intact at two independent
 * servers, as PackedForward and as CompressedPackedForward. How the frames look on the wire is
 * checked in {@link ForwardConnectionReceiverTest}.
 */
class ForwardConnectionDeliveryTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Instant TIME = Instant.ofEpochSecond(1_700_000_000L, 123_456_789);

    /** Every server with every compression it reads (the Node server cannot read zstd). */
    static Stream<Arguments> serversAndCompressions() {
        return Stream.of(ServerKind.values()).flatMap(kind -> Stream.of(Compression.values())
                .filter(kind::reads).map(compression -> Arguments.of(kind, compression)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("serversAndCompressions")
    void deliversEveryEventOfSeveralBatchesInOrder(ServerKind kind, Compression compression) throws IOException {
        try (ServerUnderTest server = kind.start(); ClientHarness client = new ClientHarness()) {
            DrivenConnection connection = client.open(server, WireOptions.defaults().withCompression(compression));

            connection.send(TestBatch.numbered("app.first", 3, TIME));
            connection.send(TestBatch.numbered("app.second", 2, TIME));

            List<ServedEvent> expected = new ArrayList<>(numbered("app.first", 3));
            expected.addAll(numbered("app.second", 2));
            assertEquals(expected, server.awaitEvents(5, TIMEOUT));
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("serversAndCompressions")
    void deliversABatchMuchLargerThanTheWriteBuffer(ServerKind kind, Compression compression) throws IOException {
        // random bytes stay large when gzipped
        byte[] payload = new byte[300 * 1024];
        new Random(7).nextBytes(payload);
        try (ServerUnderTest server = kind.start(); ClientHarness client = new ClientHarness()) {
            DrivenConnection connection = client.open(server, WireOptions.defaults().withCompression(compression));

            connection.send(TestBatch.of("app.large")
                    .event(TIME, Map.of("payload", payload))
                    .event(TIME, Map.of("n", 2))
                    .build());

            assertEquals(List.of(ServedEvent.withEventTime("app.large", TIME, Map.of("payload", payload)),
                    ServedEvent.withEventTime("app.large", TIME, Map.of("n", 2))), server.awaitEvents(2, TIMEOUT));
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("serversAndCompressions")
    void keepsTheNanosecondsOfEventTimes(ServerKind kind, Compression compression) throws IOException {
        List<Instant> times = List.of(
                Instant.ofEpochSecond(1_700_000_000L),
                Instant.ofEpochSecond(1_700_000_000L, 1),
                Instant.ofEpochSecond(1_700_000_000L, 999_999_999),
                // the last second EventTime's unsigned 32 bits can hold, in 2106
                Instant.ofEpochSecond(0xFFFF_FFFFL, 500_000_000));
        TestBatch.Builder batch = TestBatch.of("app.times");
        times.forEach(time -> batch.event(time, Map.of("at", time.toString())));
        try (ServerUnderTest server = kind.start(); ClientHarness client = new ClientHarness()) {
            DrivenConnection connection = client.open(server, WireOptions.defaults().withCompression(compression));

            connection.send(batch.build());

            assertEquals(times.stream().map(time -> ServedEvent.withEventTime("app.times", time,
                    Map.of("at", time.toString()))).toList(), server.awaitEvents(times.size(), TIMEOUT));
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("serversAndCompressions")
    void sendsWholeSecondsWhenTheNodeWantsIntegerTime(ServerKind kind, Compression compression) throws IOException {
        TestBatch batch = TestBatch.of("app.legacy")
                .event(Instant.ofEpochSecond(1_700_000_000L, 999_999_999), Map.of("i", 1))
                .event(Instant.ofEpochSecond(1_700_000_001L), Map.of("i", 2))
                .build();
        try (ServerUnderTest server = kind.start(); ClientHarness client = new ClientHarness()) {
            DrivenConnection connection = client.open(server,
                    WireOptions.defaults().withCompression(compression).withTimeAsInteger(true));

            connection.send(batch);

            assertEquals(List.of(
                    ServedEvent.withIntegerTime("app.legacy", 1_700_000_000L, Map.of("i", 1)),
                    ServedEvent.withIntegerTime("app.legacy", 1_700_000_001L, Map.of("i", 2))),
                    server.awaitEvents(2, TIMEOUT));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServerKind.class)
    void deliversRecordValuesOfEveryKindUnchanged(ServerKind kind) throws IOException {
        Map<String, Object> record = everyKindOfValue();
        try (ServerUnderTest server = kind.start(); ClientHarness client = new ClientHarness()) {
            DrivenConnection connection = client.open(server, WireOptions.defaults());

            connection.send(TestBatch.of("app.values").event(TIME, record).build());

            assertEquals(List.of(ServedEvent.withEventTime("app.values", TIME, record)),
                    server.awaitEvents(1, TIMEOUT));
        }
    }

    private static Map<String, Object> everyKindOfValue() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("text", "Grüße, naïve café, 日本語, emoji 🚀");
        record.put("empty text", "");
        record.put("int", -42);
        record.put("smallest int", Integer.MIN_VALUE);
        // 2^53 - 1: the largest integer that the Node server's JavaScript numbers hold exactly
        record.put("long", 9_007_199_254_740_991L);
        record.put("negative long", -9_007_199_254_740_991L);
        record.put("double", 3.141592653589793);
        record.put("small double", -2.5e-8);
        record.put("true", true);
        record.put("false", false);
        record.put("null", null);
        record.put("bytes", new byte[] {0, 1, (byte) 0x7f, (byte) 0x80, (byte) 0xff});
        record.put("no bytes", new byte[0]);
        record.put("list", Arrays.asList("a", 1, null, List.of(2.5, false), new byte[] {9}));
        record.put("map", Map.of("inner", Map.of("deep", "value", "n", 7L), "list", List.of()));
        record.put("empty map", Map.of());
        return record;
    }

    private static List<ServedEvent> numbered(String tag, int count) {
        List<ServedEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(ServedEvent.withEventTime(tag, TIME, Map.of("n", i, "message", "event " + i)));
        }
        return events;
    }
}
