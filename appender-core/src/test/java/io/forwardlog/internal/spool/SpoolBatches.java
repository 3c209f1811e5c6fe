package io.forwardlog.internal.spool;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.util.Arrays;

/** Writing and checking batches of text entries in the spool tests. */
final class SpoolBatches {

    /** Limits no batch of the spool tests comes near, for tests about something else. */
    static final BatchLimits LIMITS = BatchLimits.of(1024 * 1024, 64 * 1024 * 1024);

    private SpoolBatches() {
    }

    /** Writes {@code content} from a larger array, so only {@code [0, length)} may reach the file. */
    static boolean write(Spool spool, String tag, String content, int events) throws IOException {
        byte[] bytes = content.getBytes(UTF_8);
        byte[] withJunkAfter = Arrays.copyOf(bytes, bytes.length + 7);
        Arrays.fill(withJunkAfter, bytes.length, withJunkAfter.length, (byte) 0x5A);
        return spool.write(tag, withJunkAfter, bytes.length, events);
    }

    static void assertBatch(String tag, String content, int events, SpooledBatch batch) {
        assertNotNull(batch, "expected a batch of tag " + tag + " but the spool had none");
        assertEquals(tag, batch.tag());
        assertArrayEquals(content.getBytes(UTF_8), batch.entries());
        assertEquals(events, batch.eventCount());
    }
}
