package io.forwardlog.internal.spool;

import static io.forwardlog.internal.spool.SpoolBatches.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool never holds more bytes of batch files than its capacity. */
class SpoolCapacityTest {

    @TempDir
    Path temp;

    private Path dir() {
        return temp.resolve("spool");
    }

    private Spool open(long capacity) throws SpoolException {
        return Spool.open(dir(), capacity, SpoolBatches.LIMITS, warning -> { });
    }

    private long batchFiles() throws IOException {
        try (Stream<Path> list = Files.list(dir())) {
            return list.filter(p -> p.getFileName().toString().endsWith(".fwspool")).count();
        }
    }

    /** The bytes one batch takes on disk, measured in a spool of its own. */
    private long sizeOfOneBatch(String tag, String content) throws Exception {
        try (Spool spool = Spool.open(temp.resolve("probe"), 1024 * 1024, SpoolBatches.LIMITS, warning -> { })) {
            write(spool, tag, content, 1);
            return spool.sizeBytes();
        }
    }

    @Test
    void acceptsBatchesThatFillTheCapacityExactlyAndRefusesOneMore() throws Exception {
        long oneFile = sizeOfOneBatch("t", "0123456789");
        try (Spool spool = open(2 * oneFile)) {
            assertTrue(write(spool, "t", "0123456789", 1));
            assertTrue(write(spool, "t", "0123456789", 1));

            assertFalse(write(spool, "t", "0", 1));
            assertEquals(2 * oneFile, spool.sizeBytes());
            assertEquals(2, spool.pendingFiles());
        }
        assertEquals(2, batchFiles());
    }

    @Test
    void refusesABatchThatWouldExceedTheCapacityByOneByte() throws Exception {
        long oneFile = sizeOfOneBatch("t", "0123456789");
        try (Spool spool = open(2 * oneFile - 1)) {
            assertTrue(write(spool, "t", "0123456789", 1));

            assertFalse(write(spool, "t", "0123456789", 1));
            assertEquals(oneFile, spool.sizeBytes());
        }
        assertEquals(1, batchFiles());
    }

    @Test
    void makesRoomAgainWhenADeliveredBatchIsDeleted() throws Exception {
        long oneFile = sizeOfOneBatch("t", "0123456789");
        try (Spool spool = open(oneFile)) {
            write(spool, "t", "0123456789", 1);
            SpooledBatch handedOut = spool.poll();
            assertFalse(write(spool, "t", "0123456789", 1), "a handed-out file still takes its room");

            handedOut.delete();

            assertTrue(write(spool, "t", "0123456789", 1));
        }
    }

    @Test
    void refusesWritesWhileFilesFromBeforeARestartTakeMoreThanALowerCapacity() throws Exception {
        long oneFile = sizeOfOneBatch("t", "0123456789");
        try (Spool spool = open(3 * oneFile)) {
            write(spool, "t", "0123456789", 1);
            write(spool, "t", "0123456789", 1);
        }
        try (Spool spool = open(oneFile)) {
            assertFalse(write(spool, "t", "0123456789", 1));
            spool.poll().delete();
            assertFalse(write(spool, "t", "0123456789", 1));
            spool.poll().delete();

            assertTrue(write(spool, "t", "0123456789", 1));
        }
    }
}
