package io.forwardlog.benchmarks.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineScannerTest {

    private static String line(long id) {
        return "{\"time\":1767225600.5,\"level\":\"INFO\",\"message\":\"order " + id
                + " processed in 7 ms\",\"user\":\"user-1042\"}\n";
    }

    @Test
    void readsTheIdOfEveryLineHoweverTheReadsCutThem() {
        byte[] all = (line(0) + line(1) + line(2) + "{\"message\":\"no id here\"}\n" + line(3))
                .getBytes(StandardCharsets.UTF_8);
        for (int cut = 1; cut < all.length; cut += 7) {
            EventIds ids = new EventIds(4);
            LineScanner scanner = new LineScanner(ids);
            long lines = 0;
            for (int start = 0; start < all.length; start += cut) {
                int length = Math.min(cut, all.length - start);
                byte[] read = new byte[length + 3];
                System.arraycopy(all, start, read, 0, length);
                lines += scanner.feed(read, length);
            }

            assertEquals(5, lines, "reads of " + cut + " bytes");
            assertEquals(0, scanner.heldBack());
            EventIds.Summary summary = ids.summary();
            assertEquals(4, summary.distinct(), "reads of " + cut + " bytes");
            assertEquals(1, summary.unreadable(), "reads of " + cut + " bytes");
        }
    }

    @Test
    void holdsBackALineUntilItsEndArrives() {
        EventIds ids = new EventIds(1);
        LineScanner scanner = new LineScanner(ids);
        byte[] half = "{\"message\":\"order 0 proc".getBytes(StandardCharsets.UTF_8);

        assertEquals(0, scanner.feed(half, half.length));
        assertEquals(half.length, scanner.heldBack());
        assertEquals(0, ids.summary().distinct());
    }
}
