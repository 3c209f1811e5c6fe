package io.forwardlog.internal.spool;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The bytes of one spool file, integers big-endian:
 * <pre>
 *   "FWSP" | version 1 (1 byte) | tag length (int) | event count (int) | entries length (int)
 *   | tag (UTF-8) | entries | CRC32 of every byte before it (int)
 * </pre>
 * The checksum covers the header too, so a flipped byte anywhere is caught.
 */
final class SpoolFileFormat {

    static final int MAGIC = 0x46575350;
    static final byte VERSION = 1;
    static final int HEADER_BYTES = 4 + 1 + 4 + 4 + 4;
    static final int TRAILER_BYTES = 4;
    /** The largest file we read into one array. */
    static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;

    /** What a spool file holds. */
    record Content(String tag, byte[] entries, int eventCount) {
    }

    private SpoolFileFormat() {
    }

    static long fileSize(int tagBytes, int entriesLength) {
        return (long) HEADER_BYTES + tagBytes + entriesLength + TRAILER_BYTES;
    }

    /** Writes the whole file at the channel's position. */
    static void write(FileChannel channel, byte[] tag, byte[] entries, int length, int eventCount) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES)
                .putInt(MAGIC).put(VERSION).putInt(tag.length).putInt(eventCount).putInt(length).flip();
        CRC32 crc = new CRC32();
        crc.update(header.duplicate());
        crc.update(tag);
        crc.update(entries, 0, length);
        ByteBuffer trailer = ByteBuffer.allocate(TRAILER_BYTES).putInt((int) crc.getValue()).flip();
        ByteBuffer[] parts = {header, ByteBuffer.wrap(tag), ByteBuffer.wrap(entries, 0, length), trailer};
        long remaining = fileSize(tag.length, length);
        while (remaining > 0) {
            remaining -= channel.write(parts);
        }
    }

    /** Reads and verifies a whole file. */
    static Content read(byte[] file) throws CorruptSpoolFileException {
        if (file.length < HEADER_BYTES + TRAILER_BYTES) {
            throw new CorruptSpoolFileException("truncated: only " + file.length + " bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(file);
        if (in.getInt() != MAGIC) {
            throw new CorruptSpoolFileException("not a forwardlog spool file");
        }
        byte version = in.get();
        if (version != VERSION) {
            throw new CorruptSpoolFileException("unsupported format version " + version);
        }
        int tagLength = in.getInt();
        int eventCount = in.getInt();
        int entriesLength = in.getInt();
        if (tagLength < 0 || eventCount < 0 || entriesLength < 0) {
            throw new CorruptSpoolFileException("negative length in the header");
        }
        long expected = fileSize(tagLength, entriesLength);
        if (file.length < expected) {
            throw new CorruptSpoolFileException("truncated: " + file.length + " of " + expected + " bytes");
        }
        if (file.length > expected) {
            throw new CorruptSpoolFileException((file.length - expected) + " unexpected bytes after the batch");
        }
        CRC32 crc = new CRC32();
        crc.update(file, 0, file.length - TRAILER_BYTES);
        if ((int) crc.getValue() != in.getInt(file.length - TRAILER_BYTES)) {
            throw new CorruptSpoolFileException("checksum mismatch");
        }
        String tag = new String(file, HEADER_BYTES, tagLength, UTF_8);
        int entriesStart = HEADER_BYTES + tagLength;
        byte[] entries = Arrays.copyOfRange(file, entriesStart, entriesStart + entriesLength);
        return new Content(tag, entries, eventCount);
    }
}
