package io.forwardlog.internal.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.Compression;
import io.forwardlog.testkit.ForwardReceiver;
import io.forwardlog.testkit.Mode;
import io.forwardlog.testkit.ReceivedEvent;
import io.forwardlog.testkit.ReceivedMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link ForwardConnection}'s frames look like on a real socket, as the testkit receiver decodes
 * them: the mode, entries as bin, the option map with {@code size}, a str {@code chunk} and
 * {@code compressed}. The receiver decodes zstd with aircompressor, not the zstd-jni that sends it, and
 * reports frames that Fluent Bit could not read.
 */
class ForwardConnectionReceiverTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Instant TIME = Instant.ofEpochSecond(1_700_000_000L, 5);

    private ForwardReceiver receiver;
    private ClientHarness client;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = ForwardReceiver.start();
        client = new ClientHarness();
    }

    @AfterEach
    void stopAndCheckThatNoFrameBrokeTheProtocol() {
        client.close();
        receiver.close();
        assertEquals(List.of(), receiver.problems(), "the receiver found these frames faulty");
    }

    @Test
    void sendsPackedForwardWithBinEntriesAndNoOptionMapByDefault() throws Exception {
        send(WireOptions.defaults(), TestBatch.numbered("app", 3, TIME));

        assertEquals(new ReceivedMessage(Mode.PACKED_FORWARD, "app", 3, Map.of(), true, Optional.empty(), false, false,
                1), onlyMessage(3));
    }

    @Test
    void sendsTheSizeWhenSendOptionsIsOn() throws Exception {
        send(WireOptions.defaults().withSendOptions(true), TestBatch.numbered("app", 4, TIME));

        assertEquals(new ReceivedMessage(Mode.PACKED_FORWARD, "app", 4, Map.of("size", 4L), true, Optional.empty(),
                false, false, 1), onlyMessage(4));
    }

    @Test
    void sendsTheSizeAndAStrChunkOfSixteenRandomBytesWhenAcksAreRequired() throws Exception {
        DrivenConnection connection = client.open(receiver.host(), receiver.port(),
                WireOptions.defaults().withRequireAck(true));
        connection.send(TestBatch.numbered("app", 2, TIME));
        connection.send(TestBatch.numbered("app", 1, TIME));
        client.listener().awaitAcknowledged(2, TIMEOUT);

        List<ReceivedMessage> messages = receiver.messages();
        for (ReceivedMessage message : messages) {
            String chunk = message.chunk().orElseThrow();
            Map<String, Object> option = Map.of("size", (long) message.eventCount(), "chunk", chunk);
            assertEquals(new ReceivedMessage(Mode.PACKED_FORWARD, "app", message.eventCount(), option, true,
                    Optional.of(chunk), true, false, 1), message);
            assertEquals(16, Base64.getDecoder().decode(chunk).length, chunk);
        }
        assertEquals(List.of(2, 1), messages.stream().map(ReceivedMessage::eventCount).toList());
        assertNotEquals(messages.get(0).chunk(), messages.get(1).chunk());
    }

    @Test
    void sendsCompressedPackedForwardWithTheSizeWhenGzipIsOn() throws Exception {
        send(WireOptions.defaults().withCompression(Compression.GZIP), TestBatch.numbered("app", 50, TIME));

        assertEquals(new ReceivedMessage(Mode.COMPRESSED_PACKED_FORWARD, "app", 50,
                Map.of("size", 50L, "compressed", "gzip"), true, Optional.empty(), false, true, 1), onlyMessage(50));
    }

    @Test
    void sendsTheSizeTheChunkAndTheCompressionWhenGzipAndAcksAreOn() throws Exception {
        DrivenConnection connection = client.open(receiver.host(), receiver.port(),
                WireOptions.defaults().withCompression(Compression.GZIP).withRequireAck(true));
        connection.send(TestBatch.numbered("app", 7, TIME));
        client.listener().awaitAcknowledged(1, TIMEOUT);

        ReceivedMessage message = onlyMessage(7);
        String chunk = message.chunk().orElseThrow();
        assertEquals(new ReceivedMessage(Mode.COMPRESSED_PACKED_FORWARD, "app", 7,
                Map.of("size", 7L, "chunk", chunk, "compressed", "gzip"), true, Optional.of(chunk), true, true, 1),
                message);
    }

    @Test
    void sendsAZstdBatchOfSeveralFramesThatArrivesRecordForRecordAndIsAcked() throws Exception {
        TestBatch batch = TestBatch.numbered("app", 8000, TIME);
        assertTrue(batch.entriesLength() > 3 * EntryCompressor.FRAME_BYTES, "several zstd frames");
        var connection = client.open(receiver.host(), receiver.port(),
                WireOptions.defaults().withCompression(Compression.ZSTD).withRequireAck(true));
        connection.send(batch);
        client.listener().awaitAcknowledged(1, TIMEOUT);

        ReceivedMessage message = onlyMessage(8000);
        String chunk = message.chunk().orElseThrow();
        assertEquals(new ReceivedMessage(Mode.COMPRESSED_PACKED_FORWARD, "app", 8000,
                Map.of("size", 8000L, "chunk", chunk, "compressed", "zstd"), true, Optional.of(chunk), true, true, 1),
                message);
        List<ReceivedEvent> events = receiver.events();
        for (int i = 0; i < 8000; i++) {
            assertEquals(Map.of("n", (long) i, "message", "event " + i), events.get(i).record());
            assertEquals(TIME, events.get(i).instant());
        }
    }

    @Test
    void sendsABatchHoldingAnEventLargerThanFluentBitsBufferAsPackedForwardEvenWithZstd() throws Exception {
        TestBatch batch = TestBatch.of("app").event(TIME, Map.of("n", 1))
                .event(TIME, Map.of("big", "x".repeat(EntryCompressor.LARGEST_COMPRESSED_ENTRY))).build();
        send(WireOptions.defaults().withCompression(Compression.ZSTD), batch);

        assertEquals(new ReceivedMessage(Mode.PACKED_FORWARD, "app", 2, Map.of(), true, Optional.empty(), false, false,
                1), onlyMessage(2));
        assertEquals(EntryCompressor.LARGEST_COMPRESSED_ENTRY,
                ((String) receiver.events().get(1).record().get("big")).length());
    }

    @Test
    void sendsAHeartbeatPingAsAnEmptyForwardFrameWithAStrChunk() throws Exception {
        DrivenConnection connection = client.open(receiver.host(), receiver.port(), WireOptions.defaults());
        connection.ping("forwardlog.heartbeat");
        client.listener().awaitAcknowledged(1, TIMEOUT);

        ReceivedMessage message = receiver.messages().get(0);
        String chunk = message.chunk().orElseThrow();
        assertEquals(new ReceivedMessage(Mode.FORWARD, "forwardlog.heartbeat", 0, Map.of("chunk", chunk), false,
                Optional.of(chunk), true, false, 1), message);
        assertEquals(List.of(), receiver.events());
    }

    @Test
    void replacesTheTagOfEveryBatchWithTheNodesTag() throws Exception {
        send(WireOptions.defaults().withTag(Optional.of("node.tag")), TestBatch.numbered("app", 2, TIME));

        assertEquals(List.of("node.tag", "node.tag"),
                receiver.awaitEvents(2, TIMEOUT).stream().map(ReceivedEvent::tag).toList());
        assertEquals("node.tag", onlyMessage(2).tag());
    }

    private void send(WireOptions options, TestBatch batch) throws DeliveryException {
        client.open(receiver.host(), receiver.port(), options).send(batch);
    }

    /** The one frame received, once its {@code events} events have arrived. */
    private ReceivedMessage onlyMessage(int events) {
        receiver.awaitEvents(events, TIMEOUT);
        List<ReceivedMessage> messages = receiver.messages();
        assertEquals(1, messages.size(), messages::toString);
        return messages.get(0);
    }
}
