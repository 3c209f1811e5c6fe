package io.forwardlog.benchmarks.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessagePacker;

class CountingSinkTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void countsTheEntriesOfPackedForwardFramesSentAsBin() throws Exception {
        try (CountingSink sink = CountingSink.start(Duration.ZERO); WireClient client = new WireClient(sink)) {
            byte[] entries = WireClient.entries(3);
            MessagePacker p = client.packer();
            p.packArrayHeader(2).packString("app").packBinaryHeader(entries.length).writePayload(entries);
            p.packArrayHeader(2).packString("app").packBinaryHeader(entries.length).writePayload(entries);
            client.flush();

            assertTrue(sink.awaitEvents(6, TIMEOUT), sink.toString());
            assertEquals(6, sink.events());
            assertEquals(2, sink.frames());
            assertEquals(List.of(), sink.problems());
        }
    }

    @Test
    void countsEntriesSentAsStrAndIgnoresASizeOptionThatIsAByteCountAsFluencySendsIt() throws Exception {
        try (CountingSink sink = CountingSink.start(Duration.ZERO); WireClient client = new WireClient(sink)) {
            byte[] entries = WireClient.entries(4);
            MessagePacker p = client.packer();
            p.packArrayHeader(3).packString("app").packRawStringHeader(entries.length).writePayload(entries);
            p.packMapHeader(1).packString("size").packInt(entries.length);
            client.flush();

            assertTrue(sink.awaitEvents(4, TIMEOUT), sink.toString());
            assertEquals(4, sink.events());
            assertEquals(List.of(), sink.problems());
        }
    }

    @Test
    void countsForwardModeEntriesAndAnEmptyForwardFrameAsNoEvent() throws Exception {
        try (CountingSink sink = CountingSink.start(Duration.ZERO); WireClient client = new WireClient(sink)) {
            MessagePacker p = client.packer();
            p.packArrayHeader(3).packString("app").packArrayHeader(0).packMapHeader(1).packString("chunk").packString("ping");
            p.packArrayHeader(2).packString("app").packArrayHeader(2);
            for (int i = 0; i < 2; i++) {
                p.packArrayHeader(2).packLong(1_767_225_600L).packMapHeader(1).packString("n").packInt(i);
            }
            client.flush();

            assertEquals("{\"ack\":\"ping\"}", client.readAnswer());
            assertTrue(sink.awaitEvents(2, TIMEOUT), sink.toString());
            assertEquals(2, sink.events());
            assertEquals(2, sink.frames());
        }
    }

    @Test
    void countsAMessageModeFrameAsOneEventWithIntegerOrEventTime() throws Exception {
        try (CountingSink sink = CountingSink.start(Duration.ZERO); WireClient client = new WireClient(sink)) {
            MessagePacker p = client.packer();
            p.packArrayHeader(3).packString("app").packLong(1_767_225_600L).packMapHeader(1).packString("a").packString("b");
            p.packArrayHeader(4).packString("app");
            WireClient.packEventTime(p, 1_767_225_600L, 5);
            p.packMapHeader(0).packMapHeader(1).packString("chunk").packString("m-1");
            client.flush();

            assertEquals("{\"ack\":\"m-1\"}", client.readAnswer());
            assertTrue(sink.awaitEvents(2, TIMEOUT), sink.toString());
            assertEquals(2, sink.events());
        }
    }

    @Test
    void countsTheEntriesOfACompressedFrameMadeOfSeveralGzipMembers() throws Exception {
        try (CountingSink sink = CountingSink.start(Duration.ZERO); WireClient client = new WireClient(sink)) {
            ByteArrayOutputStream members = new ByteArrayOutputStream();
            members.write(WireClient.gzip(WireClient.entries(5)));
            members.write(WireClient.gzip(WireClient.entries(7)));
            byte[] payload = members.toByteArray();
            MessagePacker p = client.packer();
            p.packArrayHeader(3).packString("app").packBinaryHeader(payload.length).writePayload(payload);
            p.packMapHeader(2).packString("compressed").packString("gzip").packString("size").packInt(12);
            client.flush();

            assertTrue(sink.awaitEvents(12, TIMEOUT), sink.toString());
            assertEquals(12, sink.events());
            assertEquals(List.of(), sink.problems());
        }
    }

    @Test
    void countsTheEntriesOfACompressedFrameMadeOfSeveralZstdFrames() throws Exception {
        try (CountingSink sink = CountingSink.start(Duration.ZERO); WireClient client = new WireClient(sink)) {
            ByteArrayOutputStream frames = new ByteArrayOutputStream();
            frames.write(com.github.luben.zstd.Zstd.compress(WireClient.entries(5)));
            frames.write(com.github.luben.zstd.Zstd.compress(WireClient.entries(7)));
            byte[] payload = frames.toByteArray();
            MessagePacker p = client.packer();
            p.packArrayHeader(3).packString("app").packBinaryHeader(payload.length).writePayload(payload);
            p.packMapHeader(2).packString("compressed").packString("zstd").packString("size").packInt(12);
            client.flush();

            assertTrue(sink.awaitEvents(12, TIMEOUT), sink.toString());
            assertEquals(12, sink.events());
            assertEquals(List.of(), sink.problems());
        }
    }

    @Test
    void answersOnlyTheFramesThatCarryAChunkWithTheSameChunk() throws Exception {
        try (CountingSink sink = CountingSink.start(Duration.ZERO); WireClient client = new WireClient(sink)) {
            byte[] entries = WireClient.entries(1);
            MessagePacker p = client.packer();
            p.packArrayHeader(2).packString("app").packBinaryHeader(entries.length).writePayload(entries);
            p.packArrayHeader(3).packString("app").packBinaryHeader(entries.length).writePayload(entries);
            p.packMapHeader(2).packString("size").packInt(1).packString("chunk").packString("Y2h1bmstMg==");
            client.flush();

            assertEquals("{\"ack\":\"Y2h1bmstMg==\"}", client.readAnswer());
            assertEquals(1, sink.acks());
        }
    }

    @Test
    void sendsEachAckAfterTheDelayWhileItGoesOnReading() throws Exception {
        Duration delay = Duration.ofSeconds(1);
        try (CountingSink sink = CountingSink.start(delay); WireClient client = new WireClient(sink)) {
            byte[] entries = WireClient.entries(1);
            MessagePacker p = client.packer();
            long sent = System.nanoTime();
            p.packArrayHeader(3).packString("app").packBinaryHeader(entries.length).writePayload(entries);
            p.packMapHeader(1).packString("chunk").packString("late");
            p.packArrayHeader(2).packString("app").packBinaryHeader(entries.length).writePayload(entries);
            client.flush();

            assertTrue(sink.awaitEvents(2, TIMEOUT), "the second frame is read before the first one's ack is due");
            assertEquals(0, sink.acks(), "no ack before its delay");
            assertEquals("{\"ack\":\"late\"}", client.readAnswer());
            long waited = System.nanoTime() - sent;
            assertTrue(waited >= delay.toNanos(), "the ack came after " + waited / 1_000_000 + " ms");
        }
    }

    @Test
    void recordsAFrameThatIsNotAnArrayAndStopsWaiting() throws Exception {
        try (CountingSink sink = CountingSink.start(Duration.ZERO); WireClient client = new WireClient(sink)) {
            client.packer().packMapHeader(1).packString("hello").packString("world");
            client.flush();

            assertFalse(sink.awaitEvents(1, TIMEOUT));
            assertEquals(List.of("counting-sink-" + sink.port() + "-conn-1: a frame is not an array but MAP"),
                    sink.problems());
        }
    }

    @Test
    void recordsPackedEntriesThatAreNotTimeRecordPairs() throws Exception {
        try (CountingSink sink = CountingSink.start(Duration.ZERO); WireClient client = new WireClient(sink)) {
            byte[] entries = WireClient.entries(1);
            byte[] broken = new byte[entries.length + 1];
            System.arraycopy(entries, 0, broken, 0, entries.length);
            broken[entries.length] = 0x2a; // positive fixint 42
            client.packer().packArrayHeader(2).packString("app").packBinaryHeader(broken.length).writePayload(broken);
            client.flush();

            assertFalse(sink.awaitEvents(1, TIMEOUT));
            assertEquals(List.of("counting-sink-" + sink.port() + "-conn-1: entry 2 is not a [time, record] array but INTEGER"),
                    sink.problems());
        }
    }

    @Test
    void recordsACompressionItCannotRead() throws Exception {
        try (CountingSink sink = CountingSink.start(Duration.ZERO); WireClient client = new WireClient(sink)) {
            byte[] entries = WireClient.entries(1);
            MessagePacker p = client.packer();
            p.packArrayHeader(3).packString("app").packBinaryHeader(entries.length).writePayload(entries);
            p.packMapHeader(1).packString("compressed").packString("lz4");
            client.flush();

            assertFalse(sink.awaitEvents(1, TIMEOUT));
            assertEquals(List.of("counting-sink-" + sink.port() + "-conn-1: compressed is 'lz4'; the sink reads gzip and zstd"),
                    sink.problems());
        }
    }

    @Test
    void countsOverSeveralConnectionsAtOnce() throws Exception {
        try (CountingSink sink = CountingSink.start(Duration.ZERO);
             WireClient first = new WireClient(sink);
             WireClient second = new WireClient(sink)) {
            byte[] entries = WireClient.entries(10);
            for (WireClient client : List.of(first, second)) {
                client.packer().packArrayHeader(2).packString("app").packBinaryHeader(entries.length).writePayload(entries);
                client.flush();
            }

            assertTrue(sink.awaitEvents(20, TIMEOUT), sink.toString());
            assertEquals(20, sink.events());
        }
    }

    @Test
    void rejectsANegativeAckDelay() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CountingSink.start(Duration.ofMillis(-1)));
        assertEquals("ackDelay must not be negative, was PT-0.001S", e.getMessage());
    }

    @Test
    void awaitingGivesUpAtTheTimeoutWhenTooFewEventsArrive() throws IOException, InterruptedException {
        try (CountingSink sink = CountingSink.start(Duration.ZERO)) {
            long start = System.nanoTime();
            assertFalse(sink.awaitEvents(1, Duration.ofMillis(50)));
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(50).toNanos());
        }
    }

    @Test
    void aSinkThatStoppedReadingReadsWhatCameMeanwhileOnceItReadsAgain() throws Exception {
        try (CountingSink sink = CountingSink.start(Duration.ZERO); WireClient client = new WireClient(sink)) {
            sink.stopReading(true);
            byte[] entries = WireClient.entries(3);
            client.packer().packArrayHeader(2).packString("app").packBinaryHeader(entries.length).writePayload(entries);
            client.flush();

            sink.stopReading(false);

            assertTrue(sink.awaitEvents(3, TIMEOUT), sink.toString());
            assertEquals(3, sink.events());
        }
    }

    @Test
    void aSinkStartedOnThePortOfAClosedOneTakesTheNewConnections() throws Exception {
        int port;
        try (CountingSink first = CountingSink.start(Duration.ZERO)) {
            port = first.port();
        }
        try (CountingSink again = CountingSink.start(Duration.ZERO, port); WireClient client = new WireClient(again)) {
            byte[] entries = WireClient.entries(2);
            client.packer().packArrayHeader(2).packString("app").packBinaryHeader(entries.length).writePayload(entries);
            client.flush();

            assertEquals(port, again.port());
            assertTrue(again.awaitEvents(2, TIMEOUT), again.toString());
        }
    }

    @Test
    void checksTheIdOfEveryEventInPlainAndGzipFramesAndFindsOneSentTwice() throws Exception {
        EventIds ids = new EventIds(6);
        CountingSink sink = CountingSink.start(Duration.ZERO, ids);
        try (sink; WireClient client = new WireClient(sink)) {
            byte[] plain = PackedScannerTest.entries(0, 1, 2);
            byte[] gzip = WireClient.gzip(PackedScannerTest.entries(3, 4, 5, 1));
            MessagePacker p = client.packer();
            p.packArrayHeader(2).packString("app").packBinaryHeader(plain.length).writePayload(plain);
            p.packArrayHeader(3).packString("app").packBinaryHeader(gzip.length).writePayload(gzip)
                    .packMapHeader(1).packString("compressed").packString("gzip");
            client.flush();

            assertTrue(ids.awaitAll(System.nanoTime() + TIMEOUT.toNanos()), ids.summary().toString());
        }
        // closing waits for the readers: the duplicate, counted with the same frame, is in
        EventIds.Summary summary = ids.summary();
        assertEquals(6, summary.distinct());
        assertEquals(1, summary.duplicates());
        assertEquals("1 twice", summary.problems());
        assertEquals(7, sink.events());
        assertEquals(List.of(), sink.problems());
    }

    @Test
    void checksTheIdsOfForwardAndMessageModeFrames() throws Exception {
        EventIds ids = new EventIds(2);
        CountingSink sink = CountingSink.start(Duration.ZERO, ids);
        try (sink; WireClient client = new WireClient(sink)) {
            MessagePacker p = client.packer();
            p.packArrayHeader(2).packString("app").packArrayHeader(1).packArrayHeader(2).packLong(1)
                    .packMapHeader(1).packString("message").packString("order 0 processed in 1 ms");
            p.packArrayHeader(3).packString("app").packLong(1).packMapHeader(2).packString("level").packString("INFO")
                    .packString("message").packString("order 1 processed in 1 ms");
            client.flush();

            assertTrue(ids.awaitAll(System.nanoTime() + TIMEOUT.toNanos()), ids.summary().toString());
        }
        assertTrue(ids.summary().exactlyOnce(), ids.summary().problems());
        assertEquals(2, sink.events());
    }
}
