package io.forwardlog.benchmarks.sink;

import java.nio.charset.StandardCharsets;

/**
 * Walks PackedForward entries, {@code [time, record]} one after another, straight over their bytes,
 * and tallies the id in each record's {@code message} (see {@link EventIds}): a key is compared where
 * it lies, every other value skipped by its msgpack header, so that checking every event costs the
 * sink little more than counting them.
 *
 * @see <a href="https://github.com/msgpack/msgpack/blob/master/spec.md">MessagePack specification</a>
 */
final class PackedScanner {

    private static final byte[] MESSAGE_KEY = "message".getBytes(StandardCharsets.US_ASCII);

    private final EventIds.Tally tally;

    PackedScanner(EventIds.Tally tally) {
        this.tally = tally;
    }

    /** The number of entries in {@code bytes[0, length)}; each record's id goes to the tally. */
    long scan(byte[] bytes, int length) throws SinkProtocolException {
        int p = 0;
        long count = 0;
        while (p < length) {
            if ((bytes[p] & 0xff) != 0x92) {
                throw new SinkProtocolException("entry " + (count + 1) + " is not a [time, record] array");
            }
            p = skip(bytes, p + 1, length);
            p = record(bytes, p, length, count);
            count++;
        }
        if (p != length) {
            throw new SinkProtocolException("entry " + count + " ends " + (p - length) + " bytes after its frame");
        }
        return count;
    }

    private int record(byte[] b, int p, int end, long index) throws SinkProtocolException {
        check(b, p, end, index);
        int h = b[p] & 0xff;
        long fields;
        if (h >= 0x80 && h <= 0x8f) {
            fields = h & 0x0f;
            p += 1;
        } else if (h == 0xde) {
            fields = u16(b, p + 1, end);
            p += 3;
        } else if (h == 0xdf) {
            fields = u32(b, p + 1, end);
            p += 5;
        } else {
            tally.count(-1);
            return skip(b, p, end);
        }
        long id = -1;
        boolean found = false;
        for (long i = 0; i < fields; i++) {
            boolean message = !found && isMessageKey(b, p, end);
            p = skip(b, p, end);
            if (message) {
                found = true;
                int start = stringStart(b, p, end);
                int length = start < 0 ? 0 : stringLength(b, p, end);
                if (start >= 0 && start + length <= end) {
                    id = EventIds.parseId(b, start, length);
                }
            }
            p = skip(b, p, end);
        }
        tally.count(id);
        return p;
    }

    private static boolean isMessageKey(byte[] b, int p, int end) throws SinkProtocolException {
        int start = stringStart(b, p, end);
        if (start < 0 || stringLength(b, p, end) != MESSAGE_KEY.length || start + MESSAGE_KEY.length > end) {
            return false;
        }
        for (int i = 0; i < MESSAGE_KEY.length; i++) {
            if (b[start + i] != MESSAGE_KEY[i]) {
                return false;
            }
        }
        return true;
    }

    /** Where the bytes of the str at {@code p} start, or -1 when the value there is no str. */
    private static int stringStart(byte[] b, int p, int end) {
        int h = b[p] & 0xff;
        return h >= 0xa0 && h <= 0xbf ? p + 1 : h == 0xd9 ? p + 2 : h == 0xda ? p + 3 : h == 0xdb ? p + 5 : -1;
    }

    private static int stringLength(byte[] b, int p, int end) throws SinkProtocolException {
        int h = b[p] & 0xff;
        return h >= 0xa0 && h <= 0xbf ? h & 0x1f : h == 0xd9 ? u8(b, p + 1, end) : h == 0xda ? u16(b, p + 1, end)
                : (int) u32(b, p + 1, end);
    }

    /** The position after the value at {@code p}. */
    private static int skip(byte[] b, int p, int end) throws SinkProtocolException {
        check(b, p, end, -1);
        int h = b[p] & 0xff;
        if (h <= 0x7f || h >= 0xe0 || h == 0xc0 || h == 0xc2 || h == 0xc3) {
            return p + 1;
        }
        if (h >= 0xa0 && h <= 0xbf) {
            return p + 1 + (h & 0x1f);
        }
        if (h >= 0x80 && h <= 0x8f) {
            return skipValues(b, p + 1, end, 2L * (h & 0x0f));
        }
        if (h >= 0x90 && h <= 0x9f) {
            return skipValues(b, p + 1, end, h & 0x0f);
        }
        return switch (h) {
            case 0xc4, 0xd9 -> p + 2 + u8(b, p + 1, end);
            case 0xc5, 0xda -> p + 3 + u16(b, p + 1, end);
            case 0xc6, 0xdb -> p + 5 + (int) u32(b, p + 1, end);
            case 0xc7 -> p + 3 + u8(b, p + 1, end);
            case 0xc8 -> p + 4 + u16(b, p + 1, end);
            case 0xc9 -> p + 6 + (int) u32(b, p + 1, end);
            case 0xca, 0xce, 0xd2 -> p + 5;
            case 0xcb, 0xcf, 0xd3 -> p + 9;
            case 0xcc, 0xd0 -> p + 2;
            case 0xcd, 0xd1 -> p + 3;
            case 0xd4 -> p + 3;
            case 0xd5 -> p + 4;
            case 0xd6 -> p + 6;
            case 0xd7 -> p + 10;
            case 0xd8 -> p + 18;
            case 0xdc -> skipValues(b, p + 3, end, u16(b, p + 1, end));
            case 0xdd -> skipValues(b, p + 5, end, u32(b, p + 1, end));
            case 0xde -> skipValues(b, p + 3, end, 2L * u16(b, p + 1, end));
            case 0xdf -> skipValues(b, p + 5, end, 2 * u32(b, p + 1, end));
            default -> throw new SinkProtocolException("0xc1 is no msgpack value");
        };
    }

    private static int skipValues(byte[] b, int p, int end, long count) throws SinkProtocolException {
        for (long i = 0; i < count; i++) {
            p = skip(b, p, end);
        }
        return p;
    }

    private static void check(byte[] b, int p, int end, long index) throws SinkProtocolException {
        if (p >= end) {
            throw new SinkProtocolException(index < 0 ? "an entry ends inside a value" : "entry " + (index + 1)
                    + " has no record");
        }
    }

    private static int u8(byte[] b, int p, int end) throws SinkProtocolException {
        check(b, p, end, -1);
        return b[p] & 0xff;
    }

    private static int u16(byte[] b, int p, int end) throws SinkProtocolException {
        check(b, p + 1, end, -1);
        return (b[p] & 0xff) << 8 | b[p + 1] & 0xff;
    }

    private static long u32(byte[] b, int p, int end) throws SinkProtocolException {
        check(b, p + 3, end, -1);
        return (long) (b[p] & 0xff) << 24 | (b[p + 1] & 0xff) << 16 | (b[p + 2] & 0xff) << 8 | b[p + 3] & 0xff;
    }
}
