package io.forwardlog.benchmarks.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    private static long parse(String message) {
        byte[] bytes = ("xx" + message + "yy").getBytes(StandardCharsets.UTF_8);
        return EventIds.parseId(bytes, 2, bytes.length - 4);
    }

    @Test
    void readsTheIdAfterThePrefixUpToTheSpace() {
        assertEquals(1042, parse("order 1042 processed in 42 ms"));
        assertEquals(123, parse("order 000000000123 processed in 7 ms"));
        assertEquals(7, parse("order 7"));
        assertEquals(EventIds.WARM_UP_BASE + 5, parse("order 1000000000005 processed in 5 ms"));
    }

    @Test
    void findsNoIdInAnotherMessage() {
        assertEquals(-1, parse("order processed"));
        assertEquals(-1, parse("order x1 processed"));
        assertEquals(-1, parse("order 12x processed"));
        assertEquals(-1, parse("Order 12 processed"));
        assertEquals(-1, parse("order "));
        assertEquals(-1, parse(""));
    }

    @Test
    void countsEachMeasuredIdOnceAndTellsWhatElseCame() {
        EventIds ids = new EventIds(4);
        EventIds.Tally one = ids.tally();
        EventIds.Tally other = ids.tally();
        one.count(0);
        one.count(1);
        other.count(1);
        other.count(EventIds.WARM_UP_BASE + 3);
        other.count(4);
        other.count(-1);
        one.handOver();
        other.handOver();

        EventIds.Summary summary = ids.summary();
        assertEquals(new EventIds.Summary(4, 2, 1, 1, 1, 1, -1), summary);
        assertFalse(summary.exactlyOnce());
        assertEquals("2 of 4 events missing, 1 twice, 1 with an unknown id, 1 without an id", summary.problems());
    }

    @Test
    void notesWhenTheLastMeasuredEventArrivedAndThenWaitsNoMore() throws InterruptedException {
        EventIds ids = new EventIds(130);
        EventIds.Tally tally = ids.tally();
        for (long id = 129; id >= 0; id--) {
            tally.count(id);
        }
        long before = System.nanoTime();
        tally.handOver();

        assertTrue(ids.awaitAll(System.nanoTime()));
        EventIds.Summary summary = ids.summary();
        assertTrue(summary.exactlyOnce());
        assertEquals("", summary.problems());
        assertTrue(summary.completedAtNanos() >= before, "completed at " + summary.completedAtNanos());
    }

    @Test
    void awaitingGivesUpAtTheDeadlineWhileEventsAreMissing() throws InterruptedException {
        EventIds ids = new EventIds(2);
        EventIds.Tally tally = ids.tally();
        tally.count(0);
        tally.count(EventIds.WARM_UP_BASE);
        tally.handOver();

        assertFalse(ids.awaitAll(System.nanoTime() + 1_000_000));
        assertTrue(ids.awaitWarmUp(1, System.nanoTime()));
        assertFalse(ids.awaitWarmUp(2, System.nanoTime() + 1_000_000));
        assertEquals(-1, ids.summary().completedAtNanos());
    }
}
