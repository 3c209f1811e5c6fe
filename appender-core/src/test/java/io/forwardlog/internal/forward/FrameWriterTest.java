package io.forwardlog.internal.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.Compression;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

class FrameWriterTest {

    private static final Instant TIME = Instant.ofEpochSecond(1_700_000_000L, 123_456_789);

    @Test
    void writesPackedForwardWithEntriesAsBinAndNoOptionsByDefault() throws IOException {
        TestBatch batch = TestBatch.numbered("app.test", 3, TIME);

        MessageUnpacker frame = write(batch, WireOptions.defaults(), null);

        assertEquals(2, frame.unpackArrayHeader());
        assertEquals("app.test", frame.unpackString());
        assertEquals(MessageFormat.BIN8, frame.getNextFormat());
        byte[] entries = frame.readPayload(frame.unpackBinaryHeader());
        assertArrayEquals(batch.entries(), entries);
        assertFalse(frame.hasNext());
    }

    @Test
    void addsSizeWhenSendOptionsIsOn() throws IOException {
        MessageUnpacker frame = write(TestBatch.numbered("t", 5, TIME), WireOptions.defaults().withSendOptions(true), null);

        assertEquals(3, frame.unpackArrayHeader());
        frame.skipValue();
        frame.skipValue();
        assertEquals(Map.of("size", "5"), options(frame));
    }

    @Test
    void addsSizeAndTheChunkIdAsStrWhenAnAckIsWanted() throws IOException {
        MessageUnpacker frame = write(TestBatch.numbered("t", 2, TIME), WireOptions.defaults(), "Y2h1bmstaWQ=");

        assertEquals(3, frame.unpackArrayHeader());
        frame.skipValue();
        frame.skipValue();
        assertEquals(1 + 1, frame.unpackMapHeader());
        assertEquals("size", frame.unpackString());
        assertEquals(2, frame.unpackInt());
        assertEquals("chunk", frame.unpackString());
        assertEquals(ValueType.STRING, frame.getNextFormat().getValueType(), "chunk must be str, not bin");
        assertEquals("Y2h1bmstaWQ=", frame.unpackString());
    }

    @Test
    void gzipsTheEntriesAndSaysSoInTheOptions() throws IOException {
        TestBatch batch = TestBatch.numbered("t", 50, TIME);

        MessageUnpacker frame = write(batch, WireOptions.defaults().withCompression(Compression.GZIP), null);

        assertEquals(3, frame.unpackArrayHeader());
        assertEquals("t", frame.unpackString());
        byte[] compressed = frame.readPayload(frame.unpackBinaryHeader());
        assertEquals(Map.of("size", "50", "compressed", "gzip"), options(frame));
        assertArrayEquals(batch.entries(), new GZIPInputStream(new ByteArrayInputStream(compressed)).readAllBytes());
    }

    @Test
    void rewritesEventTimeToIntegerSecondsWhenTheNodeWantsIntegers() throws IOException {
        TestBatch batch = TestBatch.of("t").event(TIME, Map.of("k", "v")).event(TIME.plusSeconds(1), Map.of("k", "w")).build();

        MessageUnpacker frame = write(batch, WireOptions.defaults().withTimeAsInteger(true), null);

        frame.unpackArrayHeader();
        frame.skipValue();
        MessageUnpacker entries = MessagePack.newDefaultUnpacker(frame.readPayload(frame.unpackBinaryHeader()));
        assertEquals(2, entries.unpackArrayHeader());
        assertEquals(TIME.getEpochSecond(), entries.unpackLong());
        assertEquals("{\"k\":\"v\"}", entries.unpackValue().toJson());
        assertEquals(2, entries.unpackArrayHeader());
        assertEquals(TIME.getEpochSecond() + 1, entries.unpackLong());
        assertEquals("{\"k\":\"w\"}", entries.unpackValue().toJson());
        assertFalse(entries.hasNext());
    }

    @Test
    void packsEventTimeAsFixext8WithSecondsAndNanosBigEndian() throws IOException {
        TestBatch batch = TestBatch.of("t").event(TIME, Map.of()).build();

        byte[] e = batch.entries();
        // [0x92, 0xd7, 0x00, seconds(4), nanos(4), 0x80]
        assertEquals((byte) 0x92, e[0]);
        assertEquals((byte) 0xd7, e[1]);
        assertEquals(0, e[2]);
        assertEquals(1_700_000_000L, ((e[3] & 0xffL) << 24) | ((e[4] & 0xff) << 16) | ((e[5] & 0xff) << 8) | (e[6] & 0xff));
        assertEquals(123_456_789, ((e[7] & 0xff) << 24) | ((e[8] & 0xff) << 16) | ((e[9] & 0xff) << 8) | (e[10] & 0xff));
        assertEquals((byte) 0x80, e[11]);
    }

    @Test
    void replacesTheTagWithTheNodesTag() throws IOException {
        MessageUnpacker frame = write(TestBatch.numbered("app", 1, TIME),
                WireOptions.defaults().withTag(Optional.of("node.tag")), null);

        frame.unpackArrayHeader();
        assertEquals("node.tag", frame.unpackString());
    }

    @Test
    void writesManyFramesBackToBackOnOneStream() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameWriter writer = new FrameWriter(WireOptions.defaults());
        for (int i = 0; i < 3; i++) {
            gather(writer.write(TestBatch.numbered("t" + i, 1, TIME), null), out);
        }

        MessageUnpacker frames = MessagePack.newDefaultUnpacker(out.toByteArray());
        for (int i = 0; i < 3; i++) {
            assertEquals(2, frames.unpackArrayHeader());
            assertEquals("t" + i, frames.unpackString());
            frames.skipValue();
        }
        assertFalse(frames.hasNext());
    }

    @Test
    void chunkIdsAreBase64OfSixteenBytesAndDiffer() {
        String a = ChunkIds.next();
        String b = ChunkIds.next();

        assertEquals(16, java.util.Base64.getDecoder().decode(a).length);
        assertTrue(!a.equals(b));
    }

    private static MessageUnpacker write(TestBatch batch, WireOptions options, String chunkId) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        gather(new FrameWriter(options).write(batch, chunkId), out);
        return MessagePack.newDefaultUnpacker(out.toByteArray());
    }

    /** What a gathering write of {@code frame} puts on the wire. */
    private static void gather(java.nio.ByteBuffer[] frame, ByteArrayOutputStream out) {
        for (java.nio.ByteBuffer part : frame) {
            byte[] bytes = new byte[part.remaining()];
            part.duplicate().get(bytes);
            out.write(bytes, 0, bytes.length);
        }
    }

    private static Map<String, String> options(MessageUnpacker frame) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        int n = frame.unpackMapHeader();
        for (int i = 0; i < n; i++) {
            options.put(frame.unpackString(), frame.unpackValue().toString());
        }
        return options;
    }
}
