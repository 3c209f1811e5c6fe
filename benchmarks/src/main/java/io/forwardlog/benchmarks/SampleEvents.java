package io.forwardlog.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Typical events: a message of about 100 characters, INFO, a service's logger, the calling thread's
 * name and 4 MDC entries (request, user, trace and span ids), about 330 bytes once encoded. Each
 * event of a set differs in its numbers and ids, so that gzip sees realistic text.
 */
public final class SampleEvents {

    /** The tag both clients send with. */
    public static final String TAG = "app";

    private static final long BASE_EPOCH_SECOND = 1_767_225_600L; // 2026-01-01T00:00:00Z
    private static final String LOGGER = "com.example.shop.checkout.OrderService";
    private static final String[] CITIES = {"Berlin", "Lisbon", "Osaka", "Denver", "Nairobi", "Oslo", "Lima", "Pune"};

    private SampleEvents() {
    }

    /** The same events for the same {@code seed}, logged on {@code thread}. */
    public static SampleEvent[] create(int count, String thread, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        SampleEvent[] events = new SampleEvent[count];
        for (int i = 0; i < count; i++) {
            events[i] = event(random, thread, i);
        }
        return events;
    }

    /** One typical event logged on {@code thread}. */
    public static SampleEvent typical(String thread) {
        return event(new SplittableRandom(42), thread, 0);
    }

    private static SampleEvent event(SplittableRandom random, String thread, int index) {
        String message = String.format("Order %08d for customer c-%06d paid with card ending %04d; shipping %d items to %s",
                random.nextInt(100_000_000), random.nextInt(1_000_000), random.nextInt(10_000),
                1 + random.nextInt(9), CITIES[random.nextInt(CITIES.length)]);
        Map<String, String> mdc = new LinkedHashMap<>();
        mdc.put("requestId", uuid(random));
        mdc.put("userId", "user-" + random.nextInt(1_000_000));
        mdc.put("traceId", hex(random, 32));
        mdc.put("spanId", hex(random, 16));
        long micros = index * 137L;
        return new SampleEvent(BASE_EPOCH_SECOND + micros / 1_000_000, (int) (micros % 1_000_000) * 1000 + 123,
                "INFO", LOGGER, thread, message, mdc);
    }

    private static String uuid(SplittableRandom random) {
        String hex = hex(random, 32);
        return hex.substring(0, 8) + '-' + hex.substring(8, 12) + '-' + hex.substring(12, 16) + '-'
                + hex.substring(16, 20) + '-' + hex.substring(20);
    }

    private static String hex(SplittableRandom random, int digits) {
        StringBuilder text = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            text.append(Character.forDigit(random.nextInt(16), 16));
        }
        return text.toString();
    }
}
