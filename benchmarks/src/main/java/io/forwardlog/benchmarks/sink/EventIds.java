package io.forwardlog.benchmarks.sink;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Checks that each of {@code expected} events arrived exactly once. An event is known by the id in its
 * message, {@value #MESSAGE_PREFIX}{@code <id> ...}: ids {@code 0 .. expected-1} are the measured
 * events, ids from {@link #WARM_UP_BASE} on are warm-up events (counted, not checked). One bit per id,
 * set atomically, so that any number of connections can record; each connection tallies in a
 * {@link Tally} of its own and hands it over once per frame.
 *
 * <p>What it counts besides: an id seen twice (duplicate), an id that is neither measured nor warm-up
 * (out of range), and an event whose message carries no id (unreadable).
 */
public final class EventIds {

    /** How a message that carries an id starts; the id follows in decimal digits, then a space. */
    public static final String MESSAGE_PREFIX = "order ";
    /** Warm-up events have ids from here on. */
    public static final long WARM_UP_BASE = 1_000_000_000_000L;

    private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final byte[] PREFIX = MESSAGE_PREFIX.getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final long expected;
    private final long[] words;
    // guarded by this
    private long distinct;
    private long duplicates;
    private long warmUp;
    private long outOfRange;
    private long unreadable;
    private long completedAtNanos = -1;

    /** @param expected how many measured events there are: ids {@code 0 .. expected-1} */
    public EventIds(long expected) {
        if (expected < 0 || expected > Integer.MAX_VALUE * 64L) {
            throw new IllegalArgumentException("expected must be between 0 and " + Integer.MAX_VALUE * 64L + ", was "
                    + expected);
        }
        this.expected = expected;
        this.words = new long[(int) ((expected + 63) / 64)];
    }

    /**
     * The id in a message, {@value #MESSAGE_PREFIX} then digits then a space or the end, as UTF-8 (or
     * JSON-escaped UTF-8) in {@code text[offset, offset+length)}; -1 when the message has none.
     */
    public static long parseId(byte[] text, int offset, int length) {
        if (length <= PREFIX.length) {
            return -1;
        }
        for (int i = 0; i < PREFIX.length; i++) {
            if (text[offset + i] != PREFIX[i]) {
                return -1;
            }
        }
        long id = 0;
        int end = offset + length;
        int i = offset + PREFIX.length;
        int digits = 0;
        for (; i < end && digits < 18; i++, digits++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            id = id * 10 + digit;
        }
        if (digits == 0 || (i < end && text[i] != ' ')) {
            return -1;
        }
        return id;
    }

    /** A connection's counts since its last hand-over; not thread-safe. */
    public final class Tally {
        private long distinct;
        private long duplicates;
        private long warmUp;
        private long outOfRange;
        private long unreadable;

        /** One event with {@code id}, or -1 when its message carried none. */
        public void count(long id) {
            if (id < 0) {
                unreadable++;
            } else if (id >= WARM_UP_BASE) {
                warmUp++;
            } else if (id >= expected) {
                outOfRange++;
            } else if (mark(id)) {
                distinct++;
            } else {
                duplicates++;
            }
        }

        /** Adds what this tally counted to the totals and starts again from zero. */
        public void handOver() {
            if (distinct + duplicates + warmUp + outOfRange + unreadable == 0) {
                return;
            }
            add(this);
            distinct = 0;
            duplicates = 0;
            warmUp = 0;
            outOfRange = 0;
            unreadable = 0;
        }
    }

    /** A new, empty tally for one connection. */
    public Tally tally() {
        return new Tally();
    }

    private boolean mark(long id) {
        long mask = 1L << (id & 63);
        long before = (long) WORDS.getAndBitwiseOr(words, (int) (id >>> 6), mask);
        return (before & mask) == 0;
    }

    private synchronized void add(Tally tally) {
        distinct += tally.distinct;
        duplicates += tally.duplicates;
        warmUp += tally.warmUp;
        outOfRange += tally.outOfRange;
        unreadable += tally.unreadable;
        if (completedAtNanos < 0 && distinct == expected && expected > 0) {
            completedAtNanos = System.nanoTime();
        }
        notifyAll();
    }

    /** Waits until every measured event has arrived, or {@code deadlineNanos} ({@link System#nanoTime()}) passes. */
    public synchronized boolean awaitAll(long deadlineNanos) throws InterruptedException {
        while (distinct < expected) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Waits until {@code count} warm-up events have arrived, or {@code deadlineNanos} passes. */
    public synchronized boolean awaitWarmUp(long count, long deadlineNanos) throws InterruptedException {
        while (warmUp < count) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** The totals so far. */
    public synchronized Summary summary() {
        return new Summary(expected, distinct, duplicates, warmUp, outOfRange, unreadable, completedAtNanos);
    }

    /**
     * @param completedAtNanos when the last measured event was counted ({@link System#nanoTime()}), -1 if not yet
     */
    public record Summary(long expected, long distinct, long duplicates, long warmUp, long outOfRange, long unreadable,
                          long completedAtNanos) {

        /** Every measured event once, nothing twice, nothing unknown. */
        public boolean exactlyOnce() {
            return distinct == expected && duplicates == 0 && outOfRange == 0 && unreadable == 0;
        }

        /** What went wrong, e.g. {@code 12 of 1000 events missing, 3 twice}; empty when all arrived exactly once. */
        public String problems() {
            StringBuilder text = new StringBuilder();
            if (distinct < expected) {
                text.append(String.format(java.util.Locale.ROOT, "%,d of %,d events missing", expected - distinct, expected));
            }
            append(text, duplicates, "twice");
            append(text, outOfRange, "with an unknown id");
            append(text, unreadable, "without an id");
            return text.toString();
        }

        private static void append(StringBuilder text, long count, String what) {
            if (count > 0) {
                text.append(text.length() == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%,d %s", count, what));
            }
        }
    }
}
