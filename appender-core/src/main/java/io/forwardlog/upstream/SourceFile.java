package io.forwardlog.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/** Reads one upstream file as UTF-8 text: at most 1 MiB, a leading byte order mark dropped. */
final class SourceFile {

    static final int MAX_BYTES = 1024 * 1024;

    private SourceFile() {
    }

    static String read(Path file) throws UpstreamFileException {
        requireRegularFile(file);
        byte[] bytes = readAtMostLimit(file);
        if (bytes.length > MAX_BYTES) {
            throw new UpstreamFileException(file, 0, "the file is " + mebibytes(sizeOf(file, bytes.length))
                    + "; an upstream file is at most 1 MiB");
        }
        String text = decode(file, bytes);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * Refuses anything but a regular file (a link is followed) from its attributes alone: opening a FIFO that
     * has no writer blocks for ever, and a device can be read without end.
     */
    private static void requireRegularFile(Path file) throws UpstreamFileException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
        if (attributes.isDirectory()) {
            throw new UpstreamFileException(file, 0, "the path is a directory, not a file");
        }
        if (!attributes.isRegularFile()) {
            throw new UpstreamFileException(file, 0, "the path is " + SpecialFile.kind(file) + ", not a regular file");
        }
    }

    private static byte[] readAtMostLimit(Path file) throws UpstreamFileException {
        try (InputStream in = Files.newInputStream(file)) {
            // one byte past the limit is enough to know the file is too large without reading it all
            return in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
    }

    private static UpstreamFileException cannotRead(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new UpstreamFileException(file, 0, "the file does not exist", e);
        }
        if (e instanceof AccessDeniedException) {
            return new UpstreamFileException(file, 0, "cannot read the file: permission denied", e);
        }
        if (e instanceof FileSystemException fileSystem) {
            String reason = fileSystem.getReason() != null ? fileSystem.getReason() : e.getClass().getSimpleName();
            return new UpstreamFileException(file, 0, "cannot read the file: " + reason, e);
        }
        return new UpstreamFileException(file, 0, "cannot read the file: " + e.getMessage(), e);
    }

    private static long sizeOf(Path file, long atLeast) {
        try {
            return Math.max(Files.size(file), atLeast);
        } catch (IOException e) {
            return atLeast;
        }
    }

    /** Rounded up to a tenth, so a file one byte over the limit does not read as "1.0 MiB". */
    static String mebibytes(long bytes) {
        long tenths = (bytes * 10 + MAX_BYTES - 1) / MAX_BYTES;
        return String.format(Locale.ROOT, "%d.%d MiB", tenths / 10, tenths % 10);
    }

    private static String decode(Path file, byte[] bytes) throws UpstreamFileException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new UpstreamFileException(file, lineAt(bytes, in.position()), "the file is not UTF-8 text");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
