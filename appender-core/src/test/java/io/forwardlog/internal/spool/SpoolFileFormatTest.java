package io.forwardlog.internal.spool;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolFileFormatTest {

    @TempDir
    Path dir;

    private byte[] fileOf(String tag, String entries, int events) throws IOException {
        Path file = dir.resolve("batch");
        byte[] entryBytes = entries.getBytes(UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            SpoolFileFormat.write(channel, tag.getBytes(UTF_8), entryBytes, entryBytes.length, events);
        }
        return Files.readAllBytes(file);
    }

    private static SpoolFileFormat.Content read(byte[] file) throws Exception {
        return SpoolFileFormat.read(Channels.newChannel(new ByteArrayInputStream(file)), file.length,
                SpoolBatches.LIMITS);
    }

    private static String whyCorrupt(byte[] file) {
        return assertThrows(CorruptSpoolFileException.class, () -> read(file)).getMessage();
    }

    @Test
    void readsBackWhatItWrote() throws Exception {
        SpoolFileFormat.Content content = read(fileOf("app.äö", "entries", 4));

        assertEquals("app.äö", content.tag());
        assertArrayEquals("entries".getBytes(UTF_8), content.entries());
        assertEquals(4, content.eventCount());
    }

    @Test
    void writesAsManyBytesAsFileSizeSays() throws Exception {
        assertEquals(SpoolFileFormat.fileSize("app".length(), "entries".length()), fileOf("app", "entries", 1).length);
    }

    @Test
    void startsWithTheMagicAndTheVersion() throws Exception {
        assertArrayEquals(new byte[] {'F', 'W', 'S', 'P', 1}, Arrays.copyOf(fileOf("t", "e", 1), 5));
    }

    @Test
    void rejectsAFileWithoutTheMagic() throws Exception {
        byte[] file = fileOf("t", "entries", 1);
        file[0] = 'X';

        assertEquals("not a forwardlog spool file", whyCorrupt(file));
    }

    @Test
    void rejectsAnotherFormatVersion() throws Exception {
        byte[] file = fileOf("t", "entries", 1);
        file[4] = 9;

        assertEquals("unsupported format version 9", whyCorrupt(file));
    }

    @Test
    void rejectsANegativeLengthInTheHeader() throws Exception {
        byte[] file = fileOf("t", "entries", 1);
        ByteBuffer.wrap(file).putInt(13, -1);

        assertEquals("negative length in the header", whyCorrupt(file));
    }

    @Test
    void rejectsBytesAfterTheBatch() throws Exception {
        byte[] file = fileOf("t", "entries", 1);

        assertEquals("3 unexpected bytes after the batch", whyCorrupt(Arrays.copyOf(file, file.length + 3)));
    }

    @Test
    void rejectsAFlippedByteInTheHeaderThatKeepsTheLengthsPlausible() throws Exception {
        byte[] file = fileOf("t", "entries", 1);
        file[12] ^= 0x02;

        assertEquals("checksum mismatch", whyCorrupt(file));
    }
}
