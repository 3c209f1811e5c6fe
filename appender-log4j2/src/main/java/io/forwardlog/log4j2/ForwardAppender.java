package io.forwardlog.log4j2;

import io.forwardlog.ForwardPipeline;
import io.forwardlog.ForwardSettings;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.StringLayout;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;
import org.apache.logging.log4j.core.appender.AbstractAppender;

/**
 * The Log4j2 {@code <Forward>} appender: ships events to Fluentd / Fluent Bit over the Forward
 * protocol, balanced across the nodes of a Fluent Bit upstream file.
 *
 * <pre>{@code
 * <Forward name="fluent" upstream="conf/upstream.conf" tag="app.orders">
 *   <KeyValuePair key="env" value="prod"/>
 * </Forward>
 * }</pre>
 *
 * <p>Every attribute is a setting of {@link io.forwardlog.Settings}, read by {@link ForwardAppenderBuilder}.
 * Appending costs the logging thread the encoding of one event and never touches the network; a Layout,
 * when given, makes the
 * {@code message} field. A reconfiguration that keeps the attributes keeps the connections and the
 * buffered events (see {@link ForwardManager}); otherwise the old appender delivers what it holds
 * when the old configuration stops. Problems are reported through Log4j2's {@code StatusLogger}.
 */
@Plugin(name = "Forward", category = Core.CATEGORY_NAME, elementType = Appender.ELEMENT_TYPE, printObject = true)
public final class ForwardAppender extends AbstractAppender {

    private final ForwardManager manager;
    private final StringLayout layout;
    /** The layout's text of an event, or {@code null} for the formatted message. */
    private final Function<LogEvent, String> layoutText;
    /** Each logging thread's reusable view of its events. */
    private final ThreadLocal<Log4jEvent> views = ThreadLocal.withInitial(Log4jEvent::new);

    /** @param layout makes the {@code message} field, or {@code null} for the formatted message */
    ForwardAppender(String name, Filter filter, StringLayout layout, boolean ignoreExceptions, Property[] properties,
                    ForwardManager manager) {
        super(name, filter, layout, ignoreExceptions, properties);
        this.manager = manager;
        this.layout = layout;
        this.layoutText = layout == null ? null : this::layoutOutput;
    }

    /** The builder Log4j2 fills from the {@code <Forward>} element. */
    @PluginBuilderFactory
    public static ForwardAppenderBuilder newBuilder() {
        return new ForwardAppenderBuilder();
    }

    /**
     * Buffers the event for delivery; never throws and never blocks past the {@code overflow} policy.
     * The event is read, and the layout applied, inside the pipeline's encoding, which drops an event
     * that cannot be read (a method this Log4j2 version lacks) rather than throw.
     */
    @Override
    public void append(LogEvent event) {
        Log4jEvent view = Log4jEvent.of(views, event, layoutText);
        try {
            manager.append(view);
        } finally {
            view.release();
        }
    }

    /** The layout's text without its trailing line separator, or {@code null} when the layout fails. */
    private String layoutOutput(LogEvent event) {
        try {
            String text = layout.toSerializable(event);
            int end = text.length();
            while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
                end--;
            }
            return text.substring(0, end);
        } catch (RuntimeException e) {
            // the error handler, not an exception: append never throws, whatever ignoreExceptions says
            error("forwardlog '" + getName() + "': the layout failed (" + e
                    + "); the event is sent with its formatted message");
            return null;
        }
    }

    /** True with {@code includeCallerData}: Log4j2 then finds each event's caller on the logging thread. */
    @Override
    public boolean requiresLocation() {
        return manager.settings().schema().includeCallerData() || super.requiresLocation();
    }

    /** Lets go of the manager: the last appender using it delivers what is buffered before returning. */
    @Override
    public boolean stop(long timeout, TimeUnit timeUnit) {
        setStopping();
        boolean stopped = super.stop(timeout, timeUnit, false);
        stopped &= manager.stop(timeout, timeUnit);
        setStopped();
        return stopped;
    }

    /** The settings this appender runs with, as {@code log4j2.xml} gave them and defaults filled in. */
    public ForwardSettings settings() {
        return manager.settings();
    }

    ForwardManager manager() {
        return manager;
    }
}
