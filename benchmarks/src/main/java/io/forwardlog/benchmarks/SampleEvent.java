package io.forwardlog.benchmarks;

import io.forwardlog.LogEvent;
import io.forwardlog.ThrowableView;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A typical application log event, as both clients get it: forwardlog reads it through
 * {@link LogEvent}, as an adapter reads a framework's event; Fluency gets {@link #record()}, the same
 * record as a map, built once.
 */
public final class SampleEvent implements LogEvent {

    private final long epochSecond;
    private final int nanoOfSecond;
    private final String level;
    private final String logger;
    private final String thread;
    private final String message;
    private final Map<String, String> mdc;
    private final Map<String, Object> record;

    SampleEvent(long epochSecond, int nanoOfSecond, String level, String logger, String thread, String message,
                Map<String, String> mdc) {
        this.epochSecond = epochSecond;
        this.nanoOfSecond = nanoOfSecond;
        this.level = level;
        this.logger = logger;
        this.thread = thread;
        this.message = message;
        this.mdc = Collections.unmodifiableMap(new LinkedHashMap<>(mdc));
        this.record = Collections.unmodifiableMap(toRecord());
    }

    /**
     * The record forwardlog writes for this event, as a new map: {@code message}, {@code level},
     * {@code logger}, {@code thread}, then the MDC entries as top-level fields. This is what an
     * appender built on Fluency does for each event.
     */
    public Map<String, Object> toRecord() {
        Map<String, Object> fields = new LinkedHashMap<>(16);
        fields.put("message", message);
        fields.put("level", level);
        fields.put("logger", logger);
        fields.put("thread", thread);
        mdc.forEach(fields::putIfAbsent);
        return fields;
    }

    /** {@link #toRecord()}, built once. */
    public Map<String, Object> record() {
        return record;
    }

    @Override
    public long epochSecond() {
        return epochSecond;
    }

    @Override
    public int nanoOfSecond() {
        return nanoOfSecond;
    }

    @Override
    public String level() {
        return level;
    }

    @Override
    public String loggerName() {
        return logger;
    }

    @Override
    public String threadName() {
        return thread;
    }

    @Override
    public String message() {
        return message;
    }

    @Override
    public ThrowableView throwable() {
        return null;
    }

    @Override
    public void forEachContextEntry(BiConsumer<String, String> action) {
        mdc.forEach(action);
    }

    @Override
    public void forEachKeyValue(BiConsumer<String, Object> action) {
        // a plain log call: no key-value pairs
    }

    @Override
    public void forEachMarker(Consumer<String> action) {
        // and no markers
    }

    @Override
    public CallerData callerData() {
        return null;
    }
}
