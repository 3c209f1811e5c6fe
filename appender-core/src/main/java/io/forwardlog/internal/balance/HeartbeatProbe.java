package io.forwardlog.internal.balance;

import io.forwardlog.HeartbeatType;
import io.forwardlog.internal.forward.DeliveryException;
import io.forwardlog.internal.forward.ForwardConnection;
import io.forwardlog.internal.util.Durations;
import io.forwardlog.internal.util.Errors;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One heartbeat to one node, run on a heartbeat thread. With {@code transport} it uses the data
 * connection when there is one (the sender sends an empty Forward message with a chunk id, and the
 * ack is the heartbeat), otherwise a connection of its own through the node's transport and handshake;
 * with {@code tcp} a bare connect; with {@code udp} Fluentd's datagram.
 */
final class HeartbeatProbe {

    private final HeartbeatType type;
    private final Duration timeout;
    private final UdpHeartbeat udp;
    private final LongSupplier nanoTime;
    private final String tag;

    HeartbeatProbe(HeartbeatType type, Duration timeout, UdpHeartbeat udp, LongSupplier nanoTime, String tag) {
        this.type = type;
        this.timeout = timeout;
        this.udp = udp;
        this.nanoTime = nanoTime;
        this.tag = tag;
    }

    void probe(NodeChannel node) {
        switch (type) {
            case TCP -> tcp(node);
            case UDP -> udp.send(node);
            case TRANSPORT -> transport(node);
            case NONE -> { }
        }
    }

    private void tcp(NodeChannel node) {
        var address = node.definition().address();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.host(), address.port()), (int) Math.max(1, timeout.toMillis()));
            node.health().heartbeat(nanoTime.getAsLong());
        } catch (IOException e) {
            node.health().heartbeatFailed("TCP heartbeat failed: " + Errors.describe(e));
        }
    }

    private void transport(NodeChannel node) {
        if (node.hasLiveConnection()) {
            node.requestPing();
            return;
        }
        ForwardConnection probe = node.newConnection();
        boolean adopted = false;
        try {
            probe.open();
            probe.ping(tag);
            if (probe.awaitAcks(timeout)) {
                adopted = node.adopt(probe);
            } else if (probe.inFlight() > 0) {
                node.health().heartbeatFailed(probe.isBroken() ? probe.failure().getMessage()
                        : "no answer to a heartbeat within " + Durations.format(timeout));
            } else {
                // the ping was acknowledged, then the node closed the connection, as one that denies
                // keep-alive does: the heartbeat succeeded all the same
                return;
            }
        } catch (DeliveryException e) {
            node.health().heartbeatFailed(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!adopted) {
                probe.close();
            }
        }
    }

}
