package io.forwardlog.internal.status;

import io.forwardlog.StatusListener;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The one channel for forwardlog's own problems, in front of the framework's status listener.
 * State changes are reported as they happen (each is a single message); repeated conditions under one
 * key are reported at most once per interval, so a flood of failures costs one line. Never throws:
 * a listener that fails is ignored.
 */
public final class StatusReporter {

    private final StatusListener listener;
    private final String prefix;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Long> lastReported = new ConcurrentHashMap<>();

    /**
     * @param prefix        put before every message, e.g. {@code forwardlog 'FLUENT': }
     * @param intervalNanos the least time between two reports under one key
     */
    public StatusReporter(StatusListener listener, String prefix, long intervalNanos, LongSupplier nanoTime) {
        this.listener = listener;
        this.prefix = prefix;
        this.intervalNanos = intervalNanos;
        this.nanoTime = nanoTime;
    }

    public void info(String message) {
        try {
            listener.info(prefix + message);
        } catch (RuntimeException ignored) {
            // a failing status listener must not break logging
        }
    }

    public void warn(String message) {
        try {
            listener.warn(prefix + message);
        } catch (RuntimeException ignored) {
            // a failing status listener must not break logging
        }
    }

    public void error(String message, Throwable cause) {
        try {
            listener.error(prefix + message, cause);
        } catch (RuntimeException ignored) {
            // a failing status listener must not break logging
        }
    }

    /** Reports an error unless one under {@code key} was given less than the interval ago. */
    public boolean errorLimited(String key, String message, Throwable cause) {
        if (!due(key)) {
            return false;
        }
        error(message, cause);
        return true;
    }

    /** Warns unless a warning under {@code key} was given less than the interval ago. */
    public boolean warnLimited(String key, String message) {
        if (!due(key)) {
            return false;
        }
        warn(message);
        return true;
    }

    private boolean due(String key) {
        long now = nanoTime.getAsLong();
        Long last = lastReported.get(key);
        if (last != null && now - last < intervalNanos) {
            return false;
        }
        lastReported.put(key, now);
        return true;
    }
}
