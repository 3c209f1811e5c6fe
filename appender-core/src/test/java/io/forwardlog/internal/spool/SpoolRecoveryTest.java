package io.forwardlog.internal.spool;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a spool does with files a crash, a disk or a person left behind. */
class SpoolRecoveryTest {

    private static final long CAPACITY = 1024 * 1024;
    private static final String FIRST = "00000000000000001000-0000000001-2.fwspool";
    private static final String SECOND = "00000000000000001000-0000000002-1.fwspool";

    @TempDir
    Path dir;

    private final List<String> warnings = new CopyOnWriteArrayList<>();

    private Spool open() throws SpoolException {
        return Spool.open(dir, CAPACITY, SpoolBatches.LIMITS, warnings::add, () -> 1000L);
    }

    /** Writes FIRST (two events) and SECOND (one event), then closes the spool. */
    private void writeTwoBatches() throws Exception {
        try (Spool spool = open()) {
            byte[] first = "the first batch's entries".getBytes(UTF_8);
            byte[] second = "the second batch's entries".getBytes(UTF_8);
            spool.write("app", first, first.length, 2);
            spool.write("app", second, second.length, 1);
        }
    }

    private void assertSecondBatch(SpooledBatch batch) {
        assertEquals("app", batch.tag());
        assertArrayEquals("the second batch's entries".getBytes(UTF_8), batch.entries());
        assertEquals(1, batch.eventCount());
    }

    private String movedToCorrupt(String name, String why) {
        return "spool file '" + name + "' is corrupt (" + why + "); moved to " + dir + "/corrupt/";
    }

    private List<String> names(Path directory) throws IOException {
        try (Stream<Path> list = Files.list(directory)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void deletesALeftoverTemporaryFileAtOpenAndNeverReadsItAsData() throws Exception {
        writeTwoBatches();
        // a crash between writing and renaming leaves a complete batch under its temporary name
        Files.move(dir.resolve(SECOND), dir.resolve(SECOND + ".tmp"));

        try (Spool spool = open()) {
            assertEquals(List.of("spool file '" + SECOND + ".tmp' was left unfinished by an interrupted write; deleted"),
                    warnings);
            assertEquals(List.of(FIRST, "spool.lock"), names(dir));
            assertEquals(1, spool.pendingFiles());
            assertEquals(2, spool.poll().eventCount());
            assertNull(spool.poll());
        }
    }

    @Test
    void movesATruncatedFileToCorruptAndReturnsTheNextGoodOne() throws Exception {
        writeTwoBatches();
        long size = Files.size(dir.resolve(FIRST));
        try (FileChannel file = FileChannel.open(dir.resolve(FIRST), StandardOpenOption.WRITE)) {
            file.truncate(size - 10);
        }

        try (Spool spool = open()) {
            assertSecondBatch(spool.poll());

            assertEquals(List.of(movedToCorrupt(FIRST, "truncated: " + (size - 10) + " of " + size + " bytes")), warnings);
            assertEquals(List.of(FIRST), names(dir.resolve("corrupt")));
            assertEquals(Files.size(dir.resolve(SECOND)), spool.sizeBytes());
        }
    }

    @Test
    void movesAFileTruncatedInsideItsHeaderToCorrupt() throws Exception {
        writeTwoBatches();
        try (FileChannel file = FileChannel.open(dir.resolve(FIRST), StandardOpenOption.WRITE)) {
            file.truncate(10);
        }

        try (Spool spool = open()) {
            assertSecondBatch(spool.poll());

            assertEquals(List.of(movedToCorrupt(FIRST, "truncated: only 10 bytes")), warnings);
        }
    }

    @Test
    void movesAFileWithAFlippedByteToCorruptAndReturnsTheNextGoodOne() throws Exception {
        writeTwoBatches();
        byte[] bytes = Files.readAllBytes(dir.resolve(FIRST));
        bytes[bytes.length - 10] ^= 0x01;
        Files.write(dir.resolve(FIRST), bytes);

        try (Spool spool = open()) {
            assertSecondBatch(spool.poll());
            assertNull(spool.poll());

            assertEquals(List.of(movedToCorrupt(FIRST, "checksum mismatch")), warnings);
            assertEquals(List.of(FIRST), names(dir.resolve("corrupt")));
        }
    }

    @Test
    void movesAFileWhoseNameAndContentDisagreeOnTheEventCountToCorrupt() throws Exception {
        writeTwoBatches();
        String renamed = "00000000000000001000-0000000001-3.fwspool";
        Files.move(dir.resolve(FIRST), dir.resolve(renamed));

        try (Spool spool = open()) {
            assertSecondBatch(spool.poll());

            assertEquals(List.of(movedToCorrupt(renamed, "3 events in the name but 2 in the file")), warnings);
        }
    }

    @Test
    void movesAFileWithOurSuffixButNotOurNameToCorruptAtOpen() throws Exception {
        writeTwoBatches();
        Files.writeString(dir.resolve("copy of batch.fwspool"), "whatever");

        try (Spool spool = open()) {
            assertEquals(List.of(movedToCorrupt("copy of batch.fwspool",
                    "the name is not <millis>-<sequence>-<events>.fwspool")), warnings);
            assertEquals(2, spool.pendingFiles());
        }
    }

    @Test
    void leavesOtherFilesInTheDirectoryAlone() throws Exception {
        writeTwoBatches();
        Files.writeString(dir.resolve("README.txt"), "operator notes");

        try (Spool spool = open()) {
            assertEquals(2, spool.pendingFiles());
        }
        assertEquals(List.of(), warnings);
        assertTrue(Files.exists(dir.resolve("README.txt")));
    }

    @Test
    void skipsAFileThatDisappearedBeforeItWasRead() throws Exception {
        writeTwoBatches();
        try (Spool spool = open()) {
            Files.delete(dir.resolve(FIRST));

            assertSecondBatch(spool.poll());

            assertEquals(List.of("spool file '" + FIRST + "' disappeared before it was read; skipped"), warnings);
            assertEquals(Files.size(dir.resolve(SECOND)), spool.sizeBytes());
        }
    }
}
