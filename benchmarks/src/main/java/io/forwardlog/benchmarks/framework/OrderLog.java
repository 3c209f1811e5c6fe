package io.forwardlog.benchmarks.framework;

import io.forwardlog.benchmarks.sink.EventIds;
import java.util.List;

/**
 * The log call every framework benchmark makes, and what surrounds it: the issue's
 * {@code logger.info("order {} processed in {} ms", id, ms)} from a service logger, with three MDC
 * (ThreadContext) entries set once per thread. The first argument is the event's id, which the sinks
 * read back to check that every event arrived exactly once ({@link EventIds}).
 */
final class OrderLog {

    /** The message pattern; {@link EventIds#MESSAGE_PREFIX} and the id start it. */
    static final String PATTERN = EventIds.MESSAGE_PREFIX + "{} processed in {} ms";
    static final String LOGGER = "com.example.orders.OrderService";
    static final String TAG = "app.orders";
    /** Calling threads are named this, then their number from 1. */
    static final String THREAD_PREFIX = "order-worker-";

    private OrderLog() {
    }

    /** The MDC entries of calling thread {@code thread} (from 1): three, as in the issue. */
    static List<String[]> context(int thread) {
        return List.of(new String[] {"request_id", "req-" + thread + "-7f3a9c"}, new String[] {"user", "user-1042"},
                new String[] {"region", "eu-west-1"});
    }

    /** The second argument for event {@code id}: a duration in ms, always below 128 (a cached {@code Integer}). */
    static int millis(long id) {
        return (int) (id % 100);
    }

    /** The formatted message of event {@code id}, as the frameworks write it. */
    static String message(long id) {
        return EventIds.MESSAGE_PREFIX + id + " processed in " + millis(id) + " ms";
    }
}
