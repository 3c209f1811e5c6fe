package io.forwardlog.internal.balance;

import io.forwardlog.HeartbeatType;
import io.forwardlog.internal.transport.IoLoop;
import java.io.IOException;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Sends a heartbeat to every node in force each {@code heartbeatInterval}, on the I/O loop:
 * {@code transport} pings the data connection (opening one when there is none), {@code udp} sends
 * Fluentd's datagram; {@code tcp} is, as in Fluentd 1.x, {@code transport} under an old name. The
 * answers are the failure detector's samples. I/O loop thread only.
 */
public final class Heartbeats implements AutoCloseable {

    private final HeartbeatType type;
    private final long intervalNanos;
    private UdpHeartbeat udp;
    private long nextDueNanos;

    public Heartbeats(HeartbeatType type, long intervalNanos) {
        this.type = type;
        this.intervalNanos = intervalNanos;
    }

    /** Opens the UDP socket when needed; the first heartbeats are due one interval from now. */
    public void start(IoLoop loop, Connector connector, NodeSet nodes, LongSupplier nanoTime) throws IOException {
        long nowNanos = nanoTime.getAsLong();
        if (type == HeartbeatType.UDP) {
            udp = UdpHeartbeat.open(loop, connector, nodes, nanoTime);
        }
        nextDueNanos = nowNanos + intervalNanos;
    }

    /**
     * Sends the heartbeats that are due at {@code nowNanos}.
     *
     * @return when the next ones are due, or {@code Long.MAX_VALUE} without heartbeats
     */
    public long run(long nowNanos, List<NodeChannel> nodes) {
        if (type == HeartbeatType.NONE) {
            return Long.MAX_VALUE;
        }
        if (nowNanos - nextDueNanos >= 0) {
            for (NodeChannel node : nodes) {
                if (type == HeartbeatType.UDP) {
                    udp.send(node);
                } else {
                    node.heartbeat();
                }
            }
            // a late round does not make up for lost time: the gap between heartbeats stays the interval
            nextDueNanos = Math.max(nextDueNanos + intervalNanos, nowNanos + intervalNanos / 2);
        }
        return nextDueNanos;
    }

    @Override
    public void close() {
        if (udp != null) {
            udp.close();
        }
    }
}
