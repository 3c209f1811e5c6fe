package io.forwardlog.internal.spool;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
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
    /** The largest array the JVM allocates: no tag or entries can be longer. */
    static final int MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;

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

    /**
     * Reads and verifies a whole file of {@code fileSize} bytes. The header is checked against the file's size
     * and against {@code limits} before anything else is read, so the arrays allocated are never larger than
     * the batch the header declares, nor than any batch of ours can be.
     */
    static Content read(ReadableByteChannel in, long fileSize, BatchLimits limits)
            throws IOException, CorruptSpoolFileException {
        if (fileSize < HEADER_BYTES + TRAILER_BYTES) {
            throw new CorruptSpoolFileException("truncated: only " + fileSize + " bytes");
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        readFully(in, header, fileSize);
        if (header.getInt() != MAGIC) {
            throw new CorruptSpoolFileException("not a forwardlog spool file");
        }
        byte version = header.get();
        if (version != VERSION) {
            throw new CorruptSpoolFileException("unsupported format version " + version);
        }
        int tagLength = header.getInt();
        int eventCount = header.getInt();
        int entriesLength = header.getInt();
        if (tagLength < 0 || eventCount < 0 || entriesLength < 0) {
            throw new CorruptSpoolFileException("negative length in the header");
        }
        long expected = fileSize(tagLength, entriesLength);
        if (fileSize < expected) {
            throw new CorruptSpoolFileException("truncated: " + fileSize + " of " + expected + " bytes");
        }
        if (fileSize > expected) {
            throw new CorruptSpoolFileException((fileSize - expected) + " unexpected bytes after the batch");
        }
        String tooLarge = limits.exceeded(tagLength, entriesLength, eventCount);
        if (tooLarge != null) {
            throw new CorruptSpoolFileException(tooLarge);
        }
        byte[] tag = new byte[tagLength];
        byte[] entries = new byte[entriesLength];
        ByteBuffer trailer = ByteBuffer.allocate(TRAILER_BYTES);
        readFully(in, ByteBuffer.wrap(tag), fileSize);
        readFully(in, ByteBuffer.wrap(entries), fileSize);
        readFully(in, trailer, fileSize);
        CRC32 crc = new CRC32();
        crc.update(header.flip());
        crc.update(tag);
        crc.update(entries);
        if ((int) crc.getValue() != trailer.getInt()) {
            throw new CorruptSpoolFileException("checksum mismatch");
        }
        return new Content(new String(tag, UTF_8), entries, eventCount);
    }

    /** Fills {@code buffer} and flips it; a file that ends first shrank while it was read. */
    private static void readFully(ReadableByteChannel in, ByteBuffer buffer, long fileSize)
            throws IOException, CorruptSpoolFileException {
        while (buffer.hasRemaining()) {
            if (in.read(buffer) < 0) {
                throw new CorruptSpoolFileException("truncated while it was read: fewer than the " + fileSize
                        + " bytes it had");
            }
        }
        buffer.flip();
    }
}
