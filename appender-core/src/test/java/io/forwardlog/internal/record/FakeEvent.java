package io.forwardlog.internal.record;

import io.forwardlog.LogEvent;
import io.forwardlog.ThrowableView;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** A LogEvent with whatever a test gives it; {@link #simple} is the plain one other packages' tests send. */
public record FakeEvent(Instant time, String level, String loggerName, String threadName, String message, Throwable error,
                 Map<String, String> mdc, Map<String, Object> keyValues, List<String> markers, CallerData callerData)
        implements LogEvent {

    public static FakeEvent simple(String message) {
        return new FakeEvent(Instant.ofEpochSecond(1_700_000_000L, 123_456_789), "INFO", "com.example.Orders", "main",
                message, null, new LinkedHashMap<>(), new LinkedHashMap<>(), List.of(), null);
    }

    FakeEvent withMdc(Map<String, String> entries) {
        return new FakeEvent(time, level, loggerName, threadName, message, error, entries, keyValues, markers, callerData);
    }

    FakeEvent withKeyValues(Map<String, Object> pairs) {
        return new FakeEvent(time, level, loggerName, threadName, message, error, mdc, pairs, markers, callerData);
    }

    FakeEvent withMarkers(List<String> names) {
        return new FakeEvent(time, level, loggerName, threadName, message, error, mdc, keyValues, names, callerData);
    }

    FakeEvent withError(Throwable t) {
        return new FakeEvent(time, level, loggerName, threadName, message, t, mdc, keyValues, markers, callerData);
    }

    FakeEvent withCaller(CallerData caller) {
        return new FakeEvent(time, level, loggerName, threadName, message, error, mdc, keyValues, markers, caller);
    }

    @Override
    public long epochSecond() {
        return time.getEpochSecond();
    }

    @Override
    public int nanoOfSecond() {
        return time.getNano();
    }

    @Override
    public ThrowableView throwable() {
        return ThrowableView.of(error);
    }

    @Override
    public void forEachContextEntry(BiConsumer<String, String> action) {
        mdc.forEach(action);
    }

    @Override
    public void forEachKeyValue(BiConsumer<String, Object> action) {
        keyValues.forEach(action);
    }

    @Override
    public void forEachMarker(Consumer<String> action) {
        markers.forEach(action);
    }
}
