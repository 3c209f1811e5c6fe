package io.forwardlog.internal.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.forwardlog.internal.forward.ValuePacker;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/**
 * {@link EncodedEntry} writes what msgpack-core's packer writes, value by value: at every boundary of
 * every header, and for random text with every kind of char (lone surrogates included), random numbers
 * and random nesting. The random cases are seeded, so a failure names the value and repeats.
 */
class EncodedEntryTest {

    private static final long SEED = 20261201L;

    @Test
    void integersAtEveryBoundaryOfEveryEncoding() throws IOException {
        List<Long> values = new ArrayList<>();
        for (long edge : new long[] {0, 1L << 5, 1L << 7, 1L << 8, 1L << 15, 1L << 16, 1L << 31, 1L << 32, 1L << 62}) {
            for (long v = edge - 2; v <= edge + 2; v++) {
                values.add(v);
                values.add(-v);
            }
        }
        values.add(Long.MAX_VALUE);
        values.add(Long.MIN_VALUE);
        Random random = new Random(SEED);
        for (int i = 0; i < 10_000; i++) {
            values.add(random.nextLong() >> random.nextInt(64));
        }
        for (long v : values) {
            assertSame(v);
        }
    }

    @Test
    void stringsOfEveryHeaderSizeInEveryWidthOfChar() throws IOException {
        for (String unit : List.of("a", "é", "€", "😀")) {
            for (int bytes : new int[] {31, 32, 255, 256, 65_535, 65_536}) {
                int units = bytes / unit.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                for (int n = Math.max(0, units - 1); n <= units + 1; n++) {
                    assertSame(unit.repeat(n));
                }
            }
        }
    }

    @Test
    void surrogatesWhereLongTextIsCutIntoSlices() throws IOException {
        for (int before = 1_000; before < 1_030; before++) {
            for (int slices = 1; slices <= 3; slices++) {
                String prefix = "a".repeat(before * slices);
                assertSame(prefix + "😀" + "b");
                assertSame(prefix + "\ud83d" + "b");
                assertSame(prefix + "\ude00" + "b");
                assertSame(prefix + "\ud83d");
                assertSame(new StringBuilder(prefix).append("€😀"));
            }
        }
    }

    @Test
    void randomTextWithLoneSurrogatesAndEveryRangeOfChars() throws IOException {
        Random random = new Random(SEED);
        char[] ranges = {0x00, 0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000, 0xffff};
        for (int i = 0; i < 5_000; i++) {
            char[] text = new char[random.nextInt(i % 100 == 0 ? 2_000 : 40)];
            for (int c = 0; c < text.length; c++) {
                int range = random.nextInt(ranges.length / 2) * 2;
                text[c] = (char) (ranges[range] + random.nextInt(ranges[range + 1] - ranges[range] + 1));
            }
            assertSame(new String(text));
            assertSame(new StringBuilder().append(text)); // a reused builder, as Log4j2 formats into
        }
    }

    @Test
    void everyOtherKindOfValue() throws IOException {
        List<Object> values = new ArrayList<>(List.of(true, false, 0.0, -0.0, Double.NaN, Double.MIN_VALUE,
                Float.MAX_VALUE, (short) -300, (byte) 100, new BigInteger("18446744073709551615"),
                new BigInteger("9223372036854775808"), new BigInteger("-9223372036854775809"), new BigInteger("42"),
                new java.math.BigDecimal("0.000001"), new Object() {
                    @Override
                    public String toString() {
                        return "custom";
                    }
                }));
        values.add(null);
        for (int size : new int[] {0, 15, 16, 255, 256, 65_535, 65_536}) {
            values.add(new byte[size]);
            values.add(Collections.nCopies(size, 1));
            values.add(new Object[size]);
            java.util.Map<String, Integer> map = new java.util.LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                map.put("k" + i, i);
            }
            values.add(map);
        }
        values.add(List.of(List.of(List.of("deep", 1.5)), java.util.Map.of(1, List.of()))); // a map's keys as text
        for (Object value : values) {
            assertSame(value);
        }
    }

    @Test
    void aHeaderSizedForOneBytePerCharIsMovedUpWhenTheTextNeedsMore() throws IOException {
        EncodedEntry entry = new EncodedEntry(16);
        entry.begin();
        entry.string("é".repeat(16)); // 16 chars fit a fixstr, 32 bytes need str8
        entry.string("x");
        assertArrayEquals(packed("é".repeat(16), "x"), written(entry));
    }

    private static void assertSame(Object value) throws IOException {
        EncodedEntry entry = new EncodedEntry(16); // small, so that growing is tested too
        entry.begin();
        if (value instanceof StringBuilder text) {
            entry.string(text); // the path of a message formatted into a reused builder
        } else {
            entry.value(value);
        }
        byte[] expected = packed(value instanceof StringBuilder sb ? sb.toString() : value);
        assertArrayEquals(expected, written(entry), () -> "for " + describe(value));
    }

    private static byte[] packed(Object... values) throws IOException {
        MessageBufferPacker packer = MessagePack.newDefaultBufferPacker();
        for (Object value : values) {
            ValuePacker.pack(packer, value);
        }
        return packer.toByteArray();
    }

    private static byte[] written(EncodedEntry entry) {
        return Arrays.copyOfRange(entry.array(), EncodedEntry.HEAD_ROOM, entry.offset() + entry.length());
    }

    private static String describe(Object value) {
        String text = value instanceof byte[] b ? "byte[" + b.length + "]" : String.valueOf(value);
        return text.length() > 80 ? text.substring(0, 80) + "... (" + text.length() + " chars)" : text;
    }
}
