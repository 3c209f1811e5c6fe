package io.forwardlog.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.forwardlog.LogEvent;
import io.forwardlog.ThrowableView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * {@link LogEvent} over a Logback event, read in place: core encodes it during {@code append}, on the
 * logging thread, so nothing is copied and nothing needs deferring. That is also why caller data is
 * right: Logback computes it from the stack of the thread that asks. {@link #of} reads nothing: every
 * call into Logback happens inside core's encoding, where whatever it throws (a method this Logback
 * version lacks, a failing layout) drops the event instead of reaching the application.
 *
 * <p>A view is reused: each logging thread has one per appender, pointed at each event in turn and let
 * go when {@code append} returns, so a log call allocates none. A thread that appends again while its
 * view is in use (a layout that logs) gets a new one.
 */
final class LogbackEvent implements LogEvent {

    private static final long MILLIS_PER_SECOND = 1000;
    private static final int NANOS_PER_MILLI = 1_000_000;

    private ILoggingEvent event;
    private MessageText messageText;
    private boolean inUse;

    /** The thread's view pointed at {@code event} until {@link #release()}; a new one if the thread's is in use. */
    static LogbackEvent of(ThreadLocal<LogbackEvent> views, ILoggingEvent event, MessageText messageText) {
        LogbackEvent view = views.get();
        if (view.inUse) {
            view = new LogbackEvent();
        }
        view.event = event;
        view.messageText = messageText;
        view.inUse = true;
        return view;
    }

    /** Done with the event: the view keeps nothing of it. */
    void release() {
        event = null;
        messageText = null;
        inUse = false;
    }

    @Override
    public long epochSecond() {
        Instant time = event.getInstant();
        return time != null ? time.getEpochSecond() : Math.floorDiv(event.getTimeStamp(), MILLIS_PER_SECOND);
    }

    @Override
    public int nanoOfSecond() {
        Instant time = event.getInstant();
        return time != null ? time.getNano()
                : (int) Math.floorMod(event.getTimeStamp(), MILLIS_PER_SECOND) * NANOS_PER_MILLI;
    }

    @Override
    public String level() {
        return event.getLevel().toString();
    }

    @Override
    public String loggerName() {
        return event.getLoggerName();
    }

    @Override
    public String threadName() {
        return event.getThreadName();
    }

    @Override
    public String message() {
        return messageText.of(event);
    }

    @Override
    public ThrowableView throwable() {
        return LogbackThrowable.of(event.getThrowableProxy());
    }

    @Override
    public void forEachContextEntry(BiConsumer<String, String> action) {
        Map<String, String> mdc = event.getMDCPropertyMap();
        if (mdc != null) {
            mdc.forEach(action);
        }
    }

    @Override
    public void forEachKeyValue(BiConsumer<String, Object> action) {
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs != null) {
            for (KeyValuePair pair : pairs) {
                action.accept(pair.key, pair.value);
            }
        }
    }

    /** Each marker's name, then the names of the markers it references, each name once. */
    @Override
    public void forEachMarker(Consumer<String> action) {
        List<Marker> markers = event.getMarkerList();
        if (markers == null || markers.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>(markers.size());
        for (Marker marker : markers) {
            collect(marker, names);
        }
        names.forEach(action);
    }

    private static void collect(Marker marker, List<String> names) {
        // a name already listed is not followed again: a marker referenced twice is written once
        if (marker == null || names.contains(marker.getName())) {
            return;
        }
        names.add(marker.getName());
        if (marker.hasReferences()) {
            marker.iterator().forEachRemaining(reference -> collect(reference, names));
        }
    }

    @Override
    public CallerData callerData() {
        StackTraceElement[] callerData = event.getCallerData();
        if (callerData == null || callerData.length == 0) {
            return null;
        }
        StackTraceElement caller = callerData[0];
        return new CallerData(caller.getClassName(), caller.getMethodName(), caller.getFileName(), caller.getLineNumber());
    }
}
