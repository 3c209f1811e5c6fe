package io.forwardlog.micrometer;

import io.forwardlog.NodeStatus;
import io.forwardlog.RunningNode;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * The meters of one node name (tags {@code appender}, {@code upstream}, {@code node}). A node changed by a
 * reload is two channels under one name for a while, the old one retiring: the counters add both up, and keep
 * what a channel counted after it is gone, so that they never go back.
 */
final class NodeMeters {

    static final String STATE = "forwardlog.node.state";
    static final String BATCHES_IN_FLIGHT = "forwardlog.batches.in.flight";
    static final String ACK_ROUND_TRIP = "forwardlog.ack.round.trip";

    /** The counters of a node, each read from its status. */
    enum Count {
        EVENTS_SENT("forwardlog.events.sent", null, "Events sent to the node", NodeStatus::getEventsSent),
        BATCHES_SENT("forwardlog.batches.sent", null, "Batches sent to the node", NodeStatus::getBatchesSent),
        DATA_SENT("forwardlog.data.sent", BaseUnits.BYTES, "Bytes of events sent to the node", NodeStatus::getBytesSent),
        BATCHES_ACKNOWLEDGED("forwardlog.batches.acknowledged", null, "Batches the node acknowledged",
                NodeStatus::getBatchesAcknowledged),
        FAILURES("forwardlog.node.failures", null, "Connection failures that took the node out",
                NodeStatus::getFailures),
        CONNECTIONS("forwardlog.connections.opened", null,
                "Connections established to the node: the first one and every reconnect", NodeStatus::getConnections),
        HANDSHAKE_FAILURES("forwardlog.handshake.failures", null,
                "Connections that ended in a refused or failed Forward handshake", NodeStatus::getHandshakeFailures),
        TLS_FAILURES("forwardlog.tls.failures", null, "Connections that ended in a failed TLS handshake",
                NodeStatus::getTlsFailures),
        ACK_ROUND_TRIP_NANOS(null, null, null, NodeStatus::getAckRoundTripNanos);

        final String meter;
        /** {@code BaseUnits.BYTES} or {@code null}: the other counters' names say what they count. */
        final String unit;
        final String description;
        final ToLongFunction<NodeStatus> read;

        Count(String meter, String unit, String description, ToLongFunction<NodeStatus> read) {
            this.meter = meter;
            this.unit = unit;
            this.description = description;
            this.read = read;
        }
    }

    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();
    /**
     * The node's channels now, and what those gone from the node set counted (by {@link Count#ordinal()}):
     * replaced together, never changed, so that the registry's threads read both at once without a lock and
     * a counter never goes back.
     */
    private record Channels(List<RunningNode> live, long[] carried) {
    }

    private volatile Channels channels;

    private NodeMeters(MeterRegistry registry, List<RunningNode> channels) {
        this.registry = registry;
        this.channels = new Channels(List.copyOf(channels), new long[Count.values().length]);
    }

    static NodeMeters register(MeterRegistry registry, Tags tags, List<RunningNode> channels) {
        NodeMeters meters = new NodeMeters(registry, channels);
        meters.registerAll(tags);
        return meters;
    }

    private void registerAll(Tags tags) {
        for (String state : NodeStatus.STATES) {
            meters.add(Gauge.builder(STATE, this, m -> state.equals(m.state()) ? 1 : 0).tags(tags).tag("state", state)
                    .description("1 for the node's state, 0 for the others").register(registry));
        }
        for (Count count : Count.values()) {
            if (count.meter != null) {
                meters.add(FunctionCounter.builder(count.meter, this, m -> m.total(count)).tags(tags)
                        .baseUnit(count.unit).description(count.description).register(registry));
            }
        }
        meters.add(Gauge.builder(BATCHES_IN_FLIGHT, this, NodeMeters::inFlight).tags(tags)
                .description("Batches sent to the node and not yet delivered").register(registry));
        meters.add(FunctionTimer.builder(ACK_ROUND_TRIP, this, m -> m.total(Count.BATCHES_ACKNOWLEDGED),
                        m -> m.total(Count.ACK_ROUND_TRIP_NANOS), TimeUnit.NANOSECONDS).tags(tags)
                .description("From the write of a batch's frame to its ack (requireAckResponse)").register(registry));
    }

    /** Follows the node's channels now; what those that left counted is kept. Its binding's lock. */
    void follow(List<RunningNode> now) {
        Channels before = channels;
        long[] kept = before.carried().clone();
        for (RunningNode gone : before.live()) {
            if (!now.contains(gone)) {
                NodeStatus last = gone.status();
                for (Count count : Count.values()) {
                    kept[count.ordinal()] += count.read.applyAsLong(last);
                }
            }
        }
        channels = new Channels(List.copyOf(now), kept);
    }

    private long total(Count count) {
        Channels now = channels;
        long n = now.carried()[count.ordinal()];
        for (RunningNode channel : now.live()) {
            n += count.read.applyAsLong(channel.status());
        }
        return n;
    }

    /** The state of the channel in force, or of the retiring one when it is alone. */
    private String state() {
        String state = NodeStatus.RETIRING;
        for (RunningNode channel : channels.live()) {
            String s = channel.status().getState();
            if (!s.equals(NodeStatus.RETIRING)) {
                return s;
            }
        }
        return state;
    }

    private double inFlight() {
        int n = 0;
        for (RunningNode channel : channels.live()) {
            n += channel.status().getInFlight();
        }
        return n;
    }

    void remove() {
        meters.forEach(registry::remove);
        meters.clear();
    }
}
