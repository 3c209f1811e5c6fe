package io.forwardlog.internal.pipeline;

import io.forwardlog.ForwardAppenderMXBean;
import io.forwardlog.NodeStatus;
import io.forwardlog.PipelineStats;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** Registers an appender's statistics with the platform MBean server while it runs. */
final class AppenderMBean implements ForwardAppenderMXBean {

    private final Supplier<PipelineStats> stats;
    private ObjectName registered;

    AppenderMBean(Supplier<PipelineStats> stats) {
        this.stats = stats;
    }

    /** @return a problem to report, or {@code null} */
    String register(String appenderName) {
        try {
            ObjectName name = new ObjectName("io.forwardlog:type=ForwardAppender,name=" + ObjectName.quote(appenderName));
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(name)) {
                return "a JMX MBean named " + name + " is already registered (two appenders named '" + appenderName
                        + "'?); this one has none";
            }
            server.registerMBean(this, name);
            registered = name;
            return null;
        } catch (JMException | RuntimeException e) {
            return "cannot register the JMX MBean: " + e.getMessage();
        }
    }

    void unregister() {
        if (registered != null) {
            try {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(registered);
            } catch (JMException e) {
                // already gone: nothing to undo
            }
            registered = null;
        }
    }

    @Override
    public List<NodeStatus> getNodes() {
        return stats.get().nodes();
    }

    @Override
    public long getEventsAppended() {
        return stats.get().eventsAppended();
    }

    @Override
    public long getEventsDelivered() {
        return stats.get().eventsDelivered();
    }

    @Override
    public long getEventsBuffered() {
        return stats.get().eventsBuffered();
    }

    @Override
    public long getBytesBuffered() {
        return stats.get().bytesBuffered();
    }

    @Override
    public long getEventsSpooled() {
        return stats.get().eventsSpooled();
    }

    @Override
    public Map<String, Long> getEventsDropped() {
        return stats.get().eventsDropped();
    }
}
