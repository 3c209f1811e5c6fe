package io.forwardlog.internal.spool;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spool file is read only as far as its header and the buffer's limits allow, never whole first. */
class SpoolBoundsTest {

    private static final int CHUNK_SIZE = 4096;
    private static final int BUFFER_CAPACITY = 64 * 1024;
    private static final long MEBIBYTE = 1024 * 1024;
    private static final long SPARSE_BYTES = 1536 * MEBIBYTE;
    private static final String OLDEST = "00000000000000000001-0000000001-2000.fwspool";

    @TempDir
    Path dir;

    private final List<String> warnings = new CopyOnWriteArrayList<>();

    private Spool open(BatchLimits limits) throws SpoolException {
        return Spool.open(dir, 4 * 1024 * MEBIBYTE, limits, warnings::add, () -> 1000L);
    }

    private Spool open() throws SpoolException {
        return open(BatchLimits.of(CHUNK_SIZE, BUFFER_CAPACITY));
    }

    /** A file of {@code size} bytes that costs no disk: a header with these lengths, then zeros. */
    private void sparseFile(String name, long size, int tagLength, int eventCount, long entriesLength)
            throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(dir.resolve(name).toFile(), "rw")) {
            file.setLength(size);
            file.write(ByteBuffer.allocate(SpoolFileFormat.HEADER_BYTES).putInt(SpoolFileFormat.MAGIC)
                    .put(SpoolFileFormat.VERSION).putInt(tagLength).putInt(eventCount).putInt((int) entriesLength)
                    .array());
        }
    }

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /** Polls once and checks that it allocated less than a mebibyte, whatever the file said. */
    private static SpooledBatch pollWithinAMebibyte(Spool spool) {
        long before = allocatedByThisThread();
        SpooledBatch batch = spool.poll();
        long allocated = allocatedByThisThread() - before;
        assertTrue(allocated < MEBIBYTE, "reading allocated " + allocated + " bytes");
        return batch;
    }

    private String movedToCorrupt(String name, String why) {
        return "spool file '" + name + "' is corrupt (" + why + "); moved to " + dir + "/corrupt/";
    }

    private static String bytesOf(int length) {
        return "x".repeat(length);
    }

    @Test
    void quarantinesASparseFileOfOneAndAHalfGigabytesFromItsHeaderWithoutReadingItAndReturnsTheNextBatch()
            throws Exception {
        long entries = SPARSE_BYTES - SpoolFileFormat.fileSize(3, 0);
        sparseFile(OLDEST, SPARSE_BYTES, 3, 2000, entries);
        try (Spool spool = open()) {
            SpoolBatches.write(spool, "app", "the next batch", 3);

            SpooledBatch next = pollWithinAMebibyte(spool);

            SpoolBatches.assertBatch("app", "the next batch", 3, next);
            assertEquals(List.of(movedToCorrupt(OLDEST, "2000 events in " + entries
                    + " bytes, more than chunkSize (4096 bytes) allows")), warnings);
            assertTrue(Files.exists(dir.resolve("corrupt").resolve(OLDEST)));
        }
    }

    @Test
    void quarantinesASparseFileWithoutAHeaderAfterReadingOnlyTheHeader() throws Exception {
        try (RandomAccessFile file = new RandomAccessFile(dir.resolve(OLDEST).toFile(), "rw")) {
            file.setLength(SPARSE_BYTES);
        }
        try (Spool spool = open()) {
            assertNull(pollWithinAMebibyte(spool));

            assertEquals(List.of(movedToCorrupt(OLDEST, "not a forwardlog spool file")), warnings);
        }
    }

    @Test
    void quarantinesAFileWhoseHeaderClaimsMoreThanTheFileHolds() throws Exception {
        sparseFile(OLDEST, 1024, 3, 2000, Integer.MAX_VALUE - 100);
        try (Spool spool = open()) {
            assertNull(pollWithinAMebibyte(spool));

            assertEquals(List.of(movedToCorrupt(OLDEST, "truncated: 1024 of "
                    + SpoolFileFormat.fileSize(3, Integer.MAX_VALUE - 100) + " bytes")), warnings);
        }
    }

    @Test
    void quarantinesASingleEventLargerThanTheBufferCouldHold() throws Exception {
        String name = "00000000000000000001-0000000001-1.fwspool";
        long entries = 100 * MEBIBYTE;
        sparseFile(name, SpoolFileFormat.fileSize(3, (int) entries), 3, 1, entries);
        try (Spool spool = open()) {
            assertNull(pollWithinAMebibyte(spool));

            assertEquals(List.of(movedToCorrupt(name, "1 event of " + entries
                    + " bytes, more than bufferCapacity (65536 bytes) allows")), warnings);
        }
    }

    @Test
    void quarantinesATagLargerThanTheBufferCouldHold() throws Exception {
        int tag = 100 * (int) MEBIBYTE;
        sparseFile(OLDEST, SpoolFileFormat.fileSize(tag, 10), tag, 2000, 10);
        try (Spool spool = open()) {
            assertNull(pollWithinAMebibyte(spool));

            assertEquals(List.of(movedToCorrupt(OLDEST, "a tag of " + tag
                    + " bytes, more than bufferCapacity (65536 bytes) allows")), warnings);
        }
    }

    @Test
    void quarantinesBatchesWrittenWithALargerChunkSizeSayingSo() throws Exception {
        try (Spool larger = open(BatchLimits.of(2 * CHUNK_SIZE, BUFFER_CAPACITY))) {
            SpoolBatches.write(larger, "app", bytesOf(CHUNK_SIZE + 1), 2);
            SpoolBatches.write(larger, "app", bytesOf(CHUNK_SIZE), 2);
        }
        try (Spool spool = open()) {
            SpoolBatches.assertBatch("app", bytesOf(CHUNK_SIZE), 2, spool.poll());

            assertEquals(List.of(movedToCorrupt("00000000000000001000-0000000001-2.fwspool",
                    "2 events in 4097 bytes, more than chunkSize (4096 bytes) allows")), warnings);
        }
    }

    @Test
    void keepsASingleEventLargerThanChunkSizeAsTheBufferDoes() throws Exception {
        try (Spool spool = open()) {
            SpoolBatches.write(spool, "app", bytesOf(BUFFER_CAPACITY), 1);

            SpoolBatches.assertBatch("app", bytesOf(BUFFER_CAPACITY), 1, spool.poll());
            assertEquals(List.of(), warnings);
        }
    }

    @Test
    void refusesToWriteABatchItWouldNotReadBack() throws Exception {
        try (Spool spool = open()) {
            byte[] entries = bytesOf(CHUNK_SIZE + 1).getBytes(UTF_8);

            IOException refused = assertThrows(IOException.class, () -> spool.write("app", entries, entries.length, 2));

            assertEquals("the batch cannot be spooled: 2 events in 4097 bytes, more than chunkSize (4096 bytes) allows",
                    refused.getMessage());
            assertEquals(0, spool.pendingFiles());
            assertEquals(0, spool.sizeBytes());
        }
    }
}
