package io.forwardlog.internal.spool;

import static io.forwardlog.internal.spool.SpoolBatches.assertBatch;
import static io.forwardlog.internal.spool.SpoolBatches.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {

    private static final long CAPACITY = 1024 * 1024;

    @TempDir
    Path temp;

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);

    private Path dir() {
        return temp.resolve("spool");
    }

    private Spool open(long capacity) throws SpoolException {
        return Spool.open(dir(), capacity, SpoolBatches.LIMITS, warnings::add, clock::get);
    }

    private Spool open() throws SpoolException {
        return open(CAPACITY);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> list = Files.list(dir())) {
            return list.map(p -> p.getFileName().toString()).filter(n -> !n.equals("spool.lock")).sorted().toList();
        }
    }

    @Test
    void returnsWrittenBatchesOldestFirstWithTheirTagEntriesAndEventCount() throws Exception {
        try (Spool spool = open()) {
            assertTrue(write(spool, "app.one", "first entries", 3));
            clock.addAndGet(5);
            assertTrue(write(spool, "app.ünïcode", "second", 1));

            assertBatch("app.one", "first entries", 3, spool.poll());
            assertBatch("app.ünïcode", "second", 1, spool.poll());
            assertNull(spool.poll());
        }
        assertEquals(List.of(), warnings);
    }

    @Test
    void namesFilesByTimeSequenceAndEventCount() throws Exception {
        try (Spool spool = open()) {
            write(spool, "t", "a", 3);
            clock.addAndGet(42);
            write(spool, "t", "b", 12);
        }
        assertEquals(List.of("00000001700000000000-0000000001-3.fwspool", "00000001700000000042-0000000002-12.fwspool"),
                files());
    }

    @Test
    void keepsTheOrderAcrossCloseAndOpen() throws Exception {
        try (Spool spool = open()) {
            write(spool, "t", "one", 1);
            write(spool, "t", "two", 1);
        }
        try (Spool spool = open()) {
            write(spool, "t", "three", 1);
            assertBatch("t", "one", 1, spool.poll());
        }
        try (Spool spool = open()) {
            assertBatch("t", "one", 1, spool.poll());
            assertBatch("t", "two", 1, spool.poll());
            assertBatch("t", "three", 1, spool.poll());
            assertNull(spool.poll());
        }
    }

    @Test
    void continuesTheSequenceAfterReopenAndKeepsTheOrderWhenTheClockGoesBack() throws Exception {
        try (Spool spool = open()) {
            write(spool, "t", "before", 1);
        }
        clock.addAndGet(-60_000);
        try (Spool spool = open()) {
            write(spool, "t", "after", 2);

            assertBatch("t", "before", 1, spool.poll());
            assertBatch("t", "after", 2, spool.poll());
        }
        assertEquals(List.of("00000001700000000000-0000000001-1.fwspool", "00000001700000000000-0000000002-2.fwspool"),
                files());
    }

    @Test
    void keepsAHandedOutBatchUntilDeletedSoTheNextOpenHandsItOutAgain() throws Exception {
        try (Spool spool = open()) {
            write(spool, "t", "delivered", 1);
            write(spool, "t", "in flight", 1);
            spool.poll().delete();
            assertBatch("t", "in flight", 1, spool.poll());
        }
        try (Spool spool = open()) {
            assertBatch("t", "in flight", 1, spool.poll());
            assertNull(spool.poll());
        }
    }

    @Test
    void countsPendingFilesAndEventsAgainAfterReopen() throws Exception {
        long sizeOfTheTwoLeft;
        try (Spool spool = open()) {
            write(spool, "t", "three", 3);
            write(spool, "t", "five", 5);
            write(spool, "t", "seven", 7);
            spool.poll().delete();
            assertEquals(2, spool.pendingFiles());
            assertEquals(12, spool.pendingEvents());
            spool.poll();
            assertEquals(1, spool.pendingFiles());
            assertEquals(7, spool.pendingEvents());
            sizeOfTheTwoLeft = spool.sizeBytes();
        }
        try (Spool spool = open()) {
            assertEquals(2, spool.pendingFiles());
            assertEquals(12, spool.pendingEvents());
            assertEquals(sizeOfTheTwoLeft, spool.sizeBytes());
        }
    }

    @Test
    void deletesTheFileOnceWhenABatchIsDeletedTwice() throws Exception {
        try (Spool spool = open()) {
            write(spool, "t", "one", 1);
            write(spool, "t", "two", 1);
            long both = spool.sizeBytes();
            SpooledBatch first = spool.poll();

            first.delete();
            long afterOneDelete = spool.sizeBytes();
            first.delete();

            assertTrue(afterOneDelete < both);
            assertEquals(afterOneDelete, spool.sizeBytes());
            assertEquals(List.of("00000001700000000000-0000000002-1.fwspool"), files());
        }
        assertEquals(List.of(), warnings);
    }

    @Test
    void leavesTheFileForTheNextOpenWhenABatchIsDeletedAfterClose() throws Exception {
        Spool spool = open();
        write(spool, "t", "late ack", 1);
        SpooledBatch batch = spool.poll();
        spool.close();
        spool.close();

        batch.delete();

        assertEquals(List.of("00000001700000000000-0000000001-1.fwspool"), files());
        assertEquals(List.of(), warnings);
        try (Spool reopened = open()) {
            assertBatch("t", "late ack", 1, reopened.poll());
        }
    }

    @Test
    void refusesAWriteAfterClose() throws Exception {
        Spool spool = open();
        spool.close();

        IOException refused = assertThrows(IOException.class, () -> write(spool, "t", "x", 1));

        assertEquals("spoolDir '" + dir() + "' is closed; the batch was not written", refused.getMessage());
        assertNull(spool.poll());
    }

    @Test
    void reportsAFailedWriteNamingTheFileAndKeepsNothing() throws Exception {
        try (Spool spool = open()) {
            try (Stream<Path> files = Files.list(dir())) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir());

            IOException failure = assertThrows(IOException.class, () -> write(spool, "t", "x", 1));

            assertEquals("spool file '" + dir().resolve("00000001700000000000-0000000001-1.fwspool.tmp")
                    + "' could not be written: no such file or directory", failure.getMessage());
            assertEquals(0, spool.sizeBytes());
            assertEquals(0, spool.pendingFiles());
            assertNull(spool.poll());
        }
    }

    @Test
    void createsMissingParentDirectories() throws Exception {
        Path nested = temp.resolve("a").resolve("b");

        Spool.open(nested, CAPACITY, SpoolBatches.LIMITS, warnings::add).close();

        assertTrue(Files.isDirectory(nested));
    }

    @Test
    void rejectsASpoolDirThatIsAFile() throws Exception {
        Files.writeString(dir(), "not a directory");

        SpoolException refused = assertThrows(SpoolException.class, this::open);

        assertEquals("spoolDir '" + dir() + "' is not a directory", refused.getMessage());
    }

    @Test
    void rejectsACapacityThatIsNotPositive() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> open(0));

        assertEquals("capacityBytes must be positive but was 0", refused.getMessage());
    }
}
