package io.forwardlog.benchmarks.sink;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts a byte stream of JSON objects, one per line (what Fluent Bit's {@code tcp} input reads with
 * {@code format json}), into lines, and tallies the id in each line's {@code "message":"..."} (see
 * {@link EventIds}). A line that a read cuts in two is kept until its end arrives. One per connection;
 * not thread-safe.
 */
final class LineScanner {

    private static final byte[] MESSAGE_FIELD = "\"message\":\"".getBytes(StandardCharsets.US_ASCII);

    private final EventIds.Tally tally;
    private byte[] partial = new byte[4096];
    private int partialLength;

    LineScanner(EventIds ids) {
        this.tally = ids.tally();
    }

    /** Reads {@code data[0, length)}; returns the number of lines it completed. */
    long feed(byte[] data, int length) {
        long lines = 0;
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (data[i] != '\n') {
                continue;
            }
            if (partialLength > 0) {
                keep(data, start, i - start);
                line(partial, 0, partialLength);
                partialLength = 0;
            } else {
                line(data, start, i - start);
            }
            lines++;
            start = i + 1;
        }
        keep(data, start, length - start);
        tally.handOver();
        return lines;
    }

    /** Bytes after the last line break, held back: the line goes on in the next read. */
    int heldBack() {
        return partialLength;
    }

    private void keep(byte[] data, int offset, int length) {
        if (length == 0) {
            return;
        }
        if (partial.length < partialLength + length) {
            partial = Arrays.copyOf(partial, Math.max(partialLength + length, partial.length * 2));
        }
        System.arraycopy(data, offset, partial, partialLength, length);
        partialLength += length;
    }

    private void line(byte[] text, int offset, int length) {
        int field = indexOf(text, offset, length);
        tally.count(field < 0 ? -1
                : EventIds.parseId(text, field + MESSAGE_FIELD.length, offset + length - field - MESSAGE_FIELD.length));
    }

    private static int indexOf(byte[] text, int offset, int length) {
        int last = offset + length - MESSAGE_FIELD.length;
        outer:
        for (int i = offset; i <= last; i++) {
            for (int j = 0; j < MESSAGE_FIELD.length; j++) {
                if (text[i + j] != MESSAGE_FIELD[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
