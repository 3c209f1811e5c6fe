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

/**
 * A Log4j2 event as forwardlog reads it, straight from the event without copying. Valid only while
 * the appender's {@code append} runs: Log4j2 reuses mutable events (async loggers, garbage-free mode).
 */
final class Log4jEvent implements LogEvent {

    /** The MapMessage entry that holds the message itself, not a field. */
    private static final String MESSAGE_KEY = "message";

    private final org.apache.logging.log4j.core.LogEvent event;
    private final Function<org.apache.logging.log4j.core.LogEvent, String> layout;

    /**
     * Reads nothing yet: core reads the event while it encodes it, where whatever Log4j2 throws drops
     * the event instead of reaching the application.
     *
     * @param layout the appender's layout as text, {@code null} when it failed for this event; or
     *     {@code null} for the formatted message
     */
    Log4jEvent(org.apache.logging.log4j.core.LogEvent event,
               Function<org.apache.logging.log4j.core.LogEvent, String> layout) {
        this.event = event;
        this.layout = layout;
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
    public String message() {
        String layoutOutput = layout == null ? null : layout.apply(event);
        if (layoutOutput != null) {
            return layoutOutput;
        }
        Message message = event.getMessage();
        if (message instanceof MapMessage<?, ?> map && map.containsKey(MESSAGE_KEY)) {
            // a MapMessage's own "message" entry is the message, as Log4j2's JSON layouts read it
            return map.get(MESSAGE_KEY);
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
            context.forEach((key, value) -> action.accept(key, value == null ? null : value.toString()));
        }
    }

    @Override
    public void forEachKeyValue(BiConsumer<String, Object> action) {
        if (event.getMessage() instanceof MapMessage<?, ?> map) {
            map.<Object>forEach((key, value) -> {
                if (!MESSAGE_KEY.equals(key)) {
                    action.accept(key, value);
                }
            });
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
