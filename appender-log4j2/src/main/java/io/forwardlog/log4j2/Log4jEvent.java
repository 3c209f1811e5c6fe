package io.forwardlog.log4j2;

import io.forwardlog.LogEvent;
import io.forwardlog.ThrowableView;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.apache.logging.log4j.util.StringBuilderFormattable;
import org.apache.logging.log4j.util.TriConsumer;

/**
 * A Log4j2 event as forwardlog reads it, straight from the event without copying. Valid only while
 * the appender's {@code append} runs: Log4j2 reuses mutable events (async loggers, garbage-free mode).
 *
 * <p>A view is reused: each logging thread has one per appender, pointed at each event in turn and let
 * go when {@code append} returns. A message that can format itself into a buffer (every message of
 * Log4j2's garbage-free mode can) is formatted into the view's own builder, and context data is walked
 * without a capturing lambda, so that in garbage-free mode a log call allocates nothing here. A thread
 * that appends again while its view is in use (a layout that logs) gets a new one.
 */
final class Log4jEvent implements LogEvent {

    /** The MapMessage entry that holds the message itself, not a field. */
    private static final String MESSAGE_KEY = "message";
    /** A builder grown larger than this by one huge message is not kept for the thread's next ones. */
    private static final int KEEP_TEXT_CHARS = 64 * 1024;
    private static final TriConsumer<String, Object, BiConsumer<String, String>> CONTEXT_ENTRY =
            (key, value, action) -> action.accept(key, value == null ? null : value.toString());
    private static final TriConsumer<String, Object, BiConsumer<String, Object>> MAP_ENTRY = (key, value, action) -> {
        if (!MESSAGE_KEY.equals(key)) {
            action.accept(key, value);
        }
    };

    private org.apache.logging.log4j.core.LogEvent event;
    private Function<org.apache.logging.log4j.core.LogEvent, String> layout;
    private StringBuilder text = new StringBuilder(256);
    private boolean inUse;

    /**
     * The thread's view pointed at {@code event} until {@link #release()}; a new one if the thread's is in
     * use. Reads nothing yet: core reads the event while it encodes it, where whatever Log4j2 throws
     * drops the event instead of reaching the application.
     *
     * @param layout the appender's layout as text, {@code null} when it failed for this event; or
     *     {@code null} for the formatted message
     */
    static Log4jEvent of(ThreadLocal<Log4jEvent> views, org.apache.logging.log4j.core.LogEvent event,
                         Function<org.apache.logging.log4j.core.LogEvent, String> layout) {
        Log4jEvent view = views.get();
        if (view.inUse) {
            view = new Log4jEvent();
        }
        view.event = event;
        view.layout = layout;
        view.inUse = true;
        return view;
    }

    /** Done with the event: the view keeps nothing of it. */
    void release() {
        event = null;
        layout = null;
        inUse = false;
        if (text.capacity() > KEEP_TEXT_CHARS) {
            text = new StringBuilder(256);
        } else {
            text.setLength(0);
        }
    }

    @Override
    public long epochSecond() {
        return event.getInstant().getEpochSecond();
    }

    @Override
    public int nanoOfSecond() {
        return event.getInstant().getNanoOfSecond();
    }

    @Override
    public String level() {
        return event.getLevel().name();
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
    public CharSequence message() {
        String layoutOutput = layout == null ? null : layout.apply(event);
        if (layoutOutput != null) {
            return layoutOutput;
        }
        Message message = event.getMessage();
        if (message instanceof MapMessage<?, ?> map && map.containsKey(MESSAGE_KEY)) {
            // a MapMessage's own "message" entry is the message, as Log4j2's JSON layouts read it
            return map.get(MESSAGE_KEY);
        }
        if (message instanceof StringBuilderFormattable formattable) {
            // as Log4j2's own layouts do: the text goes into a reused builder, no String is made
            text.setLength(0);
            formattable.formatTo(text);
            return text;
        }
        return message == null ? null : message.getFormattedMessage();
    }

    @Override
    public ThrowableView throwable() {
        return ThrowableView.of(event.getThrown());
    }

    @Override
    public void forEachContextEntry(BiConsumer<String, String> action) {
        ReadOnlyStringMap context = event.getContextData();
        if (context != null) {
            context.forEach(CONTEXT_ENTRY, action);
        }
    }

    @Override
    public void forEachKeyValue(BiConsumer<String, Object> action) {
        if (event.getMessage() instanceof MapMessage<?, ?> map) {
            map.forEach(MAP_ENTRY, action);
        }
    }

    @Override
    public void forEachMarker(Consumer<String> action) {
        Marker marker = event.getMarker();
        if (marker == null) {
            return;
        }
        if (!marker.hasParents()) {
            action.accept(marker.getName());
            return;
        }
        List<String> names = new ArrayList<>();
        collect(marker, names);
        names.forEach(action);
    }

    /** The marker, then its parents depth first; a marker reached twice is named once. */
    private static void collect(Marker marker, List<String> names) {
        if (names.contains(marker.getName())) {
            return;
        }
        names.add(marker.getName());
        Marker[] parents = marker.getParents();
        if (parents != null) {
            for (Marker parent : parents) {
                collect(parent, names);
            }
        }
    }

    @Override
    public CallerData callerData() {
        StackTraceElement source = event.getSource();
        return source == null ? null
                : new CallerData(source.getClassName(), source.getMethodName(), source.getFileName(),
                        source.getLineNumber());
    }
}
