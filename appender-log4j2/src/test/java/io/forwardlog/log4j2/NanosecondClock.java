package io.forwardlog.log4j2;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.core.time.MutableInstant;
import org.apache.logging.log4j.core.time.PreciseClock;

/**
 * Log4j2's clock in these tests ({@code log4j2.clock}, set in the pom): the wall clock, with the
 * three digits below the microsecond filled in, so that event times use all nine digits of the
 * nanosecond and a lost digit shows.
 */
public final class NanosecondClock implements PreciseClock {

    private final AtomicInteger counter = new AtomicInteger();

    @Override
    public long currentTimeMillis() {
        return System.currentTimeMillis();
    }

    @Override
    public void init(MutableInstant instant) {
        Instant now = Instant.now();
        int belowMicros = 1 + Math.floorMod(counter.getAndIncrement(), 999);
        instant.initFromEpochSecond(now.getEpochSecond(), now.getNano() / 1000 * 1000 + belowMicros);
    }
}
