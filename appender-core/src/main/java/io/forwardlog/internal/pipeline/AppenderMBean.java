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

    /**
     * Registers as {@code io.forwardlog:type=ForwardAppender,name=<name>}, or, while that name is taken
     * (a reconfiguration starts the new appender before it stops the old one; two appenders with one
     * name), with {@code ,instance=2}, {@code 3}...
     *
     * @return a problem to report, or {@code null}
     */
    String register(String appenderName) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            String base = "io.forwardlog:type=ForwardAppender,name=" + ObjectName.quote(appenderName);
            for (int instance = 1; instance < 100; instance++) {
                ObjectName name = new ObjectName(instance == 1 ? base : base + ",instance=" + instance);
                if (!server.isRegistered(name)) {
                    server.registerMBean(this, name);
                    registered = name;
                    return null;
                }
            }
            return "cannot register the JMX MBean: 99 appenders named '" + appenderName + "' are registered";
        } catch (JMException | RuntimeException e) {
            return "cannot register the JMX MBean: " + e.getMessage();
        }
    }

    ObjectName name() {
        return registered;
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
