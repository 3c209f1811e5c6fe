package io.forwardlog;

import java.util.List;
import java.util.Map;

/**
 * The JMX view of one appender, registered as {@code io.forwardlog:type=ForwardAppender,name=<name>}:
 * which nodes are in use, and what was delivered, buffered, spooled and dropped.
 */
public interface ForwardAppenderMXBean {

    List<NodeStatus> getNodes();

    long getEventsAppended();

    long getEventsDelivered();

    long getEventsBuffered();

    long getBytesBuffered();

    long getEventsSpooled();

    /** Dropped events by reason. */
    Map<String, Long> getEventsDropped();
}
