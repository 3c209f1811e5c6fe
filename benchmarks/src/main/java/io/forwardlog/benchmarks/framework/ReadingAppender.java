package io.forwardlog.benchmarks.framework;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;

/**
 * Logback's baseline for the allocation benchmarks: reads what any appender that ships an event reads
 * (the formatted message, the MDC, the thread's and the logger's name) and does nothing else, so that
 * what an appender allocates beyond it is what shipping costs.
 */
public final class ReadingAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    /** Written so that the reads are not optimised away. */
    private volatile int sink;

    @Override
    protected void append(ILoggingEvent event) {
        sink = event.getFormattedMessage().length() + event.getMDCPropertyMap().size() + event.getThreadName().length()
                + event.getLoggerName().length();
    }
}
