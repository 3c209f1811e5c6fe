package io.forwardlog.benchmarks.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

class PackedScannerTest {

    /** Entries whose records carry every kind of msgpack value around the message, in varying order. */
    static byte[] entries(long... ids) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MessagePacker p = MessagePack.newDefaultPacker(bytes)) {
            for (int i = 0; i < ids.length; i++) {
                p.packArrayHeader(2);
                if (i % 2 == 0) {
                    WireClient.packEventTime(p, 1_767_225_600L, i);
                } else {
                    p.packLong(1_767_225_600L);
                }
                p.packMapHeader(9);
                p.packString("n").packInt(i * 100_000);
                p.packString("big").packLong(Long.MIN_VALUE);
                p.packString("f").packDouble(1.5).packString("nil").packNil();
                if (i % 3 == 0) {
                    p.packString("message").packString("order " + ids[i] + " processed in 7 ms");
                }
                p.packString("bin").packBinaryHeader(300).writePayload(new byte[300]);
                p.packString("nested").packMapHeader(1).packString("list").packArrayHeader(3)
                        .packBoolean(true).packString("x".repeat(40)).packExtensionTypeHeader((byte) 1, 3)
                        .writePayload(new byte[3]);
                p.packString("long text").packString("y".repeat(70_000));
                if (i % 3 != 0) {
                    p.packString("message").packString("order " + ids[i] + " processed in 7 ms");
                }
                p.packString("after").packString("the message");
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void countsEntriesAndReadsTheIdOfEachMessageWhereverItStands() throws IOException {
        EventIds ids = new EventIds(4);
        EventIds.Tally tally = ids.tally();
        byte[] bytes = entries(3, 1, 0, 2, 2);

        assertEquals(5, new PackedScanner(tally).scan(bytes, bytes.length));
        tally.handOver();
        assertEquals(new EventIds.Summary(4, 4, 1, 0, 0, 0, ids.summary().completedAtNanos()), ids.summary());
    }

    @Test
    void talliesARecordWithoutAMessageOrThatIsNoMapAsHavingNoId() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MessagePacker p = MessagePack.newDefaultPacker(bytes)) {
            p.packArrayHeader(2).packLong(1).packMapHeader(1).packString("msg").packString("order 0 processed");
            p.packArrayHeader(2).packLong(1).packString("order 0 processed");
            p.packArrayHeader(2).packLong(1).packMapHeader(1).packString("message").packInt(0);
        }
        EventIds ids = new EventIds(1);
        EventIds.Tally tally = ids.tally();

        assertEquals(3, new PackedScanner(tally).scan(bytes.toByteArray(), bytes.size()));
        tally.handOver();
        assertEquals(3, ids.summary().unreadable());
    }

    @Test
    void refusesEntriesThatAreNotPairsOrEndInsideAValue() throws IOException {
        byte[] bytes = entries(0);
        PackedScanner scanner = new PackedScanner(new EventIds(1).tally());

        SinkProtocolException cut = assertThrows(SinkProtocolException.class,
                () -> scanner.scan(Arrays.copyOf(bytes, bytes.length - 5), bytes.length - 5));
        assertEquals("entry 1 ends 5 bytes after its frame", cut.getMessage());
        byte[] triple = bytes.clone();
        triple[0] = (byte) 0x93;
        assertEquals("entry 1 is not a [time, record] array",
                assertThrows(SinkProtocolException.class, () -> scanner.scan(triple, triple.length)).getMessage());
    }
}
