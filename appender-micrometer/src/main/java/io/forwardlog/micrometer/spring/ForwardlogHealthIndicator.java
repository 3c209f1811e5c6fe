package io.forwardlog.micrometer.spring;

import io.forwardlog.NodeStatus;
import io.forwardlog.RunningAppender;
import io.forwardlog.RunningAppenders;
import io.forwardlog.RunningNode;
import io.forwardlog.Settings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The health of the running forwardlog appenders: {@code DOWN} when one of them has no node available (every
 * node down, or none while its upstream file is awaited: events are only buffered), {@code UP} when each has
 * one, {@code UNKNOWN} when none runs (e.g. a profile without the appender). The details give, per appender,
 * its upstream, how many nodes are available, and each node's state and last error.
 */
public class ForwardlogHealthIndicator implements HealthIndicator {

    @Override
    public Health health() {
        List<RunningAppender> appenders = RunningAppenders.list();
        if (appenders.isEmpty()) {
            return Health.unknown().withDetail("appenders", "no forwardlog appender is running").build();
        }
        boolean allAvailable = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (RunningAppender appender : appenders) {
            Map<String, NodeStatus> nodes = inForce(appender.nodes());
            long available = nodes.values().stream().filter(NodeStatus::isAvailable).count();
            allAvailable &= available > 0;
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("status", available > 0 ? Status.UP.getCode() : Status.DOWN.getCode());
            detail.put(Settings.UPSTREAM.name(), appender.upstreamName());
            detail.put("availableNodes", available);
            Map<String, Object> byNode = new LinkedHashMap<>();
            nodes.forEach((name, status) -> byNode.put(name, node(status)));
            detail.put("nodes", byNode);
            details.put(appender.name(), detail);
        }
        return (allAvailable ? Health.up() : Health.down()).withDetails(details).build();
    }

    /** One status per node name: a node changed by a reload is there retiring and in force; the latter counts. */
    private static Map<String, NodeStatus> inForce(List<RunningNode> nodes) {
        Map<String, NodeStatus> byName = new LinkedHashMap<>();
        for (RunningNode node : nodes) {
            NodeStatus status = node.status();
            NodeStatus seen = byName.get(node.name());
            if (seen == null || seen.getState().equals(NodeStatus.RETIRING)) {
                byName.put(node.name(), status);
            }
        }
        return byName;
    }

    private static Map<String, Object> node(NodeStatus status) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("address", status.getAddress());
        node.put("state", status.getState());
        if (status.getLastError() != null) {
            node.put("lastError", status.getLastError());
        }
        return node;
    }
}
