package io.forwardlog;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A logging framework's event as forwardlog reads it. Each adapter implements this over its
 * framework's event without copying; core maps it to a record once, on the calling thread, so
 * implementations need only be valid for the duration of {@code ForwardPipeline.append}.
 */
public interface LogEvent {

    /** Seconds since the epoch of the event's time. */
    long epochSecond();

    /** The nanoseconds within that second, as precise as the framework has them. */
    int nanoOfSecond();

    /** The level's name, e.g. {@code INFO}. */
    String level();

    String loggerName();

    String threadName();

    /**
     * The formatted message, or the layout's / encoder's output when the appender has one. It may be a
     * buffer the adapter reuses (Log4j2 formats reusable messages into one): it is read at once, never kept.
     */
    CharSequence message();

    /** The throwable logged with the event, or {@code null}. */
    ThrowableView throwable();

    /** Calls {@code action} for each MDC / ThreadContext entry. */
    void forEachContextEntry(BiConsumer<String, String> action);

    /** Calls {@code action} for each SLF4J key-value pair / Log4j2 MapMessage field. */
    void forEachKeyValue(BiConsumer<String, Object> action);

    /** Calls {@code action} with the name of each marker, including a marker's references. */
    void forEachMarker(Consumer<String> action);

    /**
     * Where the log call was made, or {@code null}. Asked for only with {@code includeCallerData},
     * since frameworks compute it from a stack trace.
     */
    CallerData callerData();

    /** A log call's location. */
    record CallerData(String className, String methodName, String fileName, int lineNumber) {
    }
}
